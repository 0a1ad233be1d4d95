"""Scale: identical results for any process count, incremental builds, the crash-safe result cache."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graphbuild.model import DocEntity, DocResult, Document, Mention
from graphbuild.pipeline import BuildOptions, ResultCache, build

from .scale_corpus import write_corpus


def _opts(out: Path, **kw: object) -> BuildOptions:
    return BuildOptions(outdir=out, formats=(), html=False, **kw)  # type: ignore[arg-type]


def _graph(out: Path) -> str:
    return (out / "graph.json").read_text(encoding="utf-8")


def _result(i: int) -> DocResult:
    doc = Document(id=f"d{i}", text=f"Text {i} about Kyiv.")
    ent = DocEntity(key="e0", label="Kyiv", type="Place", mentions=(Mention(14, 18, "Kyiv", 0, 19),))
    return DocResult(doc=doc, entities=(ent,), relations=(), events=())


def _segments(directory: Path) -> list[Path]:
    return sorted(directory.glob("*.seg*"))


def test_cache_round_trip_and_commit(tmp_path: Path) -> None:
    """Results put in one build are read back by the next, from a single segment file."""
    cache = ResultCache(tmp_path)
    for i in range(5):
        cache.put(f"k{i}", _result(i))
    cache.commit()
    cache.close()
    assert [p.name.endswith(".seg") for p in _segments(tmp_path)] == [True]
    again = ResultCache(tmp_path)
    assert again.get("k3") == _result(3)
    assert again.get("missing") is None
    again.close()


def test_cache_survives_a_crash_mid_write(tmp_path: Path) -> None:
    """After a crash (segment never committed, last record torn) the complete records are still used."""
    cache = ResultCache(tmp_path)
    for i in range(3):
        cache.put(f"k{i}", _result(i))
    cache.close()  # no commit: what a killed build leaves behind
    (tmp,) = _segments(tmp_path)
    assert tmp.name.endswith(".seg.tmp")
    with tmp.open("ab") as fh:
        fh.write(b"\x05\x00\x10\x00\x00\x00garbage")  # a torn record
    again = ResultCache(tmp_path)
    assert [again.get(f"k{i}") for i in range(3)] == [_result(i) for i in range(3)]
    assert again.prune() == 0
    again.close()
    assert [p.name.endswith(".seg") for p in _segments(tmp_path)] == [True]


def test_cache_damaged_record_is_a_miss(tmp_path: Path) -> None:
    """A record whose bytes changed on disk is ignored (re-extracted), never returned."""
    cache = ResultCache(tmp_path)
    cache.put("k0", _result(0))
    cache.put("k1", _result(1))
    cache.commit()
    cache.close()
    (seg,) = _segments(tmp_path)
    data = bytearray(seg.read_bytes())
    data[-3] ^= 0xFF  # inside the last record's payload
    seg.write_bytes(bytes(data))
    again = ResultCache(tmp_path)
    assert again.get("k0") == _result(0)
    assert again.get("k1") is None
    again.close()


def test_cache_prune_drops_unused_and_compacts(tmp_path: Path) -> None:
    """Pruning keeps only the entries this build used, in one segment."""
    for i in range(10):  # ten incremental builds leave ten segments
        cache = ResultCache(tmp_path)
        cache.put(f"k{i}", _result(i))
        cache.commit()
        cache.close()
    assert len(_segments(tmp_path)) == 10
    cache = ResultCache(tmp_path)
    for i in range(9):
        assert cache.get(f"k{i}") is not None
    assert cache.prune() == 1
    assert len(_segments(tmp_path)) == 1
    again = ResultCache(tmp_path)
    assert again.get("k9") is None and again.get("k8") == _result(8)
    again.close()


@pytest.mark.model
def test_incremental_build_equals_clean_build(tmp_path: Path) -> None:
    """Adding a document parses only it; removing one parses nothing; outputs equal clean builds."""
    corpus = tmp_path / "corpus.jsonl"
    out = tmp_path / "out"
    first = build([write_corpus(corpus, range(8))], _opts(out, processes=1))
    assert (first.extracted, first.cached) == (8, 0)

    added = build([write_corpus(corpus, range(9))], _opts(out, processes=1))
    assert (added.extracted, added.cached) == (1, 8)
    clean = build([corpus], _opts(tmp_path / "clean9", processes=1, use_cache=False))
    assert clean.documents == 9
    assert _graph(out) == _graph(tmp_path / "clean9")

    removed = build([write_corpus(corpus, range(1, 9))], _opts(out, processes=1))
    assert (removed.extracted, removed.cached) == (0, 8)
    build([corpus], _opts(tmp_path / "clean8", processes=1, use_cache=False))
    assert _graph(out) == _graph(tmp_path / "clean8")
    assert "gen-0000" not in json.loads(_graph(out))["graph"]["documents"]
    assert len(_segments(out / ".cache")) == 1  # the removed document's entry is gone


@pytest.mark.model
def test_changed_document_is_reparsed(tmp_path: Path) -> None:
    """Editing a document's text re-extracts just that document."""
    corpus = tmp_path / "corpus.jsonl"
    out = tmp_path / "out"
    build([write_corpus(corpus, range(4))], _opts(out, processes=1))
    lines = corpus.read_text(encoding="utf-8").splitlines()
    obj = json.loads(lines[2])
    obj["text"] = obj["text"].replace("Monday", "Tuesday")
    lines[2] = json.dumps(obj)
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = build([corpus], _opts(out, processes=1))
    assert (report.extracted, report.cached) == (1, 3)
    build([corpus], _opts(tmp_path / "clean", processes=1, use_cache=False))
    assert _graph(out) == _graph(tmp_path / "clean")


@pytest.mark.model
@pytest.mark.slow
def test_two_processes_give_the_same_graph(tmp_path: Path) -> None:
    """`--processes 2` writes a graph.json identical to `--processes 1`."""
    corpus = write_corpus(tmp_path / "corpus.jsonl", range(40))
    one = build([corpus], _opts(tmp_path / "p1", processes=1, use_cache=False, batch_size=8))
    two = build([corpus], _opts(tmp_path / "p2", processes=2, use_cache=False, batch_size=8))
    assert one.documents == two.documents == 40 and not two.errors
    assert _graph(tmp_path / "p1") == _graph(tmp_path / "p2")
