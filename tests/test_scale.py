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
    """`--processes 2` writes a graph.json identical to `--processes 1` (five batches shared by two workers)."""
    corpus = write_corpus(tmp_path / "corpus.jsonl", range(20))
    one = build([corpus], _opts(tmp_path / "p1", processes=1, use_cache=False, batch_size=4))
    two = build([corpus], _opts(tmp_path / "p2", processes=2, use_cache=False, batch_size=4))
    assert one.documents == two.documents == 20 and not two.errors
    assert _graph(tmp_path / "p1") == _graph(tmp_path / "p2")


def _memo_opts(out: Path, **kw: object) -> BuildOptions:
    return BuildOptions(outdir=out, formats=("turtle",), html=False, processes=1, **kw)  # type: ignore[arg-type]


def _same_as_clean(tmp_path: Path, corpus: Path, out: Path, name: str) -> None:
    clean = tmp_path / name
    report = build([corpus], _memo_opts(clean, use_cache=False))
    assert report.rendered is None  # no cache, no memo: the whole graph converted at once
    assert _graph(out) == _graph(clean)
    assert (out / "graph.ttl").read_bytes() == (clean / "graph.ttl").read_bytes()


@pytest.mark.model
def test_memo_build_equals_clean_build_in_json_and_turtle(tmp_path: Path) -> None:
    """Adding, changing and removing articles re-renders only their pieces; graph.json and graph.ttl equal clean builds."""
    corpus = tmp_path / "corpus.jsonl"
    out = tmp_path / "out"
    first = build([write_corpus(corpus, range(6))], _memo_opts(out))
    assert first.rendered == 6 and (out / ".cache" / "render.memo").is_file()
    _same_as_clean(tmp_path, corpus, out, "clean6")

    added = build([write_corpus(corpus, range(7))], _memo_opts(out))
    assert (added.extracted, added.rendered) == (1, 1)
    _same_as_clean(tmp_path, corpus, out, "clean7")

    lines = corpus.read_text(encoding="utf-8").splitlines()
    obj = json.loads(lines[2])
    obj["text"] = obj["text"].replace("Monday", "Tuesday")
    lines[2] = json.dumps(obj)
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    changed = build([corpus], _memo_opts(out))
    assert (changed.extracted, changed.rendered) == (1, 1)
    _same_as_clean(tmp_path, corpus, out, "changed")

    corpus.write_text("\n".join(lines[1:]) + "\n", encoding="utf-8")  # the first article removed
    removed = build([corpus], _memo_opts(out))
    assert (removed.extracted, removed.documents) == (0, 6)
    _same_as_clean(tmp_path, corpus, out, "clean6b")
    again = build([corpus], _memo_opts(out))
    assert again.rendered == 0


@pytest.mark.model
def test_damaged_memo_is_rendered_again(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """A render memo whose bytes changed on disk is ignored with a warning; the outputs are unchanged."""
    corpus = write_corpus(tmp_path / "corpus.jsonl", range(3))
    out = tmp_path / "out"
    build([corpus], _memo_opts(out))
    before = _graph(out), (out / "graph.ttl").read_bytes()
    memo = out / ".cache" / "render.memo"
    data = bytearray(memo.read_bytes())
    data[len(data) // 2] ^= 0xFF
    memo.write_bytes(bytes(data))
    report = build([corpus], _memo_opts(out))
    assert report.rendered == 3 and "damaged" in caplog.text
    assert (_graph(out), (out / "graph.ttl").read_bytes()) == before


def test_memo_keeps_new_pieces_in_a_delta_and_compacts(tmp_path: Path) -> None:
    """Few new pieces go to the small delta file; when most pieces are unused the base is rewritten."""
    from graphbuild.render import Memo

    path = tmp_path / "render.memo"
    memo = Memo(path, "tag")
    for i in range(40):
        memo.put(f"k{i}", f"v{i}")
    memo.save()
    base = path.read_bytes()
    memo = Memo(path, "tag")
    assert all(memo.get(f"k{i}") == f"v{i}" for i in range(40))
    memo.put("new", b"piece")
    memo.save()
    assert path.read_bytes() == base and path.with_name("render.memo.delta").is_file()
    memo = Memo(path, "tag")
    assert memo.get("new") == b"piece" and memo.get("k3") == "v3"
    assert Memo(path, "another renderer").get("k3") is None
    for i in range(10):
        memo.get(f"k{i}")
    memo.save()  # 31 of 41 pieces unused: one base file with the ten used
    assert not path.with_name("render.memo.delta").exists()
    memo = Memo(path, "tag")
    assert memo.get("k9") == "v9" and memo.get("k10") is None and memo.get("new") == b"piece"


@pytest.mark.model
def test_prefetch_process_and_its_fallback(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An incremental build parses new articles in a process started before the cache is read (and resolves the
    cached ones meanwhile); if that process fails, the build parses them itself; the outputs are the same."""
    import subprocess
    import sys

    import graphbuild.pipeline as pipeline
    import graphbuild.workers as workers

    corpus = tmp_path / "corpus.jsonl"
    out = tmp_path / "out"
    build([write_corpus(corpus, range(4))], _memo_opts(out))
    write_corpus(corpus, range(5))
    # a fresh CLI process, as a user runs it (this test process may have threads, where no fork is made)
    cli = [sys.executable, "-m", "graphbuild", "-v", "build", str(corpus), "-o", str(out), "--no-html", "-q"]
    proc = subprocess.run(cli, capture_output=True, text=True, check=True)
    assert "(1 parsed, 4 cached)" in proc.stderr and "early " in proc.stderr  # resolved while the new one parsed
    _same_as_clean(tmp_path, corpus, out, "clean5")

    def broken(conn: object, *_: object) -> None:
        conn.close()  # type: ignore[attr-defined]

    monkeypatch.setattr(workers, "_prefetch_main", broken)
    monkeypatch.setattr(pipeline.Prefetch, "possible", staticmethod(lambda: True))
    report = build([write_corpus(corpus, range(6))], _memo_opts(out))
    assert report.extracted == 1 and not report.errors
    _same_as_clean(tmp_path, corpus, out, "clean6")


@pytest.mark.model
def test_exported_turtle_equals_the_built_turtle(tmp_path: Path) -> None:
    """`graphbuild export --format turtle` (the whole graph converted at once) writes the build's graph.ttl."""
    from graphbuild.pipeline import export_build

    out = tmp_path / "out"
    build([write_corpus(tmp_path / "corpus.jsonl", range(5))], _memo_opts(out))
    (path,) = export_build(out, ["turtle"], str(tmp_path / "again.ttl"), None)
    assert path.read_bytes() == (out / "graph.ttl").read_bytes()


@pytest.mark.model
def test_memo_build_with_an_iri_ending_in_a_dot(tmp_path: Path) -> None:
    """A document id ending in "." turns Turtle prefixes off for the whole file; joined pieces follow, added
    articles too."""
    from .scale_corpus import article

    corpus = tmp_path / "corpus.jsonl"
    rows = [article(i) for i in range(3)]
    rows[1]["id"] = "gen-0001."
    corpus.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "out"
    build([corpus], _memo_opts(out))
    assert not (out / "graph.ttl").read_bytes().startswith(b"@prefix")
    _same_as_clean(tmp_path, corpus, out, "clean3")
    corpus.write_text("".join(json.dumps(r) + "\n" for r in [*rows, article(3)]), encoding="utf-8")
    report = build([corpus], _memo_opts(out))
    assert report.rendered == 1
    _same_as_clean(tmp_path, corpus, out, "clean4")


@pytest.mark.model
def test_memo_build_when_the_new_article_holds_triples_of_later_graphs(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """An added article whose graph comes first and repeats facts of later ones (the same posts, the same days):
    those facts live once in the relations graph, so the later documents' Turtle fragments are reused as they are
    and the output still equals a clean build's."""
    from .scale_corpus import article

    corpus = tmp_path / "corpus.jsonl"
    rows = [article(i) for i in range(6)]
    corpus.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "out"
    build([corpus], _memo_opts(out))
    first = {**article(6), "id": "aaa-first"}
    first["text"] = rows[0]["text"]  # every fact of gen-0000 again, in a graph that sorts before it
    corpus.write_text("".join(json.dumps(r) + "\n" for r in [*rows, first]), encoding="utf-8")
    with caplog.at_level("DEBUG", logger="graphbuild.render"):
        report = build([corpus], _memo_opts(out))
    assert (report.extracted, report.rendered) == (1, 1)
    assert "fragments rendered again" not in caplog.text
    _same_as_clean(tmp_path, corpus, out, "clean7")
