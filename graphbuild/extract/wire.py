"""Wire-service header lines: the places and agencies of datelines and source lines.

The ``dateline`` rule of :mod:`graphbuild.extract.entities` reads datelines written as running text
("KYIV (Ukraine):"); this module reads the header lines of wire copy that have no separator after them or
come tokenised, and the source lines of monitoring services:

- ``BANGKOK , Thailand ( AP )``, ``GRAND RAPIDS , Mich .``, ``JOHANNESBURG, South Africa (AP) --``: the
  all-caps place (whatever NER made of it), the places after commas, and the agency in brackets;
- ``( Text ) Saint-Gall , Switzerland , Feb 2 ( AFP ) --``: a capitalised place after the "( Text )" marker,
  followed by places and a date before the agency;
- ``PA2904034294 Guatemala City Teleonce Television in Spanish 0400 GMT``, ``Moscow INTERFAX``,
  ``Tokyo MAINICHI SHIMBUN``: a known place followed by the agency's name (after a file id, or alone on its
  line when the name is in capitals or names a broadcaster).

:func:`header_spans` reads the first :data:`MAX_SENTENCES` sentences of a document and returns token spans with
their type; the entity layer turns them into mentions.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from graphbuild.extract.lexicon import US_STATE_ABBREVIATIONS
from graphbuild.gazetteer import gazetteer

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

#: Wire-service file ids such as "PA2904034294".
FILE_ID: Final = re.compile(r"^[A-Z]{2}\d{6,}$")
#: Words that make a capitalised name after a place a broadcaster or news service.
_PRESS_NAMES: Final = frozenset({"radio", "television", "tv", "network", "service", "news", "agency", "press",
                                 "channel", "broadcasting"})
_MONTHS: Final = frozenset({"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
                            "dec", "january", "february", "march", "april", "june", "july", "august", "september",
                            "october", "november", "december"})
_DASHES: Final = frozenset({"--", "—", "–", "-", "_"})
#: Most tokens of a place, or of an agency name.
_MAX_PLACE: Final = 4
_MAX_AGENCY: Final = 5


@dataclass(frozen=True, slots=True)
class HeaderSpan:
    """A token span [start, end) of a header line, with its type and, for gazetteer places, the entry."""

    start: int
    end: int
    type: str  # Place | Country | Organization
    label: str
    code: str | None = None
    wikidata: str | None = None


def _caps_word(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _cap_word(text: str) -> bool:
    return text[:1].isupper() and any(c.isalpha() for c in text)


def _known_place(text: str) -> bool:
    hit = gazetteer().lookup(text, folded=True)
    return hit is not None and hit.type in ("Place", "Country")


def _place(doc: Doc, start: int, end: int) -> HeaderSpan:
    text = doc[start:end].text
    hit = gazetteer().lookup(text, folded=True)
    if hit is not None and hit.type in ("Place", "Country"):
        return HeaderSpan(start, end, hit.type, hit.label, hit.code, hit.wikidata)
    label = text.title() if _caps_word(text) else text
    return HeaderSpan(start, end, "Place", label)


def _run(doc: Doc, i: int, stop: int, word: Callable[[str], bool], limit: int) -> int:
    """End of the run of at most ``limit`` tokens from ``i`` that satisfy ``word``; a hyphen joins two words
    ("Saint - Gall", "Kanal - 6") and never ends the run."""
    j = i
    while j < stop and j - i < limit:
        t = doc[j].text
        if word(t):
            j += 1
        elif t == "-" and j > i and j + 1 < stop and doc[j + 1].text[:1].isalnum() and not doc[j].whitespace_ \
                and not doc[j - 1].whitespace_:
            j += 2
        else:
            break
    return j


def _agency(doc: Doc, i: int, stop: int) -> int | None:
    """End of "( AGENCY )" starting at token ``i`` (the bracket), or None."""
    if i >= stop or doc[i].text != "(":
        return None
    j = _run(doc, i + 1, stop, _cap_word, 3)
    if j == i + 1 or j >= stop or doc[j].text != ")" or not _caps_word(doc[i + 1].text):
        return None
    return j + 1


def _dateline(doc: Doc, sent: Span, first: int) -> list[HeaderSpan]:
    """``PLACE , Place , ... ( AGENCY )`` at token ``first`` (AP style; "( Text )" style with a date)."""
    stop = sent.end
    text_marker = first + 2 < stop and doc[first].text == "(" and doc[first + 1].text == "Text" \
        and doc[first + 2].text == ")"
    i = first + 3 if text_marker else first
    caps = _run(doc, i, stop, lambda t: _caps_word(t) and len(t) > 1, _MAX_PLACE)
    end = caps if caps > i and len(doc[i:caps].text) > 2 else i
    if end == i and text_marker:
        end = _run(doc, i, stop, _cap_word, 3)
    if end == i:
        return []
    out = [_place(doc, i, end)]
    k = end
    dated = False
    while k + 1 < stop and doc[k].text == ",":
        nxt = doc[k + 1]
        if nxt.lower_.rstrip(".") in _MONTHS or nxt.like_num:  # "Feb 2", "29 Apr"
            k = _run(doc, k + 1, stop, lambda t: t.lower().rstrip(".") in _MONTHS or t.isdigit(), 3)
            dated = True
            break
        e = _run(doc, k + 1, stop, _cap_word, 3)
        if e == k + 1:
            break
        norm = doc[k + 1:e].text.lower().replace(".", "").replace(" ", "")
        if norm in US_STATE_ABBREVIATIONS or _known_place(doc[k + 1:e].text):
            out.append(_place(doc, k + 1, e))
        k = e
        if k < stop and doc[k].text == "." and norm in US_STATE_ABBREVIATIONS:  # "Mich ."
            k += 1
    agency_end = _agency(doc, k, stop)
    if agency_end is not None:
        out.append(HeaderSpan(k + 1, agency_end - 1, "Organization", doc[k + 1:agency_end - 1].text))
        k = agency_end
    closed = k >= stop or doc[k].text in _DASHES or all(t.is_punct for t in doc[k:stop])
    if not closed or len(out) < 2:
        return []
    if text_marker and not (dated and agency_end is not None):
        return []
    if not text_marker and caps == i:
        return []
    return out


def _source_line(doc: Doc, sent: Span, first: int, after_id: bool) -> list[HeaderSpan]:
    """``Place AGENCY (in Language ... GMT)``: the place the gazetteer knows, then the agency's name."""
    stop = sent.end
    place: HeaderSpan | None = None
    for n in range(min(_MAX_PLACE, stop - first - 1), 0, -1):
        if _known_place(doc[first:first + n].text):
            place = _place(doc, first, first + n)
            break
    if place is None:
        return []
    i = place.end
    j = _run(doc, i, stop, _cap_word, _MAX_AGENCY)
    name = doc[i:j].text
    if j == i or _known_place(name) or name.lower().replace(".", "") in US_STATE_ABBREVIATIONS:
        return []
    rest = doc[j:stop]
    words = [t.text for t in doc[i:j]]
    press = _caps_word(" ".join(words)) or any(w.lower() in _PRESS_NAMES for w in words)
    # after a file id the name is followed by its language ("in Spanish"); alone, it must look like a press name
    ok = (press or (len(rest) > 1 and rest[0].lower_ == "in")) if after_id else press and all(t.is_punct for t in rest)
    if not ok:
        return []
    return [place, HeaderSpan(i, j, "Organization", doc[i:j].text)]


#: Header lines open a document: only its first sentences are read.
MAX_SENTENCES: Final = 3


def header_spans(doc: Doc) -> list[HeaderSpan]:
    """Places and agencies of the wire-service header lines of ``doc`` (see the module docstring)."""
    out: list[HeaderSpan] = []
    for n, sent in enumerate(doc.sents):
        if n >= MAX_SENTENCES:
            break
        first = sent.start
        while first < sent.end and doc[first].is_space:
            first += 1
        if first >= sent.end:
            continue
        after_id = False
        for t in doc[first:min(sent.end, first + 12)]:
            if FILE_ID.match(t.text):
                first, after_id = t.i + 1, True
                break
        found = _dateline(doc, sent, first) if not after_id else []
        if not found and first < sent.end and (after_id or sent.end - first <= 8):
            found = _source_line(doc, sent, first, after_id)
        out += found
    return out
