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
    """The ``max_chars`` of every long document parsed from now on (its pieces are still parsed)."""
    seen: list[int] = []
    real = longdoc.Pieces.parsed

    def spy(self: longdoc.Pieces) -> Any:
        seen.append(self.max_chars)
        return real(self)

    monkeypatch.setattr(longdoc.Pieces, "parsed", spy)
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


_STORY = (
    "Foreign Secretary David Lammy met US Secretary of State Antony Blinken in London on Tuesday. "
    "Ukrainian President Volodymyr Zelensky visited Kyiv.\n\n",
    "Russian forces attacked the city of Kharkiv overnight, officials in Ukraine said. "
    "Apple chief executive Tim Cook travelled to Beijing to meet Chinese officials.\n\n",
    "Mr Lammy told reporters that the United Kingdom would support Ukraine. "
    "The European Union imposed new sanctions on Russia on Friday.\n\n",
)


def _pieces_and_joined(nlp: Any, text: str, max_chars: int) -> tuple[Any, Any, list[int]]:
    """The results of ``text`` extracted piece by piece and from one Doc joined from the same pieces."""
    from graphbuild.extract import extract_doc
    from graphbuild.extract.pieces import extract_pieces

    doc = Document(id="long", text=text, source="long")
    joined = extract_doc(longdoc.parse_long(nlp, text, max_chars), doc)
    offsets = []

    def parsed() -> Any:
        for offset, piece in longdoc.Pieces(nlp, text, max_chars).parsed():
            offsets.append(offset)
            yield offset, piece

    return extract_pieces(parsed(), doc), joined, offsets


@pytest.mark.model
def test_pieces_find_what_one_joined_doc_finds(nlp: Any) -> None:
    """Piece by piece, a long text gives the joined Doc's mentions, relations and events, at exact offsets."""
    text = "".join(_STORY[i % 3] for i in range(27))
    pieced, joined, offsets = _pieces_and_joined(nlp, text, 1000)
    assert len(offsets) >= 3 and offsets[0] == 0

    def mentions(r: Any) -> set[tuple[int, int, str, str, int, int]]:
        return {(m.start, m.end, e.type, e.label, m.sentence_start, m.sentence_end) for e in r.entities
                for m in e.mentions}

    def facts(r: Any) -> tuple[set[tuple[str, str, str, int, int]], set[tuple[str, int, int, tuple[str, ...]]]]:
        label = {e.key: e.label for e in r.entities}
        rels = {(label[x.subject], x.relation, label[x.object], x.evidence.sentence_start, x.evidence.sentence_end)
                for x in r.relations}
        events = {(v.event_type, v.start, v.end, tuple(sorted(f"{a.role}={label[a.entity]}" for a in v.arguments)))
                  for v in r.events}
        return rels, events

    assert mentions(pieced) == mentions(joined)
    assert facts(pieced) == facts(joined)
    assert [e.key for e in pieced.entities] == [f"e{i}" for i in range(len(pieced.entities))]
    assert [v.key for v in pieced.events] == [f"v{i}" for i in range(len(pieced.events))]
    lammy = next(e for e in pieced.entities if e.label == "David Lammy")
    assert len([m for m in lammy.mentions if m.text == "David Lammy"]) == 9  # one entity across every piece
    for e in pieced.entities:
        assert all(text[m.start:m.end] == m.text for m in e.mentions)
    for v in pieced.events:
        assert all(text[x.sentence_start:x.sentence_end] == x.sentence for x in v.evidence)
        assert all(text[s:e] for s, e, _ in v.mentions)


@pytest.mark.model
def test_pieces_are_released_one_by_one(nlp: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """No more spaCy Docs are alive while the last piece is extracted than while the first is."""
    import gc

    from spacy.tokens import Doc

    from graphbuild import extract
    from graphbuild.extract.pieces import extract_pieces

    alive: list[int] = []
    real = extract.extract_doc

    def spy(doc: Any, document: Document, **kw: Any) -> Any:
        gc.collect()
        alive.append(sum(isinstance(o, Doc) for o in gc.get_objects()))
        return real(doc, document, **kw)

    monkeypatch.setattr(extract, "extract_doc", spy)
    text = "".join(_STORY[i % 3] for i in range(27))
    extract_pieces(longdoc.Pieces(nlp, text, 1000).parsed(), Document(id="long", text=text))
    assert len(alive) >= 3 and max(alive) == alive[0], alive


def test_join_results_shifts_offsets_and_joins_entities() -> None:
    """Pieces' records: offsets moved by each piece's start, one entity per name or alias, keys remapped."""
    from graphbuild.extract.pieces import join_results
    from graphbuild.model import Argument, DocEntity, DocResult, Event, Evidence, Mention, Relation

    a, b = "David Lammy met Antony Blinken. Lammy smiled. ", "Lammy spoke to Blinken and Mr Lammy left."
    text = a + b
    doc = Document(id="d", text=text)

    def ev(s: int, e: int, part: str) -> Evidence:
        return Evidence("d", s, e, "x", "y", "r", 0.7, part[s:e])

    def ent(key: str, label: str, part: str, *names: str) -> DocEntity:
        ms, i = [], 0
        for n in names:
            i = part.index(n, i)
            ms.append(Mention(i, i + len(n), n, 0, len(part.rstrip())))
            i += len(n)
        return DocEntity(key, label, "Person", tuple(ms), tuple(sorted({n for n in names} - {label})))

    first = DocResult(doc, (ent("e0", "David Lammy", a, "David Lammy", "Lammy"), ent("e1", "Antony Blinken", a, "Antony Blinken")),
                      (), ())
    meet = Event("v0", "Meet", "spoke", 6, 11, (Argument("agent", "e0", "Lammy", ev(0, 41, b)),
                                                Argument("participant", "e1", "Blinken", None)),
                 (ev(0, 41, b),), mentions=((0, 5, "Lammy"),))
    second = DocResult(doc, (ent("e0", "Lammy", b, "Lammy", "Mr Lammy"), ent("e1", "Blinken", b, "Blinken")),
                       (Relation("e0", "affiliated_with", "e1", ev(0, 41, b)),), (meet,))
    joined = join_results(doc, [(0, first), (len(a), second)])
    assert [(e.key, e.label) for e in joined.entities] == [("e0", "David Lammy"), ("e1", "Antony Blinken")]
    lammy = joined.entities[0]
    assert [text[m.start:m.end] for m in lammy.mentions] == ["David Lammy", "Lammy", "Lammy", "Mr Lammy"]
    assert lammy.mentions[2].sentence_start == len(a) and lammy.aliases == ("Lammy", "Mr Lammy")
    assert any(m.rule == "piece-alias" and m.alias == "Lammy" for m in lammy.merges)  # an alias in the first piece
    assert any(m.rule == "piece-surname" and m.alias == "Blinken" for m in joined.entities[1].merges)
    assert [(r.subject, r.object) for r in joined.relations] == [("e0", "e1")]
    assert joined.relations[0].evidence.sentence_start == len(a)
    (event,) = joined.events
    assert (event.key, event.start, event.mentions) == ("v0", len(a) + 6, ((len(a), len(a) + 5, "Lammy"),))
    assert [(x.role, x.entity) for x in event.arguments] == [("agent", "e0"), ("participant", "e1")]
    assert text[event.evidence[0].sentence_start:event.evidence[0].sentence_end] == event.evidence[0].sentence
