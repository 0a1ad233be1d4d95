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
