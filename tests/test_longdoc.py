"""``--max-chars``: long documents are parsed in pieces of the size the user chose, everywhere extraction runs."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from graphbuild import longdoc, workers
from graphbuild.cache import doc_fingerprint
from graphbuild.cli import EXIT_ERROR, main
from graphbuild.errors import GraphbuildError
from graphbuild.model import Document

_PARA = (
    "Foreign Secretary David Lammy met US Secretary of State Antony Blinken in London on Tuesday. "
    "Ukrainian President Volodymyr Zelensky visited Kyiv.\n\n"
)


def _record_pieces(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The ``max_chars`` of every long document parsed from now on (parse_long still runs)."""
    seen: list[int] = []
    real = longdoc.parse_long

    def spy(nlp: Any, text: str, max_chars: int = longdoc.DEFAULT_MAX_CHARS) -> Any:
        seen.append(max_chars)
        return real(nlp, text, max_chars)

    monkeypatch.setattr(longdoc, "parse_long", spy)
    return seen


@pytest.mark.model
def test_build_max_chars_cuts_a_long_article(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    """``build --max-chars 1000`` parses a 2,000-character article in pieces; every mention in graph.json is exact."""
    text = _PARA * 14
    (tmp_path / "long.txt").write_text(text, encoding="utf-8")
    (tmp_path / "short.txt").write_text(_PARA, encoding="utf-8")
    seen = _record_pieces(monkeypatch)
    out = tmp_path / "out"
    code = main(["build", "-q", "--processes", "1", "--no-html", "--max-chars", "1000", "-o", str(out),
                 str(tmp_path / "long.txt"), str(tmp_path / "short.txt")])
    assert code == 0, capsys.readouterr().err
    assert seen == [1000]  # only the long article was cut, at the size asked for
    graph = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    lammy = next(n for n in graph["nodes"] if n.get("label") == "David Lammy")
    mentions = [m for m in lammy["mentions"] if m["doc"] == "long"]
    assert len(mentions) == 14  # one per paragraph, across every piece
    assert all(text[m["start"]:m["end"]] == "David Lammy" for m in mentions)


@pytest.mark.parametrize("value", ["10", "0", "-5", "1000001"])
def test_build_max_chars_out_of_range_is_one_line_before_parsing(
    tmp_path: Path, value: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A ``--max-chars`` spaCy cannot take (or too small to hold a paragraph) stops the build before any parsing."""
    (tmp_path / "a.txt").write_text(_PARA, encoding="utf-8")

    def no_parse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("parsed before the option was checked")

    monkeypatch.setattr(workers, "_parse", no_parse)
    code = main(["build", "-q", "--max-chars", value, "-o", str(tmp_path / "out"), str(tmp_path / "a.txt")])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == EXIT_ERROR
    assert len(err) == 1 and "--max-chars" in err[0] and "1,000,000" in err[0], err
    assert not (tmp_path / "out" / "graph.json").exists()


def test_api_checks_max_chars() -> None:
    """The Python API refuses the same values as the CLI, before reading anything."""
    from graphbuild.api import build_graph
    from graphbuild.pipeline import BuildOptions

    with pytest.raises(GraphbuildError, match="--max-chars"):
        build_graph(["text"], BuildOptions(processes=1, max_chars=2_000_000))


def test_cache_key_depends_on_max_chars_only_for_long_documents() -> None:
    """A long document parsed in other pieces is extracted again; a short one keeps its cached result."""
    long_doc = Document(id="l", text="x " * 3000)
    short = Document(id="s", text="x " * 100)
    assert doc_fingerprint(long_doc, "v", 2000) != doc_fingerprint(long_doc, "v", 4000)
    assert doc_fingerprint(long_doc, "v", 2000) != doc_fingerprint(long_doc, "v", 20000)
    assert doc_fingerprint(short, "v", 2000) == doc_fingerprint(short, "v", 20000) == doc_fingerprint(short, "v")


def test_pool_workers_get_max_chars(monkeypatch: pytest.MonkeyPatch) -> None:
    """A pool worker (initialised as the pool does) parses with the build's ``max_chars``."""
    got: list[int | None] = []

    def fake(docs: Any, model: Any, batch_size: int, max_chars: int | None = None) -> list[bytes | str]:
        got.append(max_chars)
        return []

    monkeypatch.setattr(workers, "extract_batch_pickled", fake)
    monkeypatch.setattr("graphbuild.nlp.load_pipeline", lambda model=None: None)
    monkeypatch.setattr(workers, "_WORKER_MAX_CHARS", None)
    workers._init_worker(None, None, 5000)
    workers._worker_batch([], 4)
    assert got == [5000]


@pytest.mark.model
def test_extract_outcomes_passes_max_chars(monkeypatch: pytest.MonkeyPatch) -> None:
    """In-process extraction (one process, the API's default) cuts at ``max_chars`` too."""
    seen = _record_pieces(monkeypatch)
    text = _PARA * 10
    docs = [Document(id="a", text=text, source="a"), Document(id="b", text=_PARA, source="b")]
    outcomes = list(workers.extract_outcomes(docs, 1, None, 4, 1200))
    assert seen == [1200]
    assert [d.id for d, _, _ in outcomes] == ["a", "b"]
    assert all(not isinstance(r, str) for _, r, _ in outcomes)


def test_mentions_by_token_range_match_a_scan() -> None:
    """The bisection lookup of an entity index returns exactly what a scan of every mention returns."""
    import random

    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from graphbuild.extract.common import EntityIndex
    from graphbuild.model import DocEntity, Mention

    words = [f"w{i}" for i in range(60)]
    doc = Doc(Vocab(), words=words)
    rng = random.Random(3)
    entities = []
    for k in range(12):
        mentions = []
        for _ in range(3):
            s = rng.randrange(0, 58)
            e = min(60, s + rng.randint(1, 3))
            span = doc[s:e]
            mentions.append(Mention(span.start_char, span.end_char, span.text, 0, len(doc.text)))
        entities.append(DocEntity(key=f"e{k}", label=f"E{k}", type="Person", mentions=tuple(mentions)))
    index = EntityIndex(doc, tuple(entities))
    for start in range(0, 61, 3):
        for end in range(start, 61, 4):
            assert index.within(start, end) == [(s, e, h) for s, e, h in index.spans if s >= start and e <= end]
    for _s, _e, h in index.spans:
        first = next((s2, e2) for s2, e2, h2 in index.spans if h2.mention == h.mention)
        assert index.span_of(h) == first


def test_event_merge_looks_only_near_and_in_order() -> None:
    """Events merge with those of their type within MERGE_SPAN characters, tried in the order they were added."""
    from graphbuild.extract import events as ev

    def cand(etype: str, start: int) -> ev.Candidate:
        return ev.Candidate(etype, None, "x", start, start + 1, None, "r")  # type: ignore[arg-type]

    merged = ev._Merged()
    added = [cand("Meet", 50_000), cand("Meet", 10), cand("Travel", 15), cand("Meet", 19_000), cand("Meet", 41_000)]
    for c in added:
        merged.append(c)
    assert list(merged) == added and merged.last["Meet"] is added[4]
    # 50,000 and 41,000 are over 20,000 characters away; the others come in the order they were added
    assert merged.near(cand("Meet", 20_000)) == [added[1], added[3]]
    assert merged.near(cand("Meet", 21_000)) == [added[3], added[4]]
    assert merged.near(cand("Meet", 100_000)) == []
    assert merged.near(cand("Travel", 0)) == [added[2]]
