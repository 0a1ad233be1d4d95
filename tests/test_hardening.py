"""Hardening: long documents, outputs replaced as one set, locks, workers that die, bad OUTDIR and base IRIs."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graphbuild import longdoc
from graphbuild.model import Document
from graphbuild.pipeline import extract_batch
from tests.proc_helpers import group_members

_PARA = (
    "Foreign Secretary David Lammy met US Secretary of State Antony Blinken in London on Tuesday. "
    "Ukrainian President Volodymyr Zelensky visited Kyiv.\n\n"
)


@pytest.mark.model
def test_document_over_the_model_limit_is_parsed_in_pieces(nlp, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """A text longer than spaCy's max_length is parsed in pieces, not dropped; entity offsets are exact."""
    text = _PARA * 12
    monkeypatch.setattr(nlp, "max_length", 1000)  # spaCy refuses the whole text
    monkeypatch.setattr(longdoc, "DEFAULT_MAX_CHARS", 700)
    doc = Document(id="long", text=text, source="long.txt")
    [res] = extract_batch([doc])
    assert not isinstance(res, str), res
    names = {e.label for e in res.entities}
    assert {"David Lammy", "Antony Blinken"} <= names
    for ent in res.entities:
        for m in ent.mentions:
            assert text[m.start:m.end] == m.text
    lammy = next(e for e in res.entities if e.label == "David Lammy")
    assert len(lammy.mentions) == 12  # one per paragraph, in every piece


@pytest.mark.model
def test_parse_long_keeps_text_and_sentences(nlp) -> None:  # type: ignore[no-untyped-def]
    """The joined Doc has the document's exact text, and its sentences never cross a cut."""
    text = _PARA * 4
    doc = longdoc.parse_long(nlp, text, 200)
    assert doc.text == text
    assert sum(1 for t in doc if t.is_sent_start) >= 8
    assert {e.text for e in doc.ents} >= {"David Lammy", "Antony Blinken"}


# --- outputs change as one set ---------------------------------------------------------------------

_ARTICLE = "Foreign Secretary David Lammy met US Secretary of State Antony Blinken in London on Tuesday."


def _snapshot(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.is_file() and p.name != ".graphbuild.lock"}


@pytest.fixture()
def built(tmp_path: Path) -> tuple[Path, Path]:
    """A finished build (JSON, Turtle, N-Quads, HTML) of one article, and its input file."""
    from graphbuild.pipeline import BuildOptions, build

    src = tmp_path / "a.txt"
    src.write_text(_ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    report = build([src], BuildOptions(outdir=out, formats=("turtle", "nquads"), use_cache=False, processes=1))
    assert report.documents == 1
    return src, out


@pytest.mark.model
@pytest.mark.parametrize("failing", ["turtle", "nquads", "html"])
def test_failure_while_writing_leaves_previous_outputs_whole(
    built: tuple[Path, Path], failing: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A write that dies half-way (full disk, kill) leaves every previous output byte-identical and no temp files."""
    from graphbuild import exporters
    from graphbuild.pipeline import BuildOptions, build

    src, out = built
    before = _snapshot(out)
    src.write_text(_ARTICLE + " Ukrainian President Volodymyr Zelensky visited Kyiv.", encoding="utf-8")
    real = exporters.get_exporter

    def broken(name: str):  # type: ignore[no-untyped-def]
        writer = real(name)
        if name != failing:
            return writer

        def die(graph, path, **options):  # type: ignore[no-untyped-def]
            from graphbuild.atomic import atomic_open

            with atomic_open(path, "wb") as fh:
                fh.write(b"half a file")
                raise OSError(28, "No space left on device")

        return die

    monkeypatch.setattr(exporters, "get_exporter", broken)
    with pytest.raises(OSError):
        build([src], BuildOptions(outdir=out, formats=("turtle", "nquads"), use_cache=False, processes=1))
    assert _snapshot(out) == before


def test_killed_switch_is_completed_and_leftovers_removed(tmp_path: Path) -> None:
    """A run killed during the renames is completed by the next one; a run killed earlier leaves only temp
    files, which the next run removes."""
    from graphbuild.atomic import JOURNAL, recover

    out = tmp_path
    (out / "graph.json").write_text("old json")
    (out / "graph.ttl").write_text("old ttl")
    (out / ".graph.ttl.k2j4h5g6.tmp").write_text("new ttl")  # not yet renamed
    (out / "graph.json").write_text("new json")  # already renamed
    (out / JOURNAL).write_text('[[".graph.json.a1b2c3d4.tmp", "graph.json"], [".graph.ttl.k2j4h5g6.tmp", "graph.ttl"]]')
    (out / ".graph.html.zzzzzzzz.tmp").write_text("left by a run killed before its switch")
    recover(out)
    assert sorted(p.name for p in out.iterdir()) == ["graph.json", "graph.ttl"]
    assert (out / "graph.ttl").read_text() == "new ttl" and (out / "graph.json").read_text() == "new json"


def test_output_set_switches_together(tmp_path: Path) -> None:
    """Inside an output set nothing is replaced until the end; an error replaces nothing."""
    from graphbuild.atomic import atomic_write_text, output_set

    (tmp_path / "a").write_text("old a")
    (tmp_path / "b").write_text("old b")
    with output_set(tmp_path):
        atomic_write_text(tmp_path / "a", "new a")
        assert (tmp_path / "a").read_text() == "old a"
        atomic_write_text(tmp_path / "b", "new b")
    assert (tmp_path / "a").read_text() == "new a" and (tmp_path / "b").read_text() == "new b"
    with pytest.raises(RuntimeError), output_set(tmp_path):
        atomic_write_text(tmp_path / "a", "newer a")
        raise RuntimeError("stop")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a", "b"] and (tmp_path / "a").read_text() == "new a"


# --- OUTDIR, base IRI and lock checked before any parsing -----------------------------------------


@pytest.fixture()
def no_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail the test if the build starts reading documents."""
    from graphbuild import pipeline

    def boom(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError("documents were read before the check")

    monkeypatch.setattr(pipeline, "collect_results", boom)


def _cli(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    from graphbuild.cli import main

    rc = main(args)
    return rc, capsys.readouterr().err


@pytest.mark.usefixtures("no_parsing")
def test_outdir_that_is_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`-o` naming a file: one line, exit 2, before parsing."""
    (tmp_path / "f").write_text("x")
    rc, err = _cli(["build", str(tmp_path), "-o", str(tmp_path / "f"), "-q"], capsys)
    assert rc == 2 and err == f"graphbuild: error: {tmp_path / 'f'}: not a directory (the output directory of -o/--outdir)\n"


@pytest.mark.usefixtures("no_parsing")
def test_read_only_outdir(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """A read-only OUTDIR: one line, exit 2, before parsing (root ignores modes, so EROFS is simulated then)."""
    import os
    import tempfile

    out = tmp_path / "ro"
    out.mkdir()
    if os.geteuid() == 0:
        def refuse(*args, **kwargs):  # type: ignore[no-untyped-def]
            raise OSError(30, "Read-only file system")

        monkeypatch.setattr(tempfile, "mkstemp", refuse)
    else:
        out.chmod(0o555)
    rc, err = _cli(["build", str(tmp_path), "-o", str(out), "-q"], capsys)
    assert rc == 2 and err.count("\n") == 1
    assert err.startswith(f"graphbuild: error: {out}: the output directory is not writable (")


@pytest.mark.usefixtures("no_parsing")
@pytest.mark.parametrize("base", ["https://example.org/kg#", "https://example.org/a b/", "not an iri"])
def test_bad_base_iri_before_parsing(tmp_path: Path, base: str, capsys: pytest.CaptureFixture[str]) -> None:
    """A base IRI that cannot mint every IRI (one ending in '#' included) stops the build before parsing."""
    rc, err = _cli(["build", str(tmp_path), "-o", str(tmp_path / "out"), "--base-iri", base, "-q"], capsys)
    assert rc == 2 and err.count("\n") == 1 and "--base-iri" in err
    assert not (tmp_path / "out").exists()


@pytest.mark.usefixtures("no_parsing")
def test_second_build_into_a_locked_outdir(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """While one build holds OUTDIR a second stops with one line naming the holder; the lock then frees."""
    import os

    from graphbuild.atomic import DirectoryLock

    out = tmp_path / "out"
    out.mkdir()
    with DirectoryLock(out):
        rc, err = _cli(["build", str(tmp_path), "-o", str(out), "-q"], capsys)
    assert rc == 2 and err == (
        f"graphbuild: error: {out}: another graphbuild build is writing here (process {os.getpid()}); "
        "wait for it or choose another output directory\n"
    )
    with DirectoryLock(out):  # released by the refused build and by the first
        pass


# --- IRIs from urls with exotic whitespace ---------------------------------------------------------

_SPACES = "\u00a0\u3000\u2028\u2029\u1680\u2007\u202f\u205f\u0085\u200b\ufeff\t\n \x7f"
_url_text = st.text(alphabet=st.sampled_from(list(_SPACES) + list("aé/?#%:.-_~😀")), max_size=25)


@settings(max_examples=60, deadline=None)
@given(path=_url_text)
def test_urls_with_exotic_whitespace_parse_in_every_reader(path: str) -> None:
    """A url holding no-break, ideographic or line-separator spaces becomes an IRI that rdflib and pyoxigraph
    read back in every RDF format the build writes (and rapper, when installed, in all but JSON-LD)."""
    import shutil
    import subprocess
    import tempfile

    import pyoxigraph as ox
    import rdflib

    from graphbuild.exporters.rdf import write_jsonld, write_nquads, write_ntriples, write_trig, write_turtle
    from tests.conftest_rdf import seed_graph

    g = seed_graph()
    for meta in g.graph["documents"].values():
        meta["url"] = "https://news.example.org/" + path
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        write_ntriples(g, out / "g.nt")
        write_nquads(g, out / "g.nq")
        write_turtle(g, out / "g.ttl")
        write_trig(g, out / "g.trig")
        write_jsonld(g, out / "g.jsonld")
        counts = set()
        for name, rfmt, ofmt in (("g.nt", "nt", ox.RdfFormat.N_TRIPLES), ("g.nq", "nquads", ox.RdfFormat.N_QUADS),
                                 ("g.ttl", "turtle", ox.RdfFormat.TURTLE), ("g.trig", "trig", ox.RdfFormat.TRIG),
                                 ("g.jsonld", "json-ld", ox.RdfFormat.JSON_LD)):
            n = len({q.triple for q in ox.parse(path=str(out / name), format=ofmt)})
            ds = rdflib.Dataset()
            ds.parse(out / name, format=rfmt)
            assert len({q[:3] for q in ds.quads((None, None, None, None))}) == n, name
            counts.add(n)
        assert len(counts) == 1  # every format holds the same triples
        rapper = shutil.which("rapper")
        if rapper:
            for name, fmt in (("g.nt", "ntriples"), ("g.ttl", "turtle"), ("g.nq", "nquads"), ("g.trig", "trig")):
                proc = subprocess.run([rapper, "-i", fmt, "-c", (out / name).as_uri()], capture_output=True,
                                      text=True, timeout=60, check=False)
                assert proc.returncode == 0 and "Error" not in proc.stderr, proc.stderr[-500:]


# --- processes: a dead worker, kill -9 of the build ----------------------------------------------


@pytest.mark.model
def test_worker_killed_costs_only_its_document() -> None:
    """A worker killed mid-batch (as by the OOM killer): its batch is retried, the document that kills a worker
    alone is one error line, every other document is extracted, in order, and no BrokenProcessPool escapes."""
    from graphbuild.pipeline import _chunks, _pool_outcomes
    from tests.proc_helpers import MARKER, dying_batch

    docs = [Document(id=f"d{i:02d}", text=f"David Lammy met Antony Blinken in London on day {i}.", source=f"in:{i}")
            for i in range(12)]
    docs[5] = Document(id="d05", text=f"{MARKER} Antony Blinken visited Kyiv.", source="in:5")
    outcomes = list(_pool_outcomes(_chunks(docs, 4), 2, None, 12, task=dying_batch))
    assert [d.id for d, _, _ in outcomes] == [d.id for d in docs]
    errors = [res for _, res, _ in outcomes if isinstance(res, str)]
    assert errors == ["in:5: the extraction process died while parsing document 'd05' (killed, e.g. out of memory); skipped"]


@pytest.mark.model
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("when", ["at 1 s", "mid-parse"])
def test_kill_9_mid_parse_leaves_no_process_and_previous_outputs(tmp_path: Path, when: str) -> None:
    """kill -9 of a build 1 s after its start (loading, starting its workers) or while its workers parse: no
    process of the build survives 2 s, the previous outputs are byte-identical, no temporary file stays, and
    the next build equals a clean one (the lock went with the process)."""
    import os
    import signal
    import subprocess
    import sys
    import time

    from graphbuild.pipeline import BuildOptions, build
    from tests.conftest import ROOT

    src = tmp_path / "a.txt"
    src.write_text(_ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    assert build([src], BuildOptions(outdir=out, use_cache=False, processes=1)).documents == 1
    before = _snapshot(out)
    many = tmp_path / "many"
    many.mkdir()
    for i in range(60):
        (many / f"n{i:02d}.txt").write_text(_PARA * 3, encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "graphbuild", "build", str(many), "-o", str(out), "-q",
                             "--processes", "2", "--no-cache"], cwd=ROOT, start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while when == "mid-parse" and len(group_members(proc.pid)) < 4 and time.monotonic() < deadline:
            time.sleep(0.2)  # build, forkserver, 2 workers
        assert when != "mid-parse" or len(group_members(proc.pid)) >= 4, "the build never started its workers"
        time.sleep(1.0)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        deadline = time.monotonic() + 2.0
        while group_members(proc.pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert group_members(proc.pid) == []
    finally:
        for pid in group_members(proc.pid):
            os.kill(pid, signal.SIGKILL)
    assert _snapshot(out) == before
    assert build([src], BuildOptions(outdir=out, use_cache=False, processes=1)).documents == 1
    assert _snapshot(out) == before  # what the clean build before the kill wrote
    assert not [p.name for p in out.iterdir() if p.name.endswith(".tmp") or p.name.startswith(".graphbuild-switch")]


@pytest.mark.model
def test_full_disk_is_one_line(built: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch,
                               capsys: pytest.CaptureFixture[str]) -> None:
    """A full disk while writing graph.html: one line naming the file, exit 2, previous outputs whole."""
    from graphbuild import exporters
    from graphbuild.cli import main

    src, out = built
    before = _snapshot(out)
    real = exporters.get_exporter

    def full(name: str):  # type: ignore[no-untyped-def]
        if name != "html":
            return real(name)

        def die(graph, path, **options):  # type: ignore[no-untyped-def]
            raise OSError(28, "No space left on device", str(path))

        return die

    monkeypatch.setattr(exporters, "get_exporter", full)
    rc = main(["build", str(src), "-o", str(out), "-q", "--no-cache", "--processes", "1", "--format", "nquads"])
    err = capsys.readouterr().err
    assert rc == 2 and err == f"graphbuild: error: {out / 'graph.html'}: No space left on device\n"
    assert _snapshot(out) == before


@pytest.mark.usefixtures("no_parsing")
def test_shared_cache_directory_is_locked_too(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Two builds into different OUTDIRs sharing one --cache: the second stops with one line naming the cache."""
    from graphbuild.atomic import DirectoryLock

    cache = tmp_path / "cache"
    cache.mkdir()
    with DirectoryLock(cache):
        rc, err = _cli(["build", str(tmp_path), "-o", str(tmp_path / "out2"), "--cache", str(cache), "-q"], capsys)
    assert rc == 2 and err.startswith(f"graphbuild: error: {cache}: another graphbuild build is writing here")
    assert err.count("\n") == 1


@pytest.mark.model
def test_cache_on_a_full_disk_costs_the_cache_not_the_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A cache write failing (full disk) is one error line; the documents are still built and written."""
    import json

    from graphbuild.cache import ResultCache
    from graphbuild.pipeline import BuildOptions, build

    def full(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(ResultCache, "put_raw", full)
    src = tmp_path / "a.txt"
    src.write_text(_ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    report = build([src], BuildOptions(outdir=out, processes=1, html=False))
    assert report.documents == 1
    assert report.errors == [f"{out / '.cache'}: cannot write the extraction cache (No space left on device); "
                             "the build goes on without caching its new results"]
    assert any(n.get("label") == "David Lammy" for n in json.loads((out / "graph.json").read_text())["nodes"])


@pytest.mark.model
def test_render_memo_on_a_full_disk_keeps_the_outputs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The render memo failing to save (full disk) is one error line; the new outputs are still switched in."""
    from graphbuild import render
    from graphbuild.pipeline import BuildOptions, build

    def full(self):  # type: ignore[no-untyped-def]
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(render.Memo, "save", full)
    src = tmp_path / "a.txt"
    src.write_text(_ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    report = build([src], BuildOptions(outdir=out, processes=1, html=False))
    assert report.documents == 1 and report.rendered is not None  # the memo path ran
    assert report.errors == [f"{out / '.cache'}: cannot write the render memo (No space left on device); "
                             "the next build renders everything again"]
    assert "David Lammy" in (out / "graph.ttl").read_text(encoding="utf-8")


def test_export_into_a_locked_directory(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`graphbuild export` writes its files as one set and stops with one line while a build holds the directory."""
    from graphbuild.atomic import DirectoryLock
    from graphbuild.exporters.nodelink import write_json
    from tests.conftest_rdf import seed_graph

    write_json(seed_graph(), tmp_path / "graph.json")
    with DirectoryLock(tmp_path):
        rc, err = _cli(["export", str(tmp_path), "--format", "nquads", "--format", "ntriples"], capsys)
    assert rc == 2 and "another graphbuild build is writing here" in err and err.count("\n") == 1
    assert not (tmp_path / "graph.nq").exists()
    rc, _ = _cli(["export", str(tmp_path), "--format", "nquads", "--format", "ntriples"], capsys)
    assert rc == 0 and (tmp_path / "graph.nq").stat().st_size > 0 and (tmp_path / "graph.nt").stat().st_size > 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [".graphbuild.lock", "graph.json", "graph.nq", "graph.nt"]
