#!/usr/bin/env python3
"""Build the dev gold's article corpus (JSONL) from ../shared/data at run time.

The project keeps only references to the articles (``eval/dev_docs.tsv``) and
their annotations (``eval/dev_gold.jsonl``); the texts stay in the shared
datasets, whose licences do not allow copying them here. This script reads the
references and writes one JSONL line per article, ``{"id", "text", "date"?}``,
which ``graphbuild build`` reads directly:

    python eval/dev_corpus.py --shared ../shared --out /tmp/dev.jsonl

References (third column of dev_docs.tsv), by source (second column):

- ``conll2003``: ``eng.testa:N`` -- the N-th document (0-based, counted by
  ``-DOCSTART-`` lines) of the CoNLL-2003 dev split; the date comes from the
  Reuters dateline.
- ``wikievents``: ``dev:DOC_ID`` or ``dev:DOC_ID:A-B`` -- a WikiEvents dev
  document, optionally only its sentences A..B-1; the date from a VOA id.
- ``rams``: ``dev:DOC_KEY`` -- a RAMS 1.0 dev example (a five-sentence window);
  the date from its source URL when the URL carries one.

Standard library only. Exits with a one-line message when the data is absent.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
DOCS_TSV = HERE / "dev_docs.tsv"
SOURCES = ("conll2003", "wikievents", "rams")
MONTHS = {m: i for i, m in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1)}


class CorpusError(Exception):
    """A reference that cannot be resolved, or data that is missing."""


def read_refs(path: Path = DOCS_TSV) -> list[tuple[str, str, str]]:
    """(id, source, reference) rows of dev_docs.tsv; '#' lines and blanks are skipped."""
    rows = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3 or not all(p.strip() for p in parts):
            raise CorpusError(f"{path}:{lineno}: expected 3 tab-separated fields (id, source, reference)")
        doc_id, source, ref = (p.strip() for p in parts)
        if source not in SOURCES:
            raise CorpusError(f"{path}:{lineno}: unknown source {source!r} (one of {', '.join(SOURCES)})")
        rows.append((doc_id, source, ref))
    return rows


# --- detokenising tokenised news (CoNLL-2003, RAMS) ---------------------------------------------

_NO_SPACE_BEFORE = re.compile(r" ([,.;:!?%)\]}]|'s\b|'S\b|n't\b|'re\b|'ve\b|'ll\b|'d\b|'m\b|’s\b)")
_NO_SPACE_AFTER = re.compile(r"([(\[{$]) ")


def detokenise(tokens: Iterable[str], join_hyphens: bool = False, in_quote: bool = False) -> str:
    """Join word tokens into readable text: no space before punctuation or clitics, paired quotes.

    ``join_hyphens`` writes "pro - coup" as "pro-coup" (RAMS splits hyphenated words; CoNLL-2003
    uses a spaced hyphen as a dash in headlines, so it keeps it). ``in_quote``: the tokens begin
    inside a quotation (a window cut from a longer article), so the first quote mark closes.
    """
    out: list[str] = []
    open_quote = in_quote
    for tok in tokens:
        if tok == '"':
            out.append('"' if open_quote else ' "')
            if open_quote:
                out.append("\x00")  # the next token follows with a space
            open_quote = not open_quote
            continue
        if out and out[-1] == ' "':
            out.append(tok)  # an opening quote hugs the next word
        elif out and out[-1] == "\x00":
            out.append(tok if re.match(r"[,.;:!?)]", tok) else " " + tok)
        else:
            out.append(" " + tok)
    text = "".join(out).replace("\x00", "")
    text = _NO_SPACE_BEFORE.sub(r"\1", text)
    text = _NO_SPACE_AFTER.sub(r"\1", text)
    text = re.sub(r"(?<=\ws) ' (?=\w)", "' ", text)  # plural possessive: "Nations ' watchdog"
    text = re.sub(r"“ ", "“", text)
    text = re.sub(r" ”", "”", text)
    if join_hyphens:
        text = re.sub(r"(?<=\w) - (?=\w)", "-", text)
        text = re.sub(r"(?<=\w\.)- (?=\w)", "-", text)
    return re.sub(r" {2,}", " ", text).strip()


# --- CoNLL-2003 ----------------------------------------------------------------------------------

def conll_documents(path: Path) -> list[list[list[str]]]:
    """Documents of a CoNLL-2003 file, each a list of sentences (lists of tokens)."""
    docs: list[list[list[str]]] = []
    sent: list[str] = []
    cur: list[list[str]] | None = None
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split()
        if fields and fields[0] == "-DOCSTART-":
            if cur is not None:
                if sent:
                    cur.append(sent)
                docs.append(cur)
            cur, sent = [], []
        elif not fields:
            if sent and cur is not None:
                cur.append(sent)
            sent = []
        else:
            sent.append(fields[0])
    if cur is not None:
        if sent:
            cur.append(sent)
        docs.append(cur)
    return docs


def conll_article(sentences: list[list[str]]) -> tuple[str, str | None]:
    """Headline and dateline on their own lines, the body as one paragraph; the dateline's date."""
    date = None
    head: list[str] = []
    body: list[str] = []
    for i, sent in enumerate(sentences):
        line = detokenise(sent)
        m = re.search(r"\b(19\d\d-\d\d-\d\d)$", line)
        if date is None and i <= 2 and m:
            date = m.group(1)
            head.append(line)
        elif not body and i <= 1:
            head.append(line)
        else:
            body.extend(sent)  # quotes run across sentences: detokenise the body in one go
    return "\n".join([*head, detokenise(body)]).strip(), date


def conll_doc(data: Path, ref: str, cache: dict[str, object]) -> tuple[str, str | None]:
    name, _, num = ref.partition(":")
    if not num.isdigit() or "/" in name:
        raise CorpusError(f"conll2003 reference {ref!r} is not FILE:N")
    path = data / "conll2003" / name
    if not path.exists():
        raise CorpusError(f"{path} is missing (CoNLL-2003 data absent)")
    docs = cache.setdefault(str(path), conll_documents(path))
    assert isinstance(docs, list)
    n = int(num)
    if n >= len(docs):
        raise CorpusError(f"{path} has {len(docs)} documents, no document {n}")
    return conll_article(docs[n])


def _indexed(path: Path, key: str, dataset: str, cache: dict[str, object]) -> dict[str, dict]:  # type: ignore[type-arg]
    """The records of the gzipped JSON-lines file ``path`` by their ``key`` field, read once per run."""
    if not path.exists():
        raise CorpusError(f"{path} is missing ({dataset} data absent)")
    if str(path) not in cache:
        with gzip.open(path, "rt", encoding="utf-8") as f:
            cache[str(path)] = {d[key]: d for d in map(json.loads, f)}
    docs = cache[str(path)]
    assert isinstance(docs, dict)
    return docs


# --- WikiEvents ----------------------------------------------------------------------------------

def wikievents_doc(data: Path, ref: str, cache: dict[str, object]) -> tuple[str, str | None]:
    parts = ref.split(":")
    if len(parts) not in (2, 3):
        raise CorpusError(f"wikievents reference {ref!r} is not SPLIT:DOC_ID[:A-B]")
    split, doc_id = parts[0], parts[1]
    path = data / "wikievents" / f"{split}.jsonl.gz"
    docs = _indexed(path, "doc_id", "WikiEvents", cache)
    if doc_id not in docs:
        raise CorpusError(f"{path} has no document {doc_id!r}")
    sentences = [s[1].strip() for s in docs[doc_id]["sentences"]]
    if len(parts) == 3:
        m = re.fullmatch(r"(\d+)-(\d+)", parts[2])
        if not m or int(m.group(1)) >= int(m.group(2)):
            raise CorpusError(f"wikievents reference {ref!r}: sentence range must be A-B with A < B")
        sentences = sentences[int(m.group(1)):int(m.group(2))]
    text = "\n".join(s for s in sentences if s)
    dm = re.search(r"_(\d{4})\.(\d\d)\.(\d\d)\.", doc_id)
    return text, (f"{dm.group(1)}-{dm.group(2)}-{dm.group(3)}" if dm else None)


# --- RAMS ----------------------------------------------------------------------------------------

def url_date(url: str) -> str | None:
    """A publication date written into a news URL (/2016/10/04/ or /2016/jul/24/), if any."""
    m = re.search(r"/(20\d\d)/(\d{1,2}|[a-z]{3})/(\d{1,2})/", url)
    if not m:
        return None
    month = int(m.group(2)) if m.group(2).isdigit() else MONTHS.get(m.group(2), 0)
    day = int(m.group(3))
    if not 1 <= month <= 12 or not 1 <= day <= 31:
        return None
    return f"{m.group(1)}-{month:02d}-{day:02d}"


def rams_doc(data: Path, ref: str, cache: dict[str, object]) -> tuple[str, str | None]:
    split, _, key = ref.partition(":")
    if not key:
        raise CorpusError(f"rams reference {ref!r} is not SPLIT:DOC_KEY")
    path = data / "rams" / f"{split}.jsonlines.gz"
    docs = _indexed(path, "doc_key", "RAMS", cache)
    if key not in docs:
        raise CorpusError(f"{path} has no example {key!r}")
    d = docs[key]
    tokens = [t for s in d["sentences"] for t in s]
    quotes = [i for i, t in enumerate(tokens) if t == '"']
    # an odd number of quote marks, the first after sentence punctuation: the window began mid-quote
    in_quote = len(quotes) % 2 == 1 and quotes[0] > 0 and tokens[quotes[0] - 1] in {",", ".", "?", "!"}
    text = detokenise(tokens, join_hyphens=True, in_quote=in_quote)
    return text, url_date(d.get("source_url", ""))


READERS = {"conll2003": conll_doc, "wikievents": wikievents_doc, "rams": rams_doc}


def build_corpus(shared: Path, refs: list[tuple[str, str, str]]) -> Iterator[dict[str, str]]:
    """One ``{"id", "text", "date"?}`` record per reference, in order."""
    data = shared / "data"
    if not data.is_dir():
        raise CorpusError(f"{data} is missing: the shared datasets are not available here")
    cache: dict[str, object] = {}
    for doc_id, source, ref in refs:
        text, date = READERS[source](data, ref, cache)
        if not text.strip():
            raise CorpusError(f"{doc_id}: reference {source} {ref!r} gives an empty text")
        rec = {"id": doc_id, "text": text}
        if date:
            rec["date"] = date
        yield rec


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Build the dev gold corpus (JSONL) from the shared datasets.")
    ap.add_argument("--shared", type=Path, default=HERE.parent.parent / "shared", help="the shared directory (default ../shared)")
    ap.add_argument("--docs", type=Path, default=DOCS_TSV, help="document references (default eval/dev_docs.tsv)")
    ap.add_argument("--out", type=Path, required=True, help="JSONL file to write ('-' for stdout)")
    args = ap.parse_args(argv)
    try:
        records = list(build_corpus(args.shared, read_refs(args.docs)))
    except (CorpusError, OSError, ValueError, KeyError) as exc:
        print(f"dev_corpus: {exc}", file=sys.stderr)
        return 1
    lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    if str(args.out) == "-":
        sys.stdout.write(lines)
    else:
        tmp = args.out.with_name(args.out.name + ".tmp")
        tmp.write_text(lines, encoding="utf-8")
        tmp.replace(args.out)
        print(f"wrote {len(records)} documents to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
