"""Entities of one document: spaCy NER corrected by named rules, then resolved.

:func:`extract_entities` turns a parsed :class:`spacy.tokens.Doc` into
:class:`~graphbuild.model.DocEntity` records.  Every mention carries the name
of the rule that produced or retyped it:

``ner``               spaCy's entity, type mapped (PERSON→Person, GPE→Country/Place...)
``gazetteer``         a country, city, region or organisation from :mod:`graphbuild.gazetteer`
``demonym``           a nationality word read as its country ("British" → United Kingdom)
``region``            "Kursk region", "Donetsk Oblast", "Sichuan province" as one Place
``dateline``          "KYIV (Ukraine):", "LONDON (Reuters) -", "BRUSSELS 1996-08-22"; wire header lines
                      "BANGKOK , Thailand ( AP )", "Moscow INTERFAX in English 1601 GMT" (:mod:`.wire`)
``title``             the name after a title ("Foreign Secretary David Lammy", "Mr Straw")
``said``              a name right before/after "said"/"says"/"told" that spaCy left untyped
``doc-consistency``   a name typed once is that type everywhere in the document
``headline``          a name in an all-caps line confirmed by a gazetteer or the body text

Within the document, mentions are grouped into entities (see :func:`_group`):
countries by canonical name, people by full name, surname ("Blinken"), title
("Mr Straw") and initials ("J. Smith"), organisations by canonical name and
acronym, places by canonical name and region suffix.  Every alias merge is
recorded as a :class:`~graphbuild.model.Merge`.

Only this package touches spaCy objects; the records returned hold strings
and offsets.
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Final

from graphbuild.extract.common import doc_text, token_table
from graphbuild.extract.wire import header_spans
from graphbuild.gazetteer import AMBIGUOUS_COUNTRY_NAMES, GazEntry, fold, gazetteer
from graphbuild.model import DocEntity, Document, Mention, Merge

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

log = logging.getLogger(__name__)

#: spaCy labels kept and the type they map to (GPE is decided by the gazetteer).
NER_TYPES: Final = {"PERSON": "Person", "ORG": "Organization", "GPE": "Place", "LOC": "Place", "FAC": "Place"}
#: spaCy labels whose spans may be retyped when a gazetteer or the document says so.
RETYPABLE: Final = frozenset({"PRODUCT", "WORK_OF_ART", "NORP", "EVENT", "LANGUAGE", "LAW"})
#: Honorifics stripped from the front of a person mention.
HONORIFICS: Final = frozenset({"Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.", "Sir", "Dame", "Lord", "Lady"})
#: Further words stripped from the front of a person name.
PERSON_PREFIXES: Final = frozenset(
    {"Prof", "Prof.", "Professor", "Baroness", "Baron", "Rev", "Rev.", "Reverend", "Dame", "Lord", "Lady", "Sir"}
)
#: Words after a name that make a region ("Kursk region").
REGION_WORDS: Final = frozenset({"region", "Region", "oblast", "Oblast", "province", "Province", "krai", "Krai"})
#: Speech verbs for the ``said`` cue.
SAID_WORDS: Final = frozenset({"said", "says", "told", "added", "argued", "insisted"})
#: Lowercase words that may sit inside a name ("bin Laden", "de Klerk", "van Gaal").
NAME_PARTICLES: Final = frozenset({"de", "van", "von", "bin", "al", "el", "da", "di", "der", "den", "le", "la"})
#: Spans never taken as entities on their own.
STOP_NAMES: Final = frozenset(
    {"State", "Mr", "Mrs", "Ms", "Dr", "The", "A", "An", "I", "He", "She", "It", "We", "Men", "Women", "Attendance",
     "GMT", "Extras", "Scorer", "Scorers", "Winner", "Winners", "Avg"}
)
#: Last words of a sporting event's name ("U.S. Open", "Fed Cup", "Atlanta Games", "PGA Tour"): such names are
#: events (CoNLL's MISC), not the place or organisation inside them.
SPORT_EVENT_WORDS: Final = frozenset(
    {"Cup", "Open", "Championship", "Championships", "Games", "Olympics", "Masters", "Series", "Trophy", "Tour",
     "Prix", "Classic", "Slam"}
)
#: Words after a newspaper or agency name that are no part of it ("Interfax news agency", "Izvestia daily").
PRESS_WORDS: Final = frozenset({"news", "agency", "newspaper", "daily", "weekly", "paper", "magazine", "radio"})
#: Cue words for the ``press`` rule: the name before them ("Zycie Warszawy daily") or after them ("the daily Trud").
_PRESS_BEFORE: Final = (("news", "agency"), ("newsagency",), ("agency",), ("newspaper",), ("daily",), ("weekly",))
_PRESS_AFTER: Final = frozenset({"daily", "weekly", "newspaper", "agency", "paper"})
#: Words that make a document a cricket report (for the ``sports.county`` rule).
CRICKET_WORDS: Final = frozenset(
    {"cricket", "innings", "wicket", "wickets", "wkts", "batsman", "batsmen", "bowler", "bowled", "overs", "lbw"}
)
#: Abstract nouns spaCy sometimes types as names ("Islamophobia", "Thatcherism").
_ABSTRACT: Final = re.compile(r"[A-Z][a-z]+(?:ism|isms|phobia)")
#: Campaign imperatives that are never a first name ("Vote Blair", "Get Brown").
SLOGAN_VERBS: Final = frozenset({"Vote", "Get", "Sack", "Ditch", "Dump", "Elect", "Stop", "Oust", "Back", "Save"})
#: An initial ("J.").
_INITIAL: Final = re.compile(r"[A-Z]\.")
#: A match score right after a team name.
_SCORE: Final = re.compile(r"\d{1,3}")
#: Words between two teams.
_VERSUS: Final = frozenset({"beat", "v", "vs", "vs.", "at", "drew"})
#: Minimum share of upper-case letters for a line to count as an all-caps headline.
CAPS_SHARE: Final = 0.8

_DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Z.'’\-]*(?: [A-Z][A-Z.'’\-]*){0,3})"
    r"(?: ?,? (?P<state>[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?))?"
    r"(?: ?\((?P<paren>[^)\n]{1,40})\))?"
    r"\s*(?P<sep>:|—|–|-|\d{4}-\d{2}-\d{2})"
)


@dataclass(slots=True)
class _Cand:
    """A candidate mention over tokens ``start:end`` (end exclusive)."""

    start: int
    end: int
    type: str
    rule: str
    label: str | None = None  # canonical label when a table gives one
    code: str | None = None
    wikidata: str | None = None
    demonym: bool = False
    authority: int = 0  # 0 ner guess, 1 cue, 2 table/dateline: higher wins in consistency votes
    spacy_label: str = ""
    notes: list[str] = field(default_factory=list)


# ---------------------------------------------------------------------------
# helpers over tokens


def _caps_tokens(doc: Doc) -> set[int]:
    """Indices of tokens on all-caps lines (headlines such as CoNLL's "SOCCER - JAPAN GET LUCKY WIN")."""
    out: set[int] = set()
    text = doc_text(doc)
    pos = 0
    spans = []
    for line in text.split("\n"):
        letters = [c for c in line if c.isalpha()]
        if len(letters) >= 4 and sum(c.isupper() for c in letters) >= CAPS_SHARE * len(letters):
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    if not spans:
        return out
    starts = token_table(doc).idx
    for s, e in spans:
        out.update(range(bisect_left(starts, s), bisect_left(starts, e)))
    return out


def _span_text(doc: Doc, start: int, end: int) -> str:
    """``doc[start:end].text``, cut from the document text (no Span is made)."""
    if end <= start:
        return ""
    t = token_table(doc)
    if start < 0 or end > len(t.text):
        return str(doc[start:end].text)  # spaCy's slice rules (negative or clipped bounds)
    return t.doc_text[t.idx[start] : t.idx[end - 1] + len(t.text[end - 1])]


def _is_punct(text: str) -> bool:
    return bool(text) and all(not c.isalnum() for c in text)


def _is_cap(text: str) -> bool:
    return bool(text) and text[0].isupper()


def _gaz_lookup(text: str, folded: bool) -> GazEntry | None:
    g = gazetteer()
    hit = g.lookup(text, folded=folded)
    if hit is None and "." in text:
        hit = g.lookup(text.replace(" ", ""), folded=folded)
    return hit


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop leading articles and punctuation, trailing possessives and punctuation."""
    words = _words(doc)
    while start < end and (words[start].lower() == "the" or _is_punct(words[start])):
        start += 1
    while end > start and (words[end - 1].lower() in {"'s", "’s", "'", "’"} or _is_punct(words[end - 1])):
        end -= 1
    return start, end


def _title_phrases() -> tuple[tuple[str, ...], ...]:
    return gazetteer().titles


@lru_cache(maxsize=1)
def _titles_by_word() -> tuple[dict[str, tuple[tuple[str, ...], ...]], dict[str, tuple[tuple[str, ...], ...]]]:
    """Title phrases indexed by their last and by their first word, longest first (the table's order)."""
    last: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    first: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for phrase in _title_phrases():
        last[phrase[-1]].append(phrase)
        first[phrase[0]].append(phrase)
    return {k: tuple(v) for k, v in last.items()}, {k: tuple(v) for k, v in first.items()}


def _words(doc: Doc) -> list[str]:
    """The token texts of ``doc`` (indexing a list is much cheaper than ``doc[i]``), built once per document."""
    return token_table(doc).text


def _lower_words(doc: Doc) -> frozenset[str]:
    """The lowercased token texts of ``doc`` as a set."""
    return token_table(doc).word_set


def _title_before(words: Sequence[str], i: int) -> int | None:
    """Start token of a title phrase ending right before token ``i``, if any."""
    if i == 0:
        return None
    for phrase in _titles_by_word()[0].get(words[i - 1], ()):
        s = i - len(phrase)
        if s >= 0 and tuple(words[s:i]) == phrase:
            return s
    return None


def _strip_person_prefix(doc: Doc, start: int, end: int) -> int:
    """Skip titles, honorifics, party/country words and verbs spaCy put in front of a name.

    "Mr Prescott" → "Prescott", "Baroness Kennedy" → "Kennedy", "Tories Ken Clarke" → "Ken Clarke",
    "Vote Blair" → "Blair".
    """
    g = gazetteer()
    title_words = {p[0] for p in g.titles if len(p) == 1}
    while start < end - 1:
        t = doc[start]
        if (
            t.text in HONORIFICS
            or t.text in title_words
            or t.text in PERSON_PREFIXES
            or t.text in SLOGAN_VERBS
            or _prefix_word(t.text)
            or t.pos_ in {"VERB", "AUX", "ADP", "DET"}
        ):
            start += 1
            continue
        break
    return start


def _prefix_word(text: str) -> bool:
    """A party, organisation or nationality word ("Tories", "Labour", "US") that cannot start a name."""
    hit = gazetteer().lookup(text)
    if hit is None or text in AMBIGUOUS_COUNTRY_NAMES:
        return False
    return hit.type in {"Organization", "Country"}


def _name_text(doc: Doc, c: _Cand, caps: set[int]) -> str:
    """The name as written (original spacing, so "Kilroy-Silk" stays whole); headline caps title-cased."""
    text = _span_text(doc, c.start, c.end)
    if c.start in caps:
        text = " ".join(w.title() if w.isupper() and len(w) > 1 else w for w in text.split(" "))
    return text


def _title_at(words: Sequence[str], i: int) -> bool:
    """Whether a title phrase starts at token ``i`` ("US Secretary of State", "British Foreign Secretary")."""
    if i >= len(words):
        return False
    return any(tuple(words[i : i + len(phrase)]) == phrase for phrase in _titles_by_word()[1].get(words[i], ()))


def _name_run(doc: Doc, i: int, limit: int = 4) -> int:
    """End of a run of capitalised name tokens starting at ``i`` (``i`` when none)."""
    j = i
    while j < len(doc) and j - i < limit:
        t = doc[j]
        name_word = _is_cap(t.text) and (t.text.isalpha() or re.fullmatch(r"[A-Z]\.|[A-Z][\w'’-]+", t.text) is not None)
        particle = t.text in NAME_PARTICLES and j > i and j + 1 < len(doc) and _is_cap(doc[j + 1].text)
        if not (name_word or particle):
            break
        j += 1
    return j


# ---------------------------------------------------------------------------
# candidate rules (each one testable on a hand-built Doc)


def ner_candidates(doc: Doc, caps: set[int] | None = None) -> list[_Cand]:
    """Rule ``ner``/``gazetteer``/``demonym``: spaCy's entities, trimmed and typed."""
    caps = caps or set()
    out: list[_Cand] = []
    for ent in doc.ents:
        start, end = _clean_span(doc, ent.start, ent.end, ent.label_ == "PERSON")
        if start >= end:
            continue
        if ent.label_ == "PERSON":
            start = _strip_person_prefix(doc, start, end)
        text = _span_text(doc, start, end)
        if text in STOP_NAMES or _ABSTRACT.fullmatch(text):
            continue
        if text[:1].islower() and doc[start].text not in NAME_PARTICLES and text[:3] not in {"al-", "el-"}:
            continue  # "congress", "defence ministry": a common noun, not a name
        folded = start in caps
        hit = _gaz_lookup(text, folded)
        label = ent.label_
        if hit is not None:
            if label == "PERSON" and text in AMBIGUOUS_COUNTRY_NAMES:
                out.append(_Cand(start, end, "Person", "ner", spacy_label=label))
                continue
            rule = "demonym" if hit.demonym else ("ner" if NER_TYPES.get(label) == hit.type else "gazetteer")
            out.append(
                _Cand(
                    start,
                    end,
                    hit.type,
                    rule,
                    hit.label,
                    hit.code,
                    hit.wikidata,
                    hit.demonym,
                    authority=2,
                    spacy_label=label,
                )
            )
            continue
        if label in NER_TYPES:
            typ = NER_TYPES[label]
            if typ == "Person" and end - start > 1 and doc[end - 1].text in COMPANY_SUFFIXES:
                # "Pirelli SpA", "Acme Holdings" typed PERSON: the suffix says company
                out.append(_Cand(start, end, "Organization", "company-suffix", spacy_label=label, authority=1))
                continue
            out.append(_Cand(start, end, typ, "ner", spacy_label=label))
        elif label in RETYPABLE:
            # kept untyped: a later rule may type it (doc-consistency, said, region)
            out.append(_Cand(start, end, "", "ner", spacy_label=label))
    return out


def _clean_span(doc: Doc, start: int, end: int, person: bool) -> tuple[int, int]:
    """Trim a spaCy span: no line break, bracket or spaced dash inside ("Scott Draper ( Australia"), no numbers
    at the ends ("W. Hegg 54", "64 Bob Estes", "Lithuania 3 - 0").

    A person name also ends before a lowercase word ("Birmingham v Barnsley", "Yorkshire at Headingley")
    and loses lowercase words in front ("stepson Sholto", "rang Lucy").
    """
    words = _words(doc)
    start, end = _trim(doc, start, end)
    for k in range(start, end):
        text = words[k]
        if "\n" in text or (doc[k].is_space and k > start):
            end = k
            break
        if k > start and (text in {"(", ")"} or (text == "-" and doc[k].whitespace_ and doc[k - 1].whitespace_)):
            end = k  # "Scott Draper ( Australia", "Slovakia - Lubomir"
            break
    while start < end and any(ch.isdigit() for ch in words[start]):
        start += 1
    while end - 1 > start and words[end - 1] in PRESS_WORDS:
        end -= 1  # "Interfax news agency" → "Interfax"
    while end > start and (any(ch.isdigit() for ch in words[end - 1]) or _is_punct(words[end - 1])):
        end -= 1  # "Lithuania 3 - 0"
    if person:
        while start < end and words[start][:1].islower() and words[start] not in NAME_PARTICLES:
            start += 1
        for k in range(start + 1, end):
            if words[k][:1].islower() and words[k] not in NAME_PARTICLES and "-" not in words[k]:
                end = k
                break
    return _trim(doc, start, end)


def dateline_candidates(doc: Doc) -> list[_Cand]:
    """Rule ``dateline``: "KYIV (Ukraine):", "LONDON (Reuters) -", "WASHINGTON —", "BRUSSELS 1996-08-22",
    "MANCHESTER , England 1996-08-31" (the state or country after the city is a mention too)."""
    out: list[_Cand] = []
    text = doc_text(doc)
    pos = 0
    for line_no, line in enumerate(text.split("\n")[:4]):
        m = _DATELINE.match(line)
        base = pos
        pos += len(line) + 1
        if not m:
            continue
        place = m.group("place").strip()
        place_hit = _gaz_lookup(place, True)
        has_date = m.group("sep")[0].isdigit()
        if not (has_date or m.group("paren") or (place_hit is not None and place_hit.type != "Organization")):
            continue
        if line_no > 0 and not has_date:
            continue
        for grp in ("place", "state", "paren"):
            val = m.group(grp)
            if not val:
                continue
            if grp == "state" and not has_date and _gaz_lookup(val, True) is None:
                continue  # "MILWAUKEE , Wisconsin 1996-08-30" and "ARLINGTON , Texas 1996-08-31" name the state
            s = base + m.start(grp)
            span = doc.char_span(s, s + len(val.rstrip()), alignment_mode="contract")
            if span is None or len(span) == 0:
                continue
            hit = _gaz_lookup(span.text, True)
            if grp == "paren" and hit is None:
                continue  # "(Reuters)" is the agency, not a place: left to the other rules
            if hit is not None:
                out.append(
                    _Cand(span.start, span.end, hit.type, "dateline", hit.label, hit.code, hit.wikidata, authority=2)
                )
            elif grp in {"place", "state"}:
                out.append(_Cand(span.start, span.end, "Place", "dateline", span.text.title(), authority=2))
    return out


def gazetteer_candidates(doc: Doc, caps: set[int] | None = None) -> list[_Cand]:
    """Rule ``gazetteer``/``demonym``: table names spaCy missed (longest match, capitalised)."""
    caps = caps or set()
    g = gazetteer()
    out: list[_Cand] = []
    n_max = min(g.max_tokens, 6)
    words = _words(doc)
    i = 0
    while i < len(doc):
        if not _is_cap(words[i]):
            i += 1
            continue
        folded = i in caps
        found = False
        for n in range(min(n_max, len(doc) - i), 0, -1):
            end = i + n
            if not _is_cap(words[end - 1]) and words[end - 1] not in {".", ")"}:
                continue
            text = _span_text(doc, i, end)
            hit = _gaz_lookup(text, folded)
            if hit is None:
                continue
            # a capitalised word right before or after means a longer name ("New York Times")
            if not folded:
                if (
                    end < len(doc)
                    and _is_cap(words[end])
                    and words[end].isalpha()
                    and not doc[end].is_sent_start
                    and not _title_at(words, end)
                ):
                    break
                if (
                    i > 0
                    and _is_cap(words[i - 1])
                    and words[i - 1].isalpha()
                    and not doc[i].is_sent_start
                    and not doc[i - 1].is_sent_start
                    and words[i - 1] not in HONORIFICS
                    and _title_before(words, i) is None
                ):
                    break
            rule = "demonym" if hit.demonym else "gazetteer"
            out.append(_Cand(i, end, hit.type, rule, hit.label, hit.code, hit.wikidata, hit.demonym, authority=2))
            i = end
            found = True
            break
        if not found:
            i += 1
    return out


def region_candidates(doc: Doc) -> list[_Cand]:
    """Rule ``region``: "Kursk region", "Donetsk Oblast", "Sichuan province" as one Place."""
    out: list[_Cand] = []
    for k, word in enumerate(_words(doc)):
        if word not in REGION_WORDS or k == 0:
            continue
        tok = doc[k]
        j = tok.i
        i = j
        while i > 0 and _is_cap(doc[i - 1].text) and doc[i - 1].text.isalpha() and j - i < 3:
            i -= 1
        if i == j:
            continue
        name = _span_text(doc, i, j)
        hit = gazetteer().lookup(name)
        if hit is not None and hit.type in {"Country", "Organization"}:
            continue
        label = f"{name} {tok.text.lower()}" if tok.text.lower() != "oblast" else f"{name} Oblast"
        out.append(_Cand(i, j + 1, "Place", "region", label, authority=2, notes=[name]))
    return out


def title_candidates(doc: Doc) -> list[_Cand]:
    """Rule ``title``: the name after "President", "Foreign Secretary", "Mr", "spokesman"..."""
    out: list[_Cand] = []
    ent_of: dict[int, Span] = {}
    for ent in doc.ents:
        for k in range(ent.start, ent.end):
            ent_of[k] = ent
    words = _words(doc)
    for i in range(1, len(words)):
        if not _is_cap(words[i]):
            continue
        s = _title_before(words, i)
        if s is None:
            continue
        # "General Motors": the title word itself is inside an organisation/place name
        before = ent_of.get(i - 1)
        if before is not None and before.label_ in {"ORG", "GPE", "FAC", "LOC"}:
            continue
        end = _name_run(doc, i)
        if end <= i:
            continue
        i = _strip_person_prefix(doc, i, end)  # "Deputy Prime Minister Mr Prescott"
        text = _span_text(doc, i, end)
        if gazetteer().lookup(text) is not None or text in STOP_NAMES:
            continue
        ent2 = ent_of.get(end - 1)
        if ent2 is not None and ent2.end > end and ent2.label_ != "PERSON":
            continue
        out.append(_Cand(i, end, "Person", "title", authority=1))
    return out


def initials_candidates(doc: Doc, caps: set[int] | None = None) -> list[_Cand]:
    """Rule ``initials``: "J. Smith", "M. Gatting" (an initial and a capitalised name) is a Person."""
    words = _words(doc)
    caps = caps or set()
    out: list[_Cand] = []
    i = 0
    while i < len(doc):
        if i in caps or not _INITIAL.fullmatch(words[i]):
            i += 1
            continue
        start = i
        while i < len(doc) and _INITIAL.fullmatch(words[i]):
            i += 1
        end = _name_run(doc, i, limit=2)
        if end > i and all(words[k].isalpha() or "-" in words[k] or "'" in words[k] for k in range(i, end)):
            text = _span_text(doc, i, end)
            if gazetteer().lookup(text) is None or gazetteer().lookup(text, folded=True) is None:
                out.append(_Cand(start, end, "Person", "initials", authority=1))
            i = end
    return out


def extend_initials(doc: Doc, cands: list[_Cand]) -> list[_Cand]:
    """Rule ``initials``: a Person mention takes in the initials right before it ("M." + "Gatting").

    Rule ``person.hyphen``: and the rest of a hyphenated name spaCy cut short ("Ata" + "-ur-Rehman",
    "Chen Chun" + "-yeh").
    """
    out = []
    taken = {k for c in cands for k in range(c.start, c.end)}
    n = len(doc)
    swallowed: set[int] = set()  # starts of candidates inside an extended name ("Rehman")
    for c in cands:
        s = c.start
        while c.type == "Person" and s > 0 and s - 1 not in taken and _INITIAL.fullmatch(doc[s - 1].text):
            s -= 1
        e = c.end
        while (
            c.type == "Person"
            and e + 1 < n
            and doc[e].text == "-"
            and not doc[e - 1].whitespace_
            and not doc[e].whitespace_
            and doc[e + 1].text.isalpha()
            and e not in taken
        ):
            e += 2
        if e != c.end:
            swallowed.update(range(c.end, e))
            c = replace(c, end=e, rule="person.hyphen")
        out.append(replace(c, start=s, rule="initials") if s != c.start else c)
    if swallowed:
        out = [c for c in out if not (c.start in swallowed and c.end - 1 in swallowed)]
    return out


def sports_teams(doc: Doc, cands: list[_Cand]) -> list[_Cand]:
    """Rule ``sports-team``: a city or county used as a team name is an Organization.

    A non-country Place counts as a team when a match score follows it
    ("Leeds 2 Chelsea 1", "Essex 372"), or it stands in "X beat Y", "X v Y",
    "X at Y" between two places; every mention of that name in the document is retyped.
    """
    places = [c for c in cands if c.type == "Place" and c.rule not in {"dateline", "region"}]
    teams: set[str] = set()
    by_end = {c.end: c for c in cands}
    for c in places:
        nxt = doc[c.end] if c.end < len(doc) else None
        if nxt is not None and _SCORE.fullmatch(nxt.text):
            after = doc[c.end + 1] if c.end + 1 < len(doc) else None
            if (
                after is None
                or after.text in {",", "."}
                or after.text.isdigit()
                or _is_cap(after.text)
                or after.is_space
            ):
                teams.add(fold(_span_text(doc, c.start, c.end)))
                continue
        if nxt is not None and nxt.text.lower() in _VERSUS:
            other = next((o for o in cands if o.start == c.end + 1), None)
            prev = by_end.get(c.start - 2) if c.start >= 2 and doc[c.start - 1].text.lower() in _VERSUS else None
            for o in (other, prev):
                if o is not None and o.type in {"Place", "Organization"}:
                    teams.add(fold(_span_text(doc, c.start, c.end)))
                    if o.type == "Place" and o.rule not in {"dateline", "region"}:
                        teams.add(fold(_span_text(doc, o.start, o.end)))
    if not teams:
        return cands
    out = []
    for c in cands:
        if c.type == "Place" and c.rule != "dateline" and fold(_span_text(doc, c.start, c.end)) in teams:
            c = replace(c, type="Organization", rule="sports-team", label=None)
        out.append(c)
    return out


#: A team name in a results line: capitalised words, "of"/"de" inside ("Queen of South").
_TEAM = (
    r"[A-Z][A-Za-z.'&-]*(?: (?:of|de|del|la) [A-Z][A-Za-z.'&-]*| [A-Z][A-Za-z.'&-]*){0,3}"
    r"(?: \( [A-Z]{1,2} \))?"  # a town letter that tells two clubs apart: "Proleter ( Z )"
)
#: "Bolton 2", "Sussex 363", "Puchon 3": a team and its score, at a line start or after ":", ",", ";".
_TEAM_SCORE = re.compile(
    r"(?:^|(?<=[:,;] )|(?<=\d ))(?P<name>" + _TEAM + r") (?P<score>\d{1,3}(?:-\d{1,2})?)(?P<after>(?: \d{1,3})*)(?= |$)"
)
#: Numbers after a name that make a standings row (played, won, drawn, lost, for, against, points).
STANDINGS_NUMBERS: Final = 6
#: Words after a single score that still make a results line ("Essex 372 and 144", "214 for 5", "22 points").
_SCORE_FOLLOWERS: Final = frozenset({"and", "for", "(", "points", "pts", "runs", "all"})
#: Capitalised words that head a results line without being a team.
_NOT_TEAMS: Final = frozenset(
    {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
     "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Monday",
     "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Division", "Group", "Round", "Week", "Game",
     "Race", "Stage", "Heat", "Table", "Total", "Section", "Pool", "Points", "Attendance", "Score", "Scores",
     "Halftime", "Result", "Results", "Standings", "Note", "Top", "Leading", "Innings", "Over", "Overs", "Bowling",
     "Batting", "Fall", "Extras", "Scorer", "Scorers", "Tries", "Try", "Conversions", "Conversion", "Penalties",
     "Penalty", "Referee", "Squads", "Teams"}
)


def results_lines(doc: Doc, cands: list[_Cand]) -> list[_Cand]:
    """Rule ``sports.results_line``: the teams of a results or standings line are Organizations.

    "Bolton 2 Everton 1", "Leicestershire 22 points , Somerset 4", "Puchon 3 1 0 6 1 10":
    a capitalised name followed by a score, twice on a line, or once with a table
    row or an innings after it.  A country there stays a Country (national teams are
    written as their country, as CoNLL-2003 annotates them).  Other team names are
    Organizations everywhere in the document ("Essex" in the match report).
    Full names spaCy calls PERSON (golf and athletics tables) are left alone, except
    on a standings row (``STANDINGS_NUMBERS`` or more numbers: "Greenock Morton 3 2 0 1 5 2 6").
    """
    text = doc_text(doc)
    person_spans = {(c.start, c.end): c.authority for c in cands if c.type == "Person" and c.end - c.start > 1}
    spans: list[tuple[int, int, bool]] = []
    pos = 0
    for line in text.split("\n"):
        base = pos
        pos += len(line) + 1
        hits = []
        for m in _TEAM_SCORE.finditer(line):
            name = m.group("name")
            if name.split()[0] in _NOT_TEAMS:
                continue
            rest = line[m.end() :].split()
            table_row = len(m.group("after").split()) >= 3
            standings = len(m.group("after").split()) >= STANDINGS_NUMBERS - 1
            innings = bool(rest) and rest[0] in _SCORE_FOLLOWERS
            hits.append((base + m.start("name"), base + m.end("name"), table_row or innings, standings))
        if len(hits) >= 2 or (len(hits) == 1 and hits[0][2]):
            spans.extend((s, e, st) for s, e, _, st in hits)
    if not spans:
        return cands
    team_cands: list[_Cand] = []
    for s, e, standings in spans:
        span = doc.char_span(s, e, alignment_mode="contract")
        if span is None or len(span) == 0:
            continue
        guess = person_spans.get((span.start, span.end))
        if guess is not None and not (standings and guess < 2):
            continue
        hit = gazetteer().lookup(span.text, folded=True)
        if hit is not None and hit.type == "Country":
            continue  # a national team is written as its country ("Israel 2 , Bulgaria 0"): left to the country rules
        team_cands.append(_Cand(span.start, span.end, "Organization", "sports.results_line", authority=2))
    if not team_cands:
        return cands
    taken = {k for c in team_cands for k in range(c.start, c.end)}
    teams = {fold(_span_text(doc, c.start, c.end)) for c in team_cands}
    out = list(team_cands)
    for c in cands:
        if any(k in taken for k in range(c.start, c.end)):
            continue
        if (
            c.type in {"Place", "Person", "Organization"}
            and c.rule != "dateline"
            and fold(_span_text(doc, c.start, c.end)) in teams
        ):
            c = replace(c, type="Organization", rule="sports.results_line", label=None, code=None, wikidata=None)
        out.append(c)
    return sorted(out, key=lambda c: c.start)


#: Words that end a company or institution name ("Computer Systems Inc", "Gold Fields of South Africa Ltd").
COMPANY_SUFFIXES: Final = frozenset(
    {"Inc", "Inc.", "Corp", "Corp.", "Co", "Co.", "Cos", "Ltd", "Ltd.", "plc", "Plc", "PLC", "AG", "SA", "S.A.", "NV",
     "N.V.", "BV", "AB", "GmbH", "SpA", "LLC", "Group", "Bank", "Bancorp", "Airlines", "Airways", "Holdings", "Corporation",
     "Incorporated", "Limited", "Industries"}
)
#: Lowercase or symbol words allowed inside a company name.
_COMPANY_INNER: Final = frozenset({"&", "of", "and", "de"})


def company_candidates(doc: Doc, caps: set[int] | None = None) -> list[_Cand]:
    """Rule ``company-suffix``: a capitalised run ending in Inc/Corp/Ltd/plc/AG/Bank/Group... is an Organization."""
    caps = caps or set()
    out: list[_Cand] = []
    for k, word in enumerate(_words(doc)):
        if word not in COMPANY_SUFFIXES or k in caps or k == 0:
            continue
        tok = doc[k]
        nxt = doc[tok.i + 1].text if tok.i + 1 < len(doc) else ""
        if nxt in COMPANY_SUFFIXES or re.fullmatch(r"[A-Z]|[IVX]+", nxt):
            continue  # the run goes on ("Bear Stearns & Co Inc"), or a pool ("Group B", "World Group I")
        i = tok.i
        while i > 0 and tok.i - i < 6:
            prev = doc[i - 1]
            if "\n" in prev.text or prev.is_space or prev.ent_type_ == "PERSON":
                break
            name_word = _is_cap(prev.text) and (prev.text.isalpha() or re.fullmatch(r"[A-Z][A-Za-z.'&]*", prev.text))
            if name_word or (prev.text == "&" and i - 2 >= 0 and _is_cap(doc[i - 2].text)):
                i -= 1
            elif prev.text == "of" and i - 2 >= 0 and _is_cap(doc[i - 2].text) and _gaz_lookup(doc[i].text, False):
                i -= 1  # "Gold Fields of South Africa Ltd", "First of Michigan Corp."
            else:
                break
        # a sentence-initial common word is no part of the name ("Shares of ...", "Company Name ...")
        while i < tok.i and (
            doc[i].text in _COMPANY_INNER
            or doc[i].text in {"The", "A", "An"}
            or (doc[i].is_sent_start and doc[i].pos_ in {"NOUN", "ADJ", "VERB", "ADV", "DET"})
            or ((hit := gazetteer().lookup(doc[i].text)) is not None and hit.demonym)
        ):
            i += 1
        if (place := _gaz_lookup(_span_text(doc, max(i, tok.i - 1), tok.i + 1), False)) is not None and place.type == "Place":
            continue  # "West Bank"
        if i == tok.i or all(doc[k].text in COMPANY_SUFFIXES | _COMPANY_INNER for k in range(i, tok.i)):
            continue
        out.append(_Cand(i, tok.i + 1, "Organization", "company-suffix", authority=2))
    return out


def _press_name_word(doc: Doc, k: int) -> bool:
    """Token ``k`` may be part of a newspaper or agency name (capitalised, not a country, place or demonym)."""
    text = doc[k].text
    if not (_is_cap(text) and (text.isalpha() or re.fullmatch(r"[A-Z][\w'’-]+", text))):
        return False
    if text in _NOT_TEAMS or text in STOP_NAMES:
        return False
    hit = gazetteer().lookup(text)
    return hit is None or hit.type == "Organization"


def press_candidates(doc: Doc, caps: set[int] | None = None) -> list[_Cand]:
    """Rule ``press``: a newspaper or news agency named beside its cue word.

    Before the cue: "Zycie Warszawy daily said", "Interfax news agency".  After it:
    "the daily Trud", "Polish newspaper Rzeczpospolita", "news agency Tanjug".
    A country, place or nationality word is never taken ("the Iraqi news agency").
    """
    caps = caps or set()
    out: list[_Cand] = []
    words = _words(doc)
    n = len(words)
    cue_words = {cue[0] for cue in _PRESS_BEFORE} | _PRESS_AFTER
    for i, word in enumerate(words):
        if i in caps or word not in cue_words:
            continue
        tok = doc[i]
        before = any(tuple(words[i : i + len(cue)]) == cue for cue in _PRESS_BEFORE)
        if before and i > 0 and not (word == "agency" and words[i - 1] == "news"):
            s = i
            while s > 0 and i - s < 4 and _press_name_word(doc, s - 1) and not doc[s].is_sent_start:
                s -= 1
            while s < i and doc[s].is_sent_start and doc[s].pos_ not in {"PROPN", ""}:
                s += 1
            if s < i:
                out.append(_Cand(s, i, "Organization", "press", authority=2))
        if tok.text in _PRESS_AFTER and i + 1 < n:
            prev = doc[i - 1] if i > 0 else None
            if tok.text in {"daily", "weekly"} and (
                prev is None
                or not (prev.text in {"the", "a", "an", "news"} or _is_cap(prev.text) or prev.pos_ == "ADJ")
            ):
                continue
            e = i + 1
            while e < n and e - i <= 4 and _press_name_word(doc, e):
                e += 1
            if e > i + 1:
                out.append(_Cand(i + 1, e, "Organization", "press", authority=2))
    return out


#: Nouns that introduce a company's name ("tyre and cables giant Pirelli", "state engineer Comelf").
COMPANY_NOUNS: Final = frozenset(
    {"company", "firm", "giant", "maker", "makers", "carrier", "insurer", "retailer", "conglomerate", "producer",
     "manufacturer", "airline", "brewer", "operator", "chain", "engineer", "subsidiary", "unit", "distributor",
     "publisher", "broker", "brokerage", "bank", "group", "consortium", "shipyard", "refiner", "supplier"}
)
#: Place nouns before "of" that introduce a place ("the town of Tavildara", "east of Longyear").
PLACE_OF_WORDS: Final = frozenset(
    {"town", "city", "village", "port", "district", "island", "province", "region", "capital", "suburb", "outskirts",
     "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"}
)
#: Words of a company name too generic to stand for it alone.
_GENERIC_COMPANY_WORDS: Final = frozenset(
    {"International", "National", "General", "American", "First", "United", "Industries", "Holdings", "Group",
     "Company", "Communications", "Systems", "Technologies", "Energy", "Resources", "Financial", "Capital", "Trust",
     "Bank", "Corp", "Inc", "Co", "Ltd", "The", "New", "Global", "Investment", "Investments", "Securities"}
)


def cue_candidates(doc: Doc) -> list[_Cand]:
    """Rules ``company-cue`` and ``place-cue``: a name right after "giant", "firm", "group"... is an Organization;
    one after "town of", "east of"... is a Place.  Names spaCy reads as a full PERSON are left alone."""
    out: list[_Cand] = []
    n = len(doc)
    words = _words(doc)
    for i, word in enumerate(words):
        if i + 1 >= n:
            continue
        if word in COMPANY_NOUNS:
            start, typ, rule = i + 1, "Organization", "company-cue"
        elif word == "of" and i > 0 and words[i - 1] in PLACE_OF_WORDS:
            start, typ, rule = i + 1, "Place", "place-cue"
        else:
            continue
        end = start
        while end < n and end - start < 5:
            if _press_name_word(doc, end):
                end += 1
            elif end > start and doc[end].text in {"of", "in", "for"} and end + 1 < n and _is_cap(doc[end + 1].text):
                end += 2  # "Human Rights in China", "Bank of Tokyo"
            else:
                break
        if end == start or len(_span_text(doc, start, end)) < 2:
            continue
        if doc[start].ent_type_ == "PERSON" and doc[start].ent_iob_ == "B" and end - start > 1:
            continue
        if gazetteer().lookup(_span_text(doc, start, end)) is not None:
            continue
        out.append(_Cand(start, end, typ, rule, authority=2))
    return out


def company_short_names(doc: Doc, cands: list[_Cand]) -> list[_Cand]:
    """Rule ``company-suffix``: a company's distinctive word alone ("Cofinec" after "Cofinec S.A.",
    "Magna" after "Magna International Inc") or its name without the suffix ("Johnson Controls"
    after "Johnson Controls Inc") is that Organization, whatever spaCy guessed, and so is a name it
    leads ("Pirelli Cables").  Any Organization ending in a suffix counts, spaCy's own included (and a
    spaCy PERSON ending in one: "Pirelli SpA"); the surname of a person named in full is never taken."""
    short: set[str] = set()
    full: set[str] = set()
    person_words = {doc[c.end - 1].text for c in cands if c.type == "Person" and c.end - c.start > 1}  # surnames
    for c in cands:
        if c.type != "Organization" or c.end - c.start < 2 or doc[c.end - 1].text not in COMPANY_SUFFIXES:
            continue
        words = [t.text for t in doc[c.start : c.end] if t.text not in COMPANY_SUFFIXES and t.text.isalpha()]
        for w in {words[0], words[-1]} if words else set():
            if len(w) >= 3 and w not in _GENERIC_COMPANY_WORDS and w not in person_words and gazetteer().lookup(w) is None:
                short.add(w)
        if len(words) >= 2 and c.end - 1 - c.start == len(words):
            full.add(" ".join(words))
    if not short and not full:
        return cands
    out: list[_Cand] = []
    covered = {k for c in cands for k in range(c.start, c.end)}
    for c in cands:
        one = c.end - c.start == 1 and doc[c.start].text in short
        # "Pirelli Cables" (a spaCy PERSON) after "Pirelli SpA": a company's word leads the name
        led = c.end - c.start > 1 and c.type == "Person" and doc[c.start].text in short
        if (one or led or _span_text(doc, c.start, c.end) in full) and c.type in {"Person", "Place"} and c.authority < 2:
            c = replace(c, type="Organization", rule="company-suffix", label=None, code=None, wikidata=None, authority=1)
        out.append(c)
    for k, word in enumerate(_words(doc)):
        if k not in covered and word in short:
            out.append(_Cand(k, k + 1, "Organization", "company-suffix", authority=1))
    return sorted(out, key=lambda c: c.start)


def bracket_acronyms(doc: Doc, cands: list[_Cand], caps: set[int]) -> list[_Cand]:
    """Rule ``acronym.bracket``: "Kurdistan Democratic Party ( KDP )": the acronym is a mention of that organisation.

    The other way round too, when the letters spell the name: "the FOMC ( Federal Open Market
    Committee )".  Every other occurrence of the acronym in the document is a mention as well.
    """
    n = len(doc)
    words = _words(doc)
    found: dict[int, _Cand] = {}
    names: list[_Cand] = []
    for c in cands:
        if c.type != "Organization" or c.end + 2 >= n:
            continue
        if words[c.end] != "(" or words[c.end + 2] != ")":
            continue
        word = words[c.end + 1]
        if not _ACRONYM.fullmatch(word) or word == _span_text(doc, c.start, c.end):
            continue
        label = c.label or _display(doc, c, caps)
        found[c.end + 1] = _Cand(c.end + 1, c.end + 2, "Organization", "acronym.bracket", label, authority=2)
    for i, word in enumerate(words):
        if word != "(" or i == 0 or i + 2 >= n or not _ACRONYM.fullmatch(words[i - 1]) or i - 1 in found:
            continue
        j = next((k for k in range(i + 2, min(i + 10, n)) if words[k] == ")"), None)
        if j is None or _acronym(words[i + 1 : j]) != words[i - 1] or not all(
            _is_cap(w) or w in {"of", "the", "and", "for", "in", "on", "de"} for w in words[i + 1 : j]
        ):
            continue
        label = _span_text(doc, i + 1, j)
        found[i - 1] = _Cand(i - 1, i, "Organization", "acronym.bracket", label, authority=2)
        names.append(_Cand(i + 1, j, "Organization", "acronym.bracket", label, authority=2))
    if not found:
        return cands
    acronyms = {words[k]: c for k, c in found.items()}
    for k, word in enumerate(words):
        if word in acronyms and k not in found:
            found[k] = replace(acronyms[word], start=k, end=k + 1)
    spans = {k for c in names for k in range(c.start, c.end)}

    def replaced(c: _Cand) -> bool:
        """A weaker candidate over an acronym ("The FOMC" guessed a person) gives way to it."""
        if any(k in spans for k in range(c.start, c.end)):
            return True
        hit = [k for k in range(c.start, c.end) if k in found]
        if not hit:
            return False
        rest = [words[k] for k in range(c.start, c.end) if k not in found]
        return c.authority < 2 and all(w in {"The", "the"} for w in rest)

    kept = [c for c in cands if not replaced(c)]
    covered = {k for c in kept for k in range(c.start, c.end)}
    found = {k: c for k, c in found.items() if k not in covered}
    return sorted(kept + list(found.values()) + names, key=lambda c: c.start)


#: An acronym ("KDP", "FOMC", "U.N.").
_ACRONYM: Final = re.compile(r"[A-Z][A-Z0-9&.\-]{1,7}")


def cricket_counties(doc: Doc, cands: list[_Cand], caps: set[int]) -> list[_Cand]:
    """Rule ``sports.county``: in a cricket report a first-class county ("Surrey", "Notts") is its team.

    Every one-word occurrence becomes an Organization, whatever spaCy typed it
    (PERSON for "Derbyshire", GPE for "Kent"); names inside a longer mention are left alone.
    """
    counties = gazetteer().cricket_counties
    if not _lower_words(doc) & CRICKET_WORDS:
        return cands
    hits: dict[int, _Cand] = {}
    for k, word in enumerate(_words(doc)):
        if not _is_cap(word):
            continue
        county = counties.get(fold(word))
        if county is None or (not word.istitle() and k not in caps):
            continue
        hits[k] = _Cand(k, k + 1, "Organization", "sports.county", authority=2)
    if not hits:
        return cands
    out: list[_Cand] = []
    for c in cands:
        if c.end - c.start == 1 and c.start in hits:
            continue
        if any(k in hits for k in range(c.start, c.end)):
            for k in range(c.start, c.end):
                hits.pop(k, None)
        out.append(c)
    return sorted(out + list(hits.values()), key=lambda c: c.start)


def said_candidates(doc: Doc, known: Iterable[_Cand] = ()) -> list[_Cand]:
    """Rule ``said``: an untyped or place-typed capitalised name right before "said"/"told"."""
    words = _words(doc)
    taken = {k: c for c in known for k in range(c.start, c.end)}
    out: list[_Cand] = []
    for k, word in enumerate(_words(doc)):
        if word not in SAID_WORDS or k == 0:
            continue
        tok = doc[k]
        end = tok.i
        start = end
        while start > 0 and end - start < 3 and _is_cap(words[start - 1]) and words[start - 1].isalpha():
            start -= 1
        if start == end:
            continue
        start = _strip_person_prefix(doc, start, end)
        text = _span_text(doc, start, end)
        if gazetteer().lookup(text) is not None or text in STOP_NAMES:
            continue
        if any(t.pos_ not in {"PROPN", ""} for t in doc[start:end]):
            continue
        cands = {id(taken[k]): taken[k] for k in range(start, end) if k in taken}
        if any(c.type in {"Person", "Organization", "Country"} or c.authority >= 2 for c in cands.values()):
            continue
        if any(c.start < start or c.end > end for c in cands.values()):
            continue
        out.append(_Cand(start, end, "Person", "said", authority=1))
    return out


# ---------------------------------------------------------------------------
# selection and document-level consistency


def _select(cands: Sequence[_Cand]) -> list[_Cand]:
    """Non-overlapping candidates: datelines first, then longer spans, then stronger rules.

    For one span typed alike by spaCy and by a cue, spaCy's ``ner`` is kept
    (the cue only confirms it); a dateline keeps its own rule, so later rules
    know it is the dateline ("NEW YORK 1996-08-30" is never a team).
    """

    def key(c: _Cand) -> tuple[int, int, int, int, int]:
        return (0 if c.rule == "dateline" else 1, -(c.end - c.start), 0 if c.type else 1, -c.authority, c.start)

    same_ner = {(c.start, c.end, c.type): c for c in cands if c.rule == "ner"}
    chosen: list[_Cand] = []
    used: set[int] = set()
    for c in sorted(cands, key=key):
        if any(k in used for k in range(c.start, c.end)):
            continue
        ner = same_ner.get((c.start, c.end, c.type)) if c.rule != "dateline" else None
        chosen.append(c if ner is None else replace(ner, authority=max(ner.authority, c.authority)))
        used.update(range(c.start, c.end))
    return sorted(chosen, key=lambda c: c.start)


def _surname_key(tokens: Sequence[str]) -> str:
    return fold(tokens[-1])


def consistency(doc: Doc, cands: list[_Cand], caps: set[int]) -> list[_Cand]:
    """Rule ``doc-consistency``: one type per name in a document, surnames of people included.

    A multi-word Person makes its last word a Person everywhere; a name with a
    table/dateline type keeps it; other names take the majority of their
    spaCy types.  Uncovered occurrences of any typed name are added.
    """
    words = _words(doc)
    persons_full: dict[str, str] = {}
    surnames: set[str] = set()
    firsts: set[str] = set()
    # a name a table or a strong cue types otherwise is never made a Person by spaCy's guess elsewhere
    blocked = {fold(_span_text(doc, c.start, c.end)) for c in cands if c.authority >= 2 and c.type not in {"", "Person"}}
    for c in cands:
        if c.type == "Person" and c.end - c.start > 1 and c.start not in caps:
            toks = [t.text for t in doc[c.start : c.end] if t.text not in HONORIFICS]
            if fold(" ".join(toks)) in blocked:
                continue
            persons_full[fold(" ".join(toks))] = " ".join(toks)
            if toks and not re.fullmatch(r"[A-Z]\.?|Jr\.?|Sr\.?|II|III", toks[-1]):
                surnames.add(_surname_key(toks))
            if len(toks) == 2:
                firsts.add(fold(toks[0]))
    # people first: a name typed Person once is a Person everywhere
    retyped: list[_Cand] = []
    for c in cands:
        key = fold(_span_text(doc, c.start, c.end))
        named_person = key in persons_full or key in surnames
        # "Wang" after "Wang Donghai" (family name first) that spaCy guessed ORG or GPE
        named_person = named_person or (
            key in firsts and c.end - c.start == 1 and c.authority == 0 and c.type in {"Organization", "Place"}
        )
        # "Jordan" after "Eddie Jordan": the surname of a person named in full wins over the country table
        surname_country = c.type == "Country" and c.end - c.start == 1 and key in surnames and not c.demonym
        if (
            named_person
            and (c.type not in {"Person", "Country"} or surname_country)
            and not (c.authority >= 2 and c.end - c.start > 1)
        ):
            c = replace(c, type="Person", rule="doc-consistency", label=None, code=None, wikidata=None, authority=1)
        retyped.append(c)
    # then one type per remaining name: table types win, else the majority of spaCy's votes
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    best: dict[str, _Cand] = {}
    for c in retyped:
        if not c.type:
            continue
        key = fold(_span_text(doc, c.start, c.end))
        votes[key][c.type] += 1 + 10 * c.authority
        if key not in best or c.authority > best[key].authority:
            best[key] = c
    out: list[_Cand] = []
    for c in retyped:
        key = fold(_span_text(doc, c.start, c.end))
        if c.authority < 2 and key in votes:
            typ = votes[key].most_common(1)[0][0]
            b = best[key]
            if typ != c.type:
                out.append(
                    replace(c, type=typ, rule="doc-consistency", label=b.label, code=b.code, wikidata=b.wikidata)
                )
                continue
        if not c.type:
            continue
        out.append(c)
    # uncovered occurrences of known names
    known: dict[tuple[str, ...], _Cand] = {}
    for c in out:
        if c.start in caps:
            continue
        known.setdefault(tuple(fold(t.text) for t in doc[c.start : c.end]), c)
    for key in surnames:
        known.setdefault((key,), _Cand(0, 0, "Person", "doc-consistency"))
    covered = {k for c in out for k in range(c.start, c.end)}
    added: list[_Cand] = []
    lengths = sorted({len(k) for k in known}, reverse=True)
    i = 0
    while i < len(doc):
        if i in covered or not _is_cap(words[i]):
            i += 1
            continue
        step = 1
        for n in lengths:
            src = known.get(tuple(fold(t.text) for t in doc[i : i + n]))
            if src is None or any(k in covered for k in range(i, i + n)):
                continue
            if i not in caps and not all(
                _is_cap(t.text) or t.text in NAME_PARTICLES for t in doc[i : i + n] if t.text.isalpha()
            ):
                continue
            # do not cut a longer capitalised name ("Blinken" inside "Blinken Street")
            e = i + n
            if i not in caps and e < len(doc) and _is_cap(words[e]) and words[e].isalpha():
                continue
            if (
                i not in caps
                and i > 0
                and _is_cap(words[i - 1])
                and words[i - 1].isalpha()
                and not doc[i].is_sent_start
                and words[i - 1] not in HONORIFICS
            ):
                continue
            rule = "headline" if i in caps else "doc-consistency"
            added.append(replace(src, start=i, end=e, rule=rule, authority=src.authority, notes=[]))
            step = n
            break
        i += step
    return sorted(out + added, key=lambda c: c.start)


def headline_filter(doc: Doc, cands: list[_Cand], caps: set[int]) -> list[_Cand]:
    """Rule ``headline``: in all-caps lines keep only names a table or the body text confirms.

    A confirmed name takes the type the body gives it ("BENETTON" is the club the body
    calls Benetton, whatever spaCy guessed in the headline).
    """
    if not caps:
        return cands
    body: dict[str, _Cand] = {}
    for c in cands:
        if c.start not in caps and c.type:
            key = fold(_span_text(doc, c.start, c.end))
            if key not in body or c.authority > body[key].authority:
                body[key] = c
    out = []
    for c in cands:
        if c.start not in caps or c.authority >= 2:
            out.append(c)
            continue
        b = body.get(fold(_span_text(doc, c.start, c.end)))
        if b is not None:
            out.append(replace(c, type=b.type, rule="headline", label=b.label, code=b.code, wikidata=b.wikidata))
    return out


# ---------------------------------------------------------------------------
# grouping into document entities


@dataclass(slots=True)
class _Group:
    type: str
    cands: list[_Cand]
    label: str
    code: str | None = None
    wikidata: str | None = None
    alias_rules: dict[str, tuple[str, str]] = field(default_factory=dict)  # surface -> (rule, evidence)
    parts: tuple[str, str] = ("", "")  # people: first and last name token


def _surface(doc: Doc, c: _Cand) -> str:
    return _span_text(doc, c.start, c.end)


def _display(doc: Doc, c: _Cand, caps: set[int]) -> str:
    text = _surface(doc, c)
    if c.start in caps and text.isupper() and len(text) > 3:
        return text.title()
    return text


def _initial_ok(a: str, b: str) -> bool:
    """First names compatible: equal, or one an initial of the other ("J." / "John")."""
    a, b = a.rstrip("."), b.rstrip(".")
    if fold(a) == fold(b):
        return True
    if len(a) == 1 and b[:1].upper() == a.upper():
        return True
    return len(b) == 1 and a[:1].upper() == b.upper()


def _acronym(words: Sequence[str]) -> str:
    stop = {"of", "the", "and", "for", "in", "on", "de"}
    return "".join(w[0].upper() for w in words if w and w.lower() not in stop and w[0].isalpha())


#: Honorifics that say a man, a woman, or a knight/peer (who is never written "Mr"/"Mrs").
_MALE_HON: Final = frozenset({"Mr"})
_FEMALE_HON: Final = frozenset({"Mrs", "Ms", "Miss"})
_PEER_HON: Final = frozenset({"Sir", "Lord", "Lady", "Dame", "Baroness", "Baron"})


def _honorific(doc: Doc, c: _Cand) -> str:
    """The honorific right before a mention ("Mr" for "Mr Blair"), else ""."""
    if c.start == 0:
        return ""
    word = doc[c.start - 1].text.rstrip(".")
    return word if word in _MALE_HON | _FEMALE_HON | _PEER_HON else ""


def _honorifics_agree(bare: set[str], full: set[str]) -> bool:
    """Whether a bare surname written with ``bare`` honorifics can be a person written with ``full`` ones."""
    bare, full = bare - {""}, full - {""}
    if not bare or not full:
        return True
    if bare <= _MALE_HON:
        return not full & (_FEMALE_HON | _PEER_HON)
    if bare <= _FEMALE_HON:
        return not full & (_MALE_HON | {"Sir", "Lord", "Baron"})
    return True


def _group(doc: Doc, cands: list[_Cand], caps: set[int], doc_id: str) -> list[_Group]:
    groups: list[_Group] = []
    by_key: dict[tuple[str, str], _Group] = {}

    def add(key: tuple[str, str], c: _Cand, label: str, rule: str | None, evidence: str) -> None:
        g = by_key.get(key)
        surface = _surface(doc, c)
        if g is None:
            g = _Group(c.type, [c], label, c.code, c.wikidata)
            by_key[key] = g
            groups.append(g)
        else:
            g.cands.append(c)
        if rule is not None and surface != g.label and surface not in g.alias_rules:
            g.alias_rules[surface] = (rule, evidence)

    persons = [c for c in cands if c.type == "Person"]
    # an acronym given in brackets after a name ("( KDP )") is that organisation wherever it occurs
    bracketed = {fold(_surface(doc, c)): c.label for c in cands if c.rule == "acronym.bracket" and c.label}
    others = [
        replace(c, label=bracketed[fold(_surface(doc, c))])
        if c.type == "Organization" and not c.label and fold(_surface(doc, c)) in bracketed
        else c
        for c in cands
        if c.type != "Person"
    ]
    # countries, places and organisations: by canonical label
    for c in others:
        disp = _display(doc, c, caps)
        label = c.label or disp
        if c.type == "Country":
            rule = "demonym" if c.demonym else "country-alias"
            add(("Country", label), c, label, rule, f"gazetteer: {_surface(doc, c)!r} is {label!r}")
        else:
            surface = _surface(doc, c)
            if fold(surface) in bracketed and bracketed[fold(surface)] == label:
                rule, ev = "acronym.bracket", f"{surface!r} is given in brackets after {label!r}"
            elif fold(surface) == fold(label):
                rule, ev = "case-variant", f"{surface!r} is {label!r} written in another case"
            else:
                rule, ev = "gazetteer", f"gazetteer: {surface!r} is {label!r}"
            add((c.type, fold(label)), c, label, rule, ev)
    # region suffix: bare "Donetsk" joins "Donetsk region"
    regions = {
        fold(c.notes[0]): by_key[("Place", fold(c.label or ""))] for c in others if c.rule == "region" and c.notes
    }
    for (typ, key), g in list(by_key.items()):
        if typ in {"Place", "Organization"} and key in regions and regions[key] is not g and g.type == "Place":
            target = regions[key]
            for c in g.cands:
                target.cands.append(c)
                target.alias_rules.setdefault(
                    _surface(doc, c), ("region-suffix", f"{_surface(doc, c)!r} is the name of {target.label!r}")
                )
            groups.remove(g)
            del by_key[(typ, key)]
    # acronyms: "EU" joins the only organisation whose initials it spells
    orgs = [g for g in groups if g.type == "Organization"]
    for g in list(orgs):
        lab = g.label
        if not (2 <= len(lab) <= 6 and lab.isupper() and lab.isalpha()):
            continue
        matches = [h for h in orgs if h is not g and len(h.label.split()) > 1 and _acronym(h.label.split()) == lab]
        if len(matches) == 1 and g in groups:
            target = matches[0]
            for c in g.cands:
                target.cands.append(c)
            target.alias_rules.setdefault(lab, ("acronym", f"{lab!r} spells the initials of {target.label!r}"))
            for s, r in g.alias_rules.items():
                target.alias_rules.setdefault(s, r)
            groups.remove(g)
    # people
    full: list[_Group] = []
    singles: list[_Cand] = []
    for c in sorted(persons, key=lambda c: (-(c.end - c.start), c.start)):
        name = _name_text(doc, c, caps)
        toks = name.split()
        if len(toks) == 1:
            singles.append(c)
            continue
        compat = [g for g in full if fold(g.parts[1]) == fold(toks[-1]) and _initial_ok(g.parts[0], toks[0])]
        if len(compat) == 1:
            g = compat[0]
            g.cands.append(c)
            if name != g.label:
                rule = "initials" if len(toks[0].rstrip(".")) == 1 else "name-variant"
                g.alias_rules.setdefault(_surface(doc, c), (rule, f"{name!r}: same first and last name as {g.label!r}"))
        else:
            if len(compat) > 1:
                log.debug("%s: %r fits several people, kept apart", doc_id, name)
            g = _Group("Person", [c], name, parts=(toks[0], toks[-1]))
            full.append(g)
            groups.append(g)
    single_groups: dict[str, _Group] = {}
    first_seen: dict[str, int] = {}
    honorifics: dict[str, set[str]] = defaultdict(set)
    for c in sorted(singles, key=lambda c: c.start):
        first_seen.setdefault(fold(_name_text(doc, c, caps)), c.start)
        honorifics[fold(_name_text(doc, c, caps))].add(_honorific(doc, c))
    for c in sorted(singles, key=lambda c: c.start):
        word = _name_text(doc, c, caps)
        key = fold(word)
        compat = [g for g in full if fold(g.parts[1]) == key]
        if len(compat) == 1:
            g = compat[0]
            g.cands.append(c)
            evidence = f"{word!r} is the surname of {g.label!r}, the only person of that name in the document"
            rule = "title-surname" if c.rule == "title" else "surname"
            g.alias_rules.setdefault(word, (rule, evidence))
            continue
        # "Mr Blair" is neither "Sir Ian Blair" nor "Cherie Blair" written "Mrs Blair"
        fitting = [g for g in compat if _honorifics_agree(honorifics[key], {_honorific(doc, x) for x in g.cands})]
        if len(compat) > 1 and len(fitting) == 1:
            g = fitting[0]
            g.cands.append(c)
            evidence = f"{word!r} is written with {sorted(honorifics[key])}, which fits only {g.label!r}"
            g.alias_rules.setdefault(word, ("surname.honorific", evidence))
            continue
        # "Mr Howard" first written when only Michael Howard had been introduced (John Howard comes later)
        introduced = [g for g in fitting if min(x.start for x in g.cands) < first_seen[key]]
        if len(compat) > 1 and len(introduced) == 1:
            g = introduced[0]
            g.cands.append(c)
            rivals = ", ".join(sorted(h.label for h in fitting if h is not g))
            evidence = f"{word!r} first occurs when {g.label!r} had been named and {rivals} had not"
            g.alias_rules.setdefault(word, ("surname.introduced", evidence))
            continue
        if len(compat) > 1:
            log.debug("%s: surname %r fits %d people, left unresolved", doc_id, word, len(compat))
        sg = single_groups.get(key)
        if sg is None:
            sg = _Group("Person", [c], _display(doc, c, caps))
            single_groups[key] = sg
            groups.append(sg)
        else:
            sg.cands.append(c)
            if word != sg.label:
                sg.alias_rules.setdefault(word, ("case-variant", f"same name {sg.label!r}"))
    return groups


def extract_entities(doc: Doc, document: Document) -> tuple[DocEntity, ...]:
    """The document's entities, keys ``e0``, ``e1``... in order of first mention."""
    text = doc_text(doc)  # spaCy rebuilds doc.text on every access: read it once
    if text != document.text:
        raise ValueError(f"document {document.id!r}: the spaCy Doc text differs from the document text")
    caps = _caps_tokens(doc)
    sports = _sports_doc(doc)
    base = ner_candidates(doc, caps)
    cands = base + dateline_candidates(doc) + gazetteer_candidates(doc, caps) + region_candidates(doc)
    cands += title_candidates(doc) + initials_candidates(doc, caps) + company_candidates(doc, caps)
    cands += press_candidates(doc, caps) + cue_candidates(doc) + country_bracket_people(doc, caps)
    cands += club_cues(doc, sports) + cricket_scorecard(doc, caps)
    cands += [_Cand(h.start, h.end, h.type, "dateline", h.label, h.code, h.wikidata, authority=2) for h in header_spans(doc)]
    cands = _select(cands)
    cands = _select(cands + said_candidates(doc, cands))
    cands = headline_filter(doc, cands, caps)
    cands = bracket_acronyms(doc, cands, caps)
    cands = company_short_names(doc, cands)
    cands = name_lists(doc, cands)
    cands = consistency(doc, cands, caps)
    cands = name_lists(doc, cands)  # again, with the people consistency found
    cands = extend_initials(doc, cands)
    cands = sports_teams(doc, cands)
    cands = team_contexts(doc, cands, sports)
    cands = results_lines(doc, cands)
    cands = cricket_counties(doc, cands, caps)
    cands = sport_events(doc, cands, sports, caps)
    peoples = gazetteer().groups
    cands = [c for c in cands if c.type and (text := _surface(doc, c)) not in STOP_NAMES and text not in peoples]
    groups = _group(doc, cands, caps, document.id)
    sent_of: dict[int, tuple[int, int]] = {}
    for sent in doc.sents:
        for k in range(sent.start, sent.end):
            sent_of[k] = (sent.start_char, sent.end_char)
    built: list[tuple[int, DocEntity]] = []
    for g in groups:
        mentions = []
        for c in sorted(g.cands, key=lambda c: c.start):
            span = doc[c.start : c.end]
            ss, se = sent_of.get(c.start, (0, len(text)))
            mentions.append(Mention(span.start_char, span.end_char, span.text, ss, se, c.rule))
        uniq = tuple(sorted({(m.start, m.end): m for m in mentions}.values(), key=lambda m: (m.start, m.end)))
        label = g.label
        if g.type == "Person":
            label = _person_label(g, doc, caps)
        aliases = tuple(sorted({m.text for m in uniq} - {label}))
        merges = tuple(
            Merge(rule, alias, label, document.id, ev)
            for alias, (rule, ev) in sorted(g.alias_rules.items())
            if alias != label
        )
        # aliases seen without a recorded rule (e.g. case variants) still get one audit record
        seen = {m.alias for m in merges}
        extra = tuple(
            Merge("same-name", a, label, document.id, f"{a!r} written as {label!r} elsewhere in the document")
            for a in aliases
            if a not in seen
        )
        built.append(
            (
                uniq[0].start,
                DocEntity(
                    "", label, g.type, uniq, aliases, merges + extra, g.wikidata if g.type == "Country" else None
                ),
            )
        )
    built.sort(key=lambda x: (x[0], x[1].type, x[1].label))
    return tuple(replace(e, key=f"e{i}") for i, (_, e) in enumerate(built))


def _person_label(g: _Group, doc: Doc, caps: set[int]) -> str:
    """A person's label: the longest full name seen (ties: the first in text order)."""
    names: list[tuple[int, int, str]] = []
    for c in g.cands:
        name = _name_text(doc, c, caps)
        names.append((-(c.end - c.start), c.start, name))
    if not names:
        return g.label
    names.sort()
    longest = names[0][0]
    cands = [n for n in names if n[0] == longest]
    return cands[0][2] if longest < -1 else g.label


def entity_at(entities: Iterable[DocEntity], start: int, end: int) -> DocEntity | None:
    """The entity with a mention overlapping ``start:end`` (the largest overlap; ties: the shortest mention)."""
    best: tuple[int, int] | None = None
    found: DocEntity | None = None
    for ent in entities:
        for m in ent.mentions:
            overlap = min(end, m.end) - max(start, m.start)
            if overlap <= 0 and not (start == end and m.start <= start < m.end):
                continue
            score = (overlap, -(m.end - m.start))
            if best is None or score > best:
                best, found = score, ent
    return found


# ---------------------------------------------------------------------------
# people in results and squad lists


def _name_token(doc: Doc, k: int) -> bool:
    """Token ``k`` may be a word of a person's name ("Sidot", "Anne", "-" in "Anne-Gaelle", "van")."""
    text = _words(doc)[k]
    if text == "-":
        return k > 0 and not doc[k - 1].whitespace_ and doc[k].whitespace_ == ""
    if not text[:1].isupper():
        return text in NAME_PARTICLES or text in {"ul", "ur"}
    return text.isalpha() or re.fullmatch(r"[A-Z][\w'’.]*", text) is not None


def _name_start(doc: Doc, end: int, limit: int = 6) -> int:
    """Start of the run of name tokens ending right before ``end`` (``end`` when none)."""
    s = end
    while s > 0 and end - s < limit and _name_token(doc, s - 1):
        s -= 1
    while s < end and (doc[s].text == "-" or doc[s].text in NAME_PARTICLES or doc[s].text in {"ul", "ur"}):
        s += 1  # a name starts with a capitalised word
    return s


def _plain_name(doc: Doc, s: int, e: int) -> bool:
    """Tokens ``s:e`` read as a person's name: no table name, no suffix, no results-table word."""
    words = [doc[k].text for k in range(s, e) if doc[k].text != "-"]
    if not words or words[0] in _NOT_TEAMS or words[0] in STOP_NAMES or words[0] in HONORIFICS:
        return False
    if any(w in COMPANY_SUFFIXES or w in SPORT_EVENT_WORDS for w in words):
        return False
    return _gaz_lookup(_span_text(doc, s, e), True) is None


def country_bracket_people(doc: Doc, caps: set[int] | None = None) -> list[_Cand]:
    """Rule ``person.country-bracket``: "Sandrine Testud ( France ) beat Ines Gorrochategui ( Argentina )".

    In results lists a name followed by its country in brackets is a Person.  A
    single word needs spaCy's PERSON, and one followed by a score is a club
    ("Dinamo ( Russia ) 81"), so it is left alone.

    A scorer with the minute or a captain ("Cosmin Contra ( 31st )", "Wasim Akram ( captain )") is a Person too.

    Rule ``sports.club-country``: one word with its country and a score is a club
    ("Benetton ( Italy ) 92 Dinamo ( Russia ) 81").

    Rule ``sports.rider-team``: a name right after the bracket and before a time, a
    comma or the line end is the rider's or driver's team ("( Germany ) Telekom 4 hours").
    """
    caps = caps or set()
    out: list[_Cand] = []
    words = _words(doc)
    n = len(words)
    for i, word in enumerate(words):
        if word != "(" or i == 0 or i in caps:
            continue
        j = next((k for k in range(i + 2, min(i + 5, n)) if words[k] == ")"), None)
        if j is None and not (i + 1 < n and _MINUTE.fullmatch(words[i + 1])):
            continue
        j = j if j is not None else i + 2
        inner = words[i + 1]
        if _MINUTE.fullmatch(inner) or inner in {"captain", "capt", "pen", "penalty"}:
            # a scorer and the minute, or the captain: "Cosmin Contra ( 31st )", "Aunger ( 41st min , pen )"
            s = _name_start(doc, i)
            if s < i and _plain_name(doc, s, i):
                out.append(_Cand(s, i, "Person", "person.country-bracket", authority=1))
            continue
        country = _gaz_lookup(_span_text(doc, i + 1, j), True)
        if country is None or country.type != "Country" or country.demonym:
            continue
        s = _name_start(doc, i)
        if s == i or not _plain_name(doc, s, i):
            continue
        single = sum(1 for k in range(s, i) if words[k] != "-" and words[k] not in NAME_PARTICLES) == 1
        scored = j + 1 < n and _SCORE.fullmatch(words[j + 1]) is not None and (j + 2 >= n or words[j + 2] != "-")
        if scored and single:
            # a club and its score: "Benetton ( Italy ) 92 Dinamo ( Russia ) 81" (not a tennis set "6-4")
            out.append(_Cand(s, i, "Organization", "sports.club-country", authority=2))
            continue
        if single and doc[s].ent_type_ != "PERSON":
            continue
        out.append(_Cand(s, i, "Person", "person.country-bracket", authority=2))
        # the rider's or driver's team after the country: "Olaf Ludwig ( Germany ) Telekom 4 hours",
        # "Alex Zanardi ( Italy ) , Reynard Honda , 53.980"
        t = j + 1 + (j + 1 < n and words[j + 1] == ",")
        e = t
        while e < n and e - t < 4 and _name_token(doc, e) and e not in caps:
            e += 1
        after = words[e] if e < n else "\n"
        if e > t and (after[:1].isdigit() or after in {",", "same", "all", "s.t.", "\n"}) and _plain_name(doc, t, e):
            out.append(_Cand(t, e, "Organization", "sports.rider-team", authority=2))
    return out


#: The minute of a goal ("31st", "88th").
_MINUTE: Final = re.compile(r"\d{1,3}(?:st|nd|rd|th)")
#: Tokens that separate the items of a list of names.
_LIST_SEPARATORS: Final = frozenset({",", ";", ":", "(", ")", "and", "&", "\n"})


def name_lists(doc: Doc, cands: list[_Cand]) -> list[_Cand]:
    """Rule ``person.list``: the other names of a list of people are people too.

    "15 - Andre Joubert , 14 - Justin Swart , 13 - Japie Mulder", "Pakistan : Aamir
    Sohail , Saeed Anwar , Inzamam-ul-Haq": an item that is nothing but a name (after
    a shirt number) in a line where at least two other items are people already is
    a Person, unless a table names it or other types outnumber the people.  spaCy's
    guesses on such an item are replaced.
    """
    n = len(doc)
    words = _words(doc)
    # items: maximal name runs bounded by separators, " - " or numbers
    items: list[list[tuple[int, int]]] = [[]]
    k = 0
    while k < n:
        w = words[k]
        if "\n" in w:
            items.append([])
            k += 1
            continue
        if not _name_token(doc, k) or w == "-":
            k += 1
            continue
        s = k
        while k < n and _name_token(doc, k):
            k += 1
        e = k
        before = words[s - 1] if s > 0 else "\n"
        after = words[e] if e < n else "\n"
        ok_before = before in _LIST_SEPARATORS or before == "-" or "\n" in before or before[:1].isdigit()
        ok_after = after in _LIST_SEPARATORS or after == "." or "\n" in after or after[:1].isdigit()
        if ok_before and ok_after and e - s <= 5:
            items[-1].append((s, e))
    at: dict[int, _Cand] = {k: c for c in cands for k in range(c.start, c.end)}
    dropped: set[int] = set()  # ids of candidates replaced by a list item
    added: list[_Cand] = []
    for line in items:
        if len(line) < 3:
            continue
        people: set[tuple[int, int]] = set()
        others = 0
        for s, e in line:
            inside = [c for k in range(s, e) if (c := at.get(k)) is not None and c.type and s <= c.start and c.end <= e]
            if any(c.type == "Person" for c in inside):
                people.add((s, e))
            elif any(c.type != "Country" for c in inside):
                others += 1  # countries beside people are their nationalities ("Osmond Ezinwa ( Nigeria )")
        if len(people) < 2 or len(people) <= others:
            continue
        for s, e in line:
            if (s, e) in people or not _plain_name(doc, s, e):
                continue
            over = {id(c): c for k in range(s, e) if (c := at.get(k)) is not None}
            if any(c.authority >= 2 or c.start < s or c.end > e for c in over.values()):
                continue
            dropped.update(over)
            added.append(_Cand(s, e, "Person", "person.list", authority=1))
    if not added:
        return cands
    return sorted([c for c in cands if id(c) not in dropped] + added, key=lambda c: c.start)


def sport_events(doc: Doc, cands: list[_Cand], sports: bool = False, caps: set[int] | None = None) -> list[_Cand]:
    """Rule ``misc.event``: a capitalised name ending in Cup/Open/Games/Tour/Masters... names an event.

    "the Hong Kong Open", "Fed Cup", "Atlanta Games", "British Masters": no mention
    inside such a name is kept (not "Hong Kong", not "British"); the event itself is
    not one of the graph's entity types.  In a sports report a name ending in "League"
    is the competition ("American League", "English National League") and the
    statistics "RBI" and "ERA" are no names.
    """
    words = _words(doc)
    caps = caps or set()
    by_end = {c.end: c for c in cands} if caps else {}
    inside: set[int] = set()
    ends = SPORT_EVENT_WORDS | {"League"} if sports else SPORT_EVENT_WORDS
    for i, word in enumerate(words):
        if sports and word in SPORTS_STATS:
            inside.add(i)
            continue
        if i in caps:
            # a headline ("HONG KONG OPEN", "GREATER MILWAUKEE OPEN"): every word is capitalised, so the
            # event is the mention that ends right before the event word, not the whole line
            if word.title() in ends and i > 0:
                for c in (by_end.get(i), by_end.get(i + 1)):  # "HONG KONG" + "OPEN", or "FED CUP" whole
                    if c is not None:
                        inside.update(range(c.start, i + 1))
            continue
        if word not in ends or i == 0 or doc[i].is_sent_start:
            continue
        s = i
        while s > 0 and i - s < 5 and (_name_token(doc, s - 1) or words[s - 1] in {"'s", "'"}) and "\n" not in words[s - 1]:
            s -= 1
        if s == i:
            continue
        inside.update(range(s, i + 1))
    if not inside:
        return cands
    return [c for c in cands if not all(k in inside for k in range(c.start, c.end))]


# ---------------------------------------------------------------------------
# teams in sports reports

#: Words that make a document a sports report (at least ``SPORTS_MIN_WORDS`` of them, lowercased).
SPORTS_WORDS: Final = frozenset(
    {"soccer", "football", "baseball", "basketball", "cricket", "rugby", "tennis", "golf", "hockey", "athletics",
     "cycling", "boxing", "squash", "innings", "inning", "homer", "homers", "homered", "striker", "midfielder",
     "goalkeeper", "defender", "pitcher", "batsman", "wicket", "wickets", "semifinal", "quarterfinal", "semi-final",
     "quarter-final", "halftime", "penalty", "league", "scored", "coach", "tournament", "match", "goal", "goals",
     "seeded", "playoff", "play-off", "tries", "championship", "champions"}
)
SPORTS_MIN_WORDS: Final = 3
#: Statistics columns of sports reports that spaCy takes for organisations.
SPORTS_STATS: Final = frozenset({"RBI", "RBIs", "ERA"})
#: Words before a name that make it the team in a sports report ("beat Gloucester", "joined Newcastle").
TEAM_BEFORE: Final = frozenset(
    {"beat", "beats", "defeated", "against", "over", "joined", "for", "v", "vs", "vs.", "club", "side", "rivals",
     "champions", "outdueled", "routed", "blanked", "edged", "hosts", "visitors", "leaders"}
)
#: Words after a name that make it the team ("Norwich striker Keith O'Neill", "Eagles owner").
TEAM_AFTER: Final = frozenset(
    {"striker", "forward", "midfielder", "defender", "goalkeeper", "manager", "coach", "captain", "owner", "skipper",
     "team", "player", "players", "fans", "supporters", "pitcher", "batsman", "winger", "outfielder", "infielder",
     "'s", "’s", "teammate"}
)


#: Prepositions before a city that keep it a place in a sports report ("In Seattle", "at Headingley").
PLACE_PREPOSITIONS: Final = frozenset({"in", "at", "from", "near", "to", "outside", "of"})


def _sports_doc(doc: Doc) -> bool:
    """Whether the document reads as a sports report (``SPORTS_MIN_WORDS`` sports words)."""
    if not _lower_words(doc) & SPORTS_WORDS:
        return False
    n = 0
    for w in _words(doc):
        if w.lower() in SPORTS_WORDS:
            n += 1
            if n >= SPORTS_MIN_WORDS:
                return True
    return False


def team_contexts(doc: Doc, cands: list[_Cand], sports: bool) -> list[_Cand]:
    """Rule ``sports.team-context``: in a sports report, a city used as a team is an Organization.

    "beat Gloucester", "joined Newcastle", "homered for Cleveland", "lead over Seattle",
    "Norwich striker Keith O'Neill", "Atlanta 's Tom Glavine", "Philadelphia Eagles":
    a city or region (never a country: national teams keep their country) right after
    a match word or right before a player word or a possessive; a city followed by a
    capitalised plural nickname becomes one team name.  The city's other mentions are
    the team too, except after a place preposition ("In Seattle ,", "at Headingley").
    """
    if not sports:
        return cands
    words = _words(doc)
    n = len(words)
    out: list[_Cand] = []
    starts = {c.start for c in cands}
    for c in cands:
        if c.type != "Place" or c.rule in {"dateline", "region"}:
            out.append(c)
            continue
        e = c.end
        # a nickname: "Cleveland Indians", "Boston Red Sox", "Los Angeles Dodgers"
        k = e
        while k < n and k - e < 2 and _is_cap(words[k]) and words[k].isalpha() and k not in starts - {e}:
            k += 1
        city = _gaz_lookup(_span_text(doc, c.start, e), True)
        nickname = k > e and words[k - 1][-1:] in {"s", "x"} and _gaz_lookup(_span_text(doc, e, k), False) is None
        if nickname and city is not None and city.type == "Place":
            out.append(replace(c, end=k, type="Organization", rule="sports.team-context", label=None, code=None,
                               wikidata=None, authority=2))
            continue
        before = words[c.start - 1].lower() if c.start > 0 else ""
        after = words[e].lower() if e < n else ""
        if before in TEAM_BEFORE or after in TEAM_AFTER:
            c = replace(c, type="Organization", rule="sports.team-context", label=None, code=None, wikidata=None)
        out.append(c)
    # the other mentions of a team's name are the team too, except where the text reads as a place ("In Seattle")
    teams = {fold(_span_text(doc, c.start, c.end)) for c in out if c.rule == "sports.team-context"}
    if teams:
        out = [
            replace(c, type="Organization", rule="sports.team-context", label=None, code=None, wikidata=None)
            if c.type == "Place"
            and c.rule not in {"dateline", "region"}
            and fold(_span_text(doc, c.start, c.end)) in teams
            and (c.start == 0 or words[c.start - 1].lower() not in PLACE_PREPOSITIONS)
            else c
            for c in out
        ]
    # a nickname swallowed a following candidate ("Indians" typed NORP)
    chosen: list[_Cand] = []
    used: set[int] = set()
    for c in sorted(out, key=lambda c: (-(c.end - c.start), c.start)):
        if any(k in used for k in range(c.start, c.end)):
            continue
        chosen.append(c)
        used.update(range(c.start, c.end))
    return sorted(chosen, key=lambda c: c.start)


#: Nouns right before a club's name in a sports report ("Belgian club Standard Liege", "side Nice").
CLUB_NOUNS: Final = frozenset({"club", "team", "side", "champions", "rivals", "outfit"})


def club_cues(doc: Doc, sports: bool) -> list[_Cand]:
    """Rule ``sports.club-cue``: in a sports report the name after "club", "team", "side"... is the club.

    "Belgian club Standard Liege", "first division team Deportivo Coruna", "serie A club
    Atalanta": an Organization whatever spaCy guessed (often a person), unless a table
    names a country there (a national team keeps its country).
    """
    if not sports:
        return []
    words = _words(doc)
    n = len(words)
    out: list[_Cand] = []
    for i, word in enumerate(words):
        if word not in CLUB_NOUNS or i + 1 >= n:
            continue
        e = i + 1
        while e < n and e - i <= 3 and _press_name_word(doc, e):
            e += 1
        if e == i + 1:
            continue
        hit = _gaz_lookup(_span_text(doc, i + 1, e), False)
        if hit is not None and hit.type == "Country":
            continue
        out.append(_Cand(i + 1, e, "Organization", "sports.club-cue", authority=2))
    return out


#: Scorecard words after a batsman's name ("c", "b", "lbw", "st", "run out", "not out").
_DISMISSALS: Final = frozenset({"c", "b", "lbw", "st", "run", "not", "retired"})
#: Bowling figures ("10-0-50-0", "9.5-0-44-1").
_BOWLING: Final = re.compile(r"\d{1,2}(?:\.\d)?-\d{1,2}-\d{1,3}-\d{1,2}")


def cricket_scorecard(doc: Doc, caps: set[int]) -> list[_Cand]:
    """Rule ``cricket.scorecard``: the players of a cricket scorecard are people.

    "S. Law c Tillekeratne b Dharmasena 13", "Inzamam-ul-Haq c Thorpe b Croft 6",
    "Bowling : Wasim Akram 10-0-50-0 , Waqar Younis 9-0-54-1": the batsman before a
    dismissal word, the fielder after "c"/"st" and the bowler after "b", and a name
    before bowling figures.  Only in cricket reports; a country is never taken.
    """
    if not _lower_words(doc) & CRICKET_WORDS:
        return []
    words = _words(doc)
    n = len(words)
    out: list[_Cand] = []

    def take(s: int, e: int) -> None:
        if s < e and s not in caps and _plain_name(doc, s, e):
            out.append(_Cand(s, e, "Person", "cricket.scorecard", authority=2))

    for i, word in enumerate(words):
        if word in {"c", "b", "st"} and i + 1 < n:
            e = i + 1
            while e < n and e - i <= 4 and _name_token(doc, e):
                e += 1
            if e > i + 1 and (e >= n or words[e] in _DISMISSALS or words[e][:1].isdigit() or "\n" in words[e]):
                take(i + 1, e)
        nxt = words[i + 1] if i + 1 < n else ""
        dismissal = (
            (word in {"c", "b", "st"} and i + 1 < n and _name_token(doc, i + 1))
            or (word == "lbw" and nxt == "b")
            or (word in {"run", "not"} and nxt == "out")
            or word == "retired"
        )
        if dismissal and i > 0:
            s = _name_start(doc, i, limit=5)
            if s < i and (s == 0 or "\n" in words[s - 1]):
                take(s, i)  # the batsman, at the start of the line
        if _BOWLING.fullmatch(word) and i > 0:
            take(_name_start(doc, i, limit=5), i)
    return out
