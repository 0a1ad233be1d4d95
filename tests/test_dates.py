"""Anchoring time expressions: relative days resolve only against a known date."""

from __future__ import annotations

from datetime import date

import pytest

from graphbuild.extract.dates import document_anchor, find_absolute_date, resolve_time

WED = date(2024, 9, 11)  # a Wednesday


@pytest.mark.parametrize(
    ("expr", "expected"),
    [
        ("Wednesday", "2024-09-11"),
        ("Tuesday", "2024-09-10"),
        ("on Monday", "2024-09-09"),
        ("last Wednesday", "2024-09-04"),
        ("yesterday", "2024-09-10"),
        ("today", "2024-09-11"),
        ("Thursday", "2024-09-05"),
        ("4 September", "2024-09-04"),
        ("September 4, 2023", "2023-09-04"),
        ("recent months", None),
        ("two-month-old", None),
    ],
)
def test_resolve_with_anchor(expr: str, expected: str | None) -> None:
    """Relative expressions resolve against the article's date."""
    assert resolve_time(expr, WED) == expected


def test_no_anchor_invents_nothing() -> None:
    """Without an anchor a weekday stays unresolved."""
    assert resolve_time("Wednesday", None) is None


def test_absolute_dates() -> None:
    """Full dates are found in several spellings."""
    assert find_absolute_date("LONDON, 11 September 2024 - x") == date(2024, 9, 11)
    assert find_absolute_date("Sept. 11, 2024") == date(2024, 9, 11)
    assert find_absolute_date("no date here") is None


def test_document_anchor_prefers_field() -> None:
    """The JSONL date wins over a date in the text."""
    assert document_anchor("2024-09-11", "1 January 2020") == WED
    assert document_anchor(None, "Published 2024-09-11. Text") == WED


DEC = date(2004, 12, 15)  # a Wednesday in December


@pytest.mark.parametrize(
    ("expr", "anchor", "future", "expected"),
    [
        ("in 2003", None, False, "2003"),  # a year needs no anchor
        ("early 2005", None, False, "2005"),
        ("December 2004", None, False, "2004-12"),
        ("Sept. 2001", None, False, "2001-09"),
        ("December", None, False, None),  # a month alone needs a year from the anchor
        ("December", DEC, False, "2004-12"),
        ("March", DEC, False, "2004-03"),
        ("January", DEC, True, "2005-01"),  # "will meet in January", written in December
        ("last December", DEC, False, "2003-12"),
        ("next month", DEC, False, "2005-01"),
        ("last year", DEC, False, "2003"),
        ("9 January", DEC, False, "2004-01-09"),  # reported: the January before
        ("9 January", DEC, True, "2005-01-09"),  # planned: the January after
        ("Monday", DEC, False, "2004-12-13"),
        ("Monday", DEC, True, "2004-12-20"),
        ("next Wednesday", DEC, False, "2004-12-22"),
        ("the 1990s", DEC, False, None),
        ("junk", DEC, False, None),
    ],
)
def test_partial_and_future_dates(expr: str, anchor: date | None, future: bool, expected: str | None) -> None:
    """Years and months resolve to YYYY / YYYY-MM; a future event's day or month is the next one."""
    assert resolve_time(expr, anchor, future) == expected


@pytest.mark.model
def test_future_tense_event_resolves_forward(nlp) -> None:  # type: ignore[no-untyped-def]
    """'will meet on 9 January' in an article of 15 December 2004 is dated 2005-01-09; 'met on 9 January' 2004."""
    from graphbuild.extract import extract_doc
    from graphbuild.model import Document

    times = {}
    for text in ("Tony Blair will meet Gerhard Schroeder in Berlin on 9 January.",
                 "Tony Blair met Gerhard Schroeder in Berlin on 9 January."):
        res = extract_doc(nlp(text), Document("d", text, date="2004-12-15"))
        times[text.split()[2]] = {e.time for e in res.events if e.time_text}
    assert times == {"will": {"2005-01-09"}, "met": {"2004-01-09"}}


def test_partial_dates_are_typed_in_rdf() -> None:
    """An event dated 2003 or 2004-12 has gb:date typed xsd:gYear / xsd:gYearMonth, and no sem:Time day node."""
    import pyoxigraph as ox

    from graphbuild.exporters.rdf import GB, XSD, graph_to_quads
    from tests.conftest_rdf import seed_graph

    g = seed_graph()
    events = [n for n, a in g.nodes(data=True) if a.get("type") == "Event"]
    g.nodes[events[0]]["time"] = "2003"
    g.nodes[events[1]]["time"] = "2004-12"
    dates = {q.object for q in graph_to_quads(g) if q.predicate == ox.NamedNode(GB + "date")}
    assert ox.Literal("2003", datatype=ox.NamedNode(XSD + "gYear")) in dates
    assert ox.Literal("2004-12", datatype=ox.NamedNode(XSD + "gYearMonth")) in dates


@pytest.mark.model
def test_build_date_anchors_documents_without_one(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    """`build --date` dates the documents that give none (their relative dates resolve against it); a
    document's own date wins; a bad --date is a one-line error."""
    import json

    from graphbuild.cli import main

    corpus = tmp_path / "c.jsonl"
    text = "Tony Blair met Gerhard Schroeder in Berlin on Monday."
    corpus.write_text(json.dumps({"id": "a", "text": text}) + "\n"
                      + json.dumps({"id": "b", "text": text, "date": "2024-09-11"}) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["build", str(corpus), "-o", str(out), "--date", "2004-12-15", "--no-html", "-q", "--no-cache"]) == 0
    graph = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    assert {d: m["date"] for d, m in graph["graph"]["documents"].items()} == {"a": "2004-12-15", "b": "2024-09-11"}
    times = {n["doc"]: n["time"] for n in graph["nodes"] if n.get("type") == "Event" and n.get("time")}
    assert times == {"a": "2004-12-13", "b": "2024-09-09"}
    capsys.readouterr()
    assert main(["build", str(corpus), "-o", str(out), "--date", "15/12/2004"]) == 2
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and "--date" in err
