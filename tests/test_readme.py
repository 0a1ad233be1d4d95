"""The README's examples are what the tools print."""

from __future__ import annotations

import pytest

from .conftest import ROOT

pytestmark = pytest.mark.model


def test_readme_posts_table_matches_seed_build(seed_build) -> None:  # type: ignore[no-untyped-def]
    """The posts table shown in the README is what `graphbuild query --named posts` prints on the seed build."""
    from graphbuild.query import format_result, named_queries, run_query

    out, _ = seed_build
    result = run_query(named_queries()["posts"].text, out / "graph.ttl")
    table = format_result(result, "table").rstrip()
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert table in readme
    assert "Antony Blinken — secretary of state" in table and "David Lammy — foreign secretary" in table


def test_readme_summary_line_matches_seed_build(seed_build) -> None:  # type: ignore[no-untyped-def]
    """The build summary quoted in the README gives the counts the seed build reports (seconds aside)."""
    import re

    _, report = seed_build
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quoted = re.search(r"^graphbuild: 1 documents .*$", readme, re.MULTILINE)
    assert quoted is not None
    strip = re.compile(r", [0-9.]+ s$")
    assert strip.sub("", quoted.group(0)) == strip.sub("", report.summary())


def _readme_block(tag: str) -> str:
    """The fenced block that follows ``<!-- readme-test: TAG -->`` in the README."""
    import re

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    m = re.search(rf"<!-- readme-test: {re.escape(tag)} -->\n```[a-z]*\n(.*?)\n```", readme, re.DOTALL)
    assert m is not None, f"no block tagged {tag!r} in README.md"
    return m.group(1)


def test_readme_python_snippet_prints_what_it_shows(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The README's Python example builds three texts in memory and prints the posts it shows."""
    import contextlib
    import io

    monkeypatch.chdir(tmp_path)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(_readme_block("python"), "README.md", "exec"), {})
    assert out.getvalue().rstrip("\n") == _readme_block("python-output")
    assert "|" in out.getvalue() and len(out.getvalue().splitlines()) >= 3
    assert [p.name for p in tmp_path.iterdir()] == ["kg.graphml"]
