"""Check that graphbuild's memoised stand-in for ``attribute_ruler`` + ``lemmatizer`` gives their output.

Each text is parsed once (tok2vec, tagger, parser); one copy of the Doc then goes through the model's
own ``attribute_ruler`` and ``lemmatizer``, the other through
:class:`graphbuild.token_attrs.TokenAttrs`, and TAG, POS, MORPH, LEMMA and DEP are compared on every
token.  Texts: the BBC News articles, the CoNLL-2003 documents and the RAMS examples under
``../shared/data`` (each skipped when absent).  Prints the counts and the first differences; exits 1
on any difference, and reports the CPU time of each side.

    python benchmarks/token_attrs_equal.py            # everything
    python benchmarks/token_attrs_equal.py --limit 200
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"


def texts(data: Path, limit: int | None) -> Iterator[tuple[str, str]]:
    """(corpus, text) pairs: BBC News, CoNLL-2003 (testa, testb), RAMS (dev, test); ``limit`` per corpus."""
    sys.path.insert(0, str(ROOT))
    from eval.dev_corpus import conll_article, conll_documents, detokenise

    bbc = data / "bbc_news" / "bbc_news_2225.jsonl.gz"
    if bbc.is_file():
        with gzip.open(bbc, "rt", encoding="utf-8") as fh:
            for n, line in enumerate(fh):
                if limit is not None and n >= limit:
                    break
                yield "bbc", json.loads(line)["text"]
    for name in ("eng.testa", "eng.testb"):
        path = data / "conll2003" / name
        if path.is_file():
            for n, sentences in enumerate(conll_documents(path)):
                if limit is not None and n >= limit:
                    break
                yield "conll2003", conll_article(sentences)[0]
    for split in ("dev", "test"):
        path = data / "rams" / f"{split}.jsonlines.gz"
        if path.is_file():
            with gzip.open(path, "rt", encoding="utf-8") as fh:
                for n, line in enumerate(fh):
                    if limit is not None and n >= limit:
                        break
                    d = json.loads(line)
                    yield "rams", detokenise([t for s in d["sentences"] for t in s], join_hyphens=True)


def _summary(counts: dict[str, list[int]]) -> str:
    return "; ".join(f"{corpus}: {docs} texts, {tokens} tokens, {ddocs} texts and {dtokens} tokens differ"
                     for corpus, (docs, tokens, ddocs, dtokens) in counts.items())


def main() -> int:
    """Command line (see the module docstring)."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--limit", type=int, default=None, help="only the first N texts of each corpus")
    ap.add_argument("--corpus", action="append", choices=["bbc", "conll2003", "rams"],
                    help="only this corpus (repeatable; default all)")
    ap.add_argument("--start", type=int, default=0, help="skip the first N texts of each corpus")
    ap.add_argument("--data", type=Path, default=DATA)
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT))
    from spacy.attrs import DEP, LEMMA, MORPH, POS, TAG

    from graphbuild.nlp import load_pipeline

    nlp = load_pipeline()
    stand_in = nlp.get_pipe("graphbuild_token_attrs")
    ruler, lemmatizer = nlp.get_pipe("attribute_ruler"), nlp.get_pipe("lemmatizer")
    attrs = [TAG, POS, MORPH, LEMMA, DEP]
    counts: dict[str, list[int]] = {}
    cpu = {"model": 0.0, "stand-in": 0.0}
    shown = 0
    seen: dict[str, int] = {}
    chosen = []
    for corpus, text in texts(args.data, args.limit):
        seen[corpus] = seen.get(corpus, 0) + 1
        if (args.corpus is None or corpus in args.corpus) and seen[corpus] > args.start:
            chosen.append((corpus, text))
    with nlp.select_pipes(enable=["tok2vec", "tagger", "parser"]):
        parsed = nlp.pipe(((t, c) for c, t in chosen), as_tuples=True, batch_size=16)
        for n, (doc, corpus) in enumerate(parsed, 1):
            if n % 100 == 0:
                print(f"{n} texts: {_summary(counts)}", flush=True)
            a, b = doc.copy(), doc.copy()
            t0 = time.process_time()
            lemmatizer(ruler(a))
            t1 = time.process_time()
            stand_in(b)
            cpu["stand-in"] += time.process_time() - t1
            cpu["model"] += t1 - t0
            x, y = a.to_array(attrs), b.to_array(attrs)
            c = counts.setdefault(corpus, [0, 0, 0, 0])
            c[0] += 1
            c[1] += len(doc)
            bad = [i for i in range(len(doc)) if (x[i] != y[i]).any()]
            if bad:
                c[2] += 1
                c[3] += len(bad)
                for i in bad[: max(0, 5 - shown)]:
                    ta, tb = a[i], b[i]
                    print(f"{corpus}: {ta.text!r}: model {ta.tag_} {ta.pos_} {ta.morph} {ta.lemma_} {ta.dep_}"
                          f" / stand-in {tb.tag_} {tb.pos_} {tb.morph} {tb.lemma_} {tb.dep_}")
                    shown += 1
    print(_summary(counts))
    total = sum(c[0] for c in counts.values())
    if total:
        print(f"CPU ms/text: model attribute_ruler + lemmatizer {1000 * cpu['model'] / total:.2f}, "
              f"stand-in {1000 * cpu['stand-in'] / total:.2f}")
    else:
        print(f"no texts under {args.data}; nothing compared")
    return 1 if any(c[2] for c in counts.values()) else 0


if __name__ == "__main__":
    raise SystemExit(main())
