"""Fuzzed articles (names, ids, urls, titles, dates) give outputs that every parser at hand accepts.

A small sample of ``benchmarks/fuzz_formats.py`` (which runs 2,000): one
build writes graph.json and every RDF format; each file is parsed by rdflib
and pyoxigraph (and rapper for Turtle, N-Triples, N-Quads and TriG), all of
them must agree on the triples, and graph.json must follow its schema.
"""

from __future__ import annotations

import random
import shutil
from datetime import date
from pathlib import Path

import pytest

from graphbuild.extract.dates import resolve_time
from tests.fuzz_formats import RDF_FORMATS, check_outputs, fuzz_article, write_articles

pytestmark = pytest.mark.filterwarnings("ignore:.*is deprecated.*:DeprecationWarning")


@pytest.mark.model
@pytest.mark.parametrize("seed", [13, 2026])
def test_fuzzed_articles_valid_in_every_format_and_parser(tmp_path: Path, seed: int) -> None:
    from graphbuild.pipeline import BuildOptions, build

    src = tmp_path / "fuzz.jsonl"
    write_articles(src, 16, seed)
    out = tmp_path / "out"
    report = build([src], BuildOptions(outdir=out, formats=tuple(RDF_FORMATS), html=False, use_cache=False,
                                       processes=1))
    # only a date the reader refuses costs its article (one line each); extraction never fails
    assert all("date" in e for e in report.errors), report.errors
    assert report.documents >= 12 and report.entities > 0
    counts, problems = check_outputs(out)
    assert not problems, "\n".join(problems)
    assert counts["ntriples/oxigraph"] > 100
    assert {k.split("/")[1] for k in counts} >= {"rdflib", "oxigraph"}
    if shutil.which("rapper"):  # Turtle and N-Triples (N-Quads, TriG) also through rapper when installed
        assert {"turtle/rapper", "ntriples/rapper", "nquads/rapper", "trig/rapper"} <= set(counts)


def test_fuzzer_makes_hostile_records() -> None:
    """The sample above is worth something: ids, urls, names and titles carry the characters that break RDF."""
    rng = random.Random(1)
    records = [fuzz_article(rng, n) for n in range(200)]
    blob = "".join(v for r in records for v in r.values())
    for needle in ("\ud83d", "\u00a0", "\u3000", "\u2028", "\u202e", "%zz", "<", "\\", "#", "😀", "..", "\u0000"):
        assert needle in blob, needle
    assert len({r["id"] for r in records}) == 200
    assert any(len(r["id"]) > 5000 for r in records)


@pytest.mark.parametrize("anchor", [date(1, 1, 1), date(1, 3, 5), date(9999, 12, 31)])
@pytest.mark.parametrize("expr", ["on Tuesday", "yesterday", "tomorrow", "last month", "next month", "last year",
                                  "next year", "December", "9 January", "next Friday"])
@pytest.mark.parametrize("future", [False, True])
def test_times_at_the_edges_of_the_calendar(anchor: date, expr: str, future: bool) -> None:
    """An article dated 0001-01-01 or 9999-12-31 never crashes extraction; any time given is a valid XSD value."""
    iso = resolve_time(expr, anchor, future)
    if iso is not None:
        year = iso.split("-")[0]
        assert len(year) == 4 and year != "0000", iso
        if len(iso) == 10:
            date.fromisoformat(iso)
