"""Anchoring time expressions to calendar dates.

A document's date (the JSONL ``date`` field, ``build --date``, or a date
found in its first lines) anchors relative expressions ("Wednesday", "last
month", "yesterday").  Without an anchor nothing is invented: the surface
form is kept, the date is None.

A time expression resolves to an ``xsd:date`` (``2024-09-11``) when it names
a day, to an ``xsd:gYearMonth`` (``2004-12``) when it names a month ("December
2004", "last month", "December" with an anchor), and to an ``xsd:gYear``
(``2003``) when it names a year ("in 2003", "next year").  A day, weekday or
month without a year is taken in the past of the anchor (news reports what
happened), unless the event is in the future tense ("will meet on 9 January"
in a December article): then it is the next such day after the anchor.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december",
)
_MONTH_ABBR = {m[:3]: i + 1 for i, m in enumerate(_MONTHS)} | {"sept": 9}

_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_DMY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b")
_MDY = re.compile(r"\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")


def _month(word: str) -> int | None:
    w = word.lower().rstrip(".")
    if w in _MONTHS:
        return _MONTHS.index(w) + 1
    return _MONTH_ABBR.get(w[:4] if w.startswith("sept") else w[:3]) if len(w) >= 3 and w[:3] in _MONTH_ABBR else None


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def find_absolute_date(text: str) -> date | None:
    """The first full calendar date in ``text`` (ISO, "4 September 2024", "September 4, 2024")."""
    best: tuple[int, date] | None = None
    for m in _ISO.finditer(text):
        d = _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if d and (best is None or m.start() < best[0]):
            best = (m.start(), d)
    for m in _DMY.finditer(text):
        mo = _month(m.group(2))
        d = _safe_date(int(m.group(3)), mo, int(m.group(1))) if mo else None
        if d and (best is None or m.start() < best[0]):
            best = (m.start(), d)
    for m in _MDY.finditer(text):
        mo = _month(m.group(1))
        d = _safe_date(int(m.group(3)), mo, int(m.group(2))) if mo else None
        if d and (best is None or m.start() < best[0]):
            best = (m.start(), d)
    return best[1] if best else None


def document_anchor(doc_date: str | None, text: str, head_chars: int = 300) -> date | None:
    """The date that anchors a document: its ``date`` field, else a date in its first lines."""
    if doc_date:
        try:
            return date.fromisoformat(doc_date[:10])
        except ValueError:
            return None
    return find_absolute_date(text[:head_chars])


_LEAD = r"(?:(?:in|since|until|during|by|from|of)\s+)?(?:(?:early|late|mid)[-\s]?)?"
_YEAR = re.compile(_LEAD + r"((?:1[0-9]|20)\d{2})")
_MONTH_YEAR = re.compile(_LEAD + r"([a-z]{3,9})\.?,?\s+((?:1[0-9]|20)\d{2})")
_MONTH_ONLY = re.compile(_LEAD + r"(last\s+|next\s+|this\s+)?([a-z]{3,9})")


def _partial(text: str, anchor: date | None, future: bool) -> str | None:
    """A ``gYear`` (``2003``) or ``gYearMonth`` (``2004-12``) for a year or month expression, else None."""
    m = _YEAR.fullmatch(text)
    if m:
        return m.group(1)
    m = _MONTH_YEAR.fullmatch(text)
    if m:
        mo = _month(m.group(1))
        return f"{m.group(2)}-{mo:02d}" if mo else None
    if anchor is None:
        return None
    if text in ("this month", "last month", "next month"):
        shift = {"this": 0, "last": -1, "next": 1}[text.split()[0]]
        y, mo = divmod(anchor.year * 12 + anchor.month - 1 + shift, 12)
        return f"{y:04d}-{mo + 1:02d}"
    if text in ("this year", "last year", "next year"):
        return f'{anchor.year + {"this": 0, "last": -1, "next": 1}[text.split()[0]]:04d}'
    m = _MONTH_ONLY.fullmatch(text)
    word = m.group(2) if m else ""
    if m is None or not (word in _MONTHS or word in _MONTH_ABBR):
        return None
    mo = _month(word)
    if mo is None:  # pragma: no cover - every name above is a month
        return None
    which = (m.group(1) or "").strip()
    year = anchor.year
    if which == "next" or (future and which != "last"):
        if mo < anchor.month or (which == "next" and mo == anchor.month):
            year += 1
    elif mo > anchor.month or (which == "last" and mo == anchor.month):
        year -= 1  # news reports the past: "December" in a March article is last December
    return f"{year:04d}-{mo:02d}"


def resolve_time(expr: str, anchor: date | None, future: bool = False) -> str | None:
    """The ISO form of a time expression: an ``xsd:date`` for a day, ``YYYY-MM`` (``xsd:gYearMonth``) for a
    month, ``YYYY`` (``xsd:gYear``) for a year; None when it cannot be pinned down.

    ``future``: the event is in the future tense, so a day, weekday or month without a year is the next one
    after ``anchor`` rather than the last one before it.  A time that would fall outside the years 1 to 9999
    (an article dated 0001-01-01 saying "on Tuesday") cannot be written as an XSD date: None.
    """
    try:
        iso = _resolve_time(expr, anchor, future)
    except (OverflowError, ValueError):  # the anchor is at the edge of what ``datetime.date`` holds
        return None
    if iso is not None and not re.fullmatch(r"(?!0000)\d{4}(-\d{2}(-\d{2})?)?", iso):
        return None  # year 0 or a negative one ("last year" in year 1)
    return iso


def _resolve_time(expr: str, anchor: date | None, future: bool) -> str | None:
    text = expr.strip().lower()
    absolute = find_absolute_date(expr)
    if absolute is not None:
        return absolute.isoformat()
    partial = _partial(re.sub(r"\s+", " ", text.strip(" .,")), anchor, future)
    if partial is not None:
        return partial
    if anchor is None:
        return None
    nxt = text.startswith("next ")
    if nxt:
        future = True
        text = text.removeprefix("next ")
    text = re.sub(r"^(on|last|this|past)\s+", lambda m: "last " if m.group(1) == "last" else "", text)
    if text in ("today", "tonight", "this morning", "this afternoon", "this evening"):
        return anchor.isoformat()
    if text in ("yesterday", "last night"):
        return (anchor - timedelta(days=1)).isoformat()
    if text == "tomorrow":
        return (anchor + timedelta(days=1)).isoformat()
    last = text.startswith("last ")
    word = text.removeprefix("last ")
    for suffix in (" morning", " afternoon", " evening", " night"):
        word = word.removesuffix(suffix)
    if word in _WEEKDAYS:
        if future and not last:
            # a weekday of a future event is the next one (on or after the article's date; "next": after it)
            ahead = (_WEEKDAYS.index(word) - anchor.weekday()) % 7
            if nxt and ahead == 0:
                ahead = 7
            return (anchor + timedelta(days=ahead)).isoformat()
        # news convention: a bare weekday is the most recent one on or before the article's date
        delta = (anchor.weekday() - _WEEKDAYS.index(word)) % 7
        if last and delta == 0:
            delta = 7
        return (anchor - timedelta(days=delta)).isoformat()
    m = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3,9})|([a-z]{3,9})\s+(\d{1,2})(?:st|nd|rd|th)?", word)
    if m:
        day = int(m.group(1) or m.group(4))
        mo = _month(m.group(2) or m.group(3))
        if mo:
            d = _safe_date(anchor.year, mo, day)
            if d and future and d < anchor:
                d = _safe_date(anchor.year + 1, mo, day)  # "will meet on 9 January", written in December
            elif d and not future and d > anchor + timedelta(days=31):
                d = _safe_date(anchor.year - 1, mo, day)
            return d.isoformat() if d else None
    return None
