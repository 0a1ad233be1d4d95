"""Anchoring time expressions to calendar dates.

A document's date (the JSONL ``date`` field, or a date found in its first
lines) anchors relative expressions ("Wednesday", "last month", "yesterday").
Without an anchor nothing is invented: the surface form is kept, the date is None.
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


def resolve_time(expr: str, anchor: date | None) -> str | None:
    """An ``xsd:date`` (ISO string) for a time expression, or None when it cannot be pinned to a day."""
    text = expr.strip().lower()
    absolute = find_absolute_date(expr)
    if absolute is not None:
        return absolute.isoformat()
    if anchor is None:
        return None
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
            if d and d > anchor + timedelta(days=31):
                d = _safe_date(anchor.year - 1, mo, day)
            return d.isoformat() if d else None
    return None
