"""What every entity step shares: the candidate record, word lists and small token tests."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Final

from graphbuild.extract.common import doc_text, token_table
from graphbuild.gazetteer import AMBIGUOUS_COUNTRY_NAMES, GazEntry, gazetteer

if TYPE_CHECKING:
    from spacy.tokens import Doc


#: spaCy labels kept and the type they map to (GPE is decided by the gazetteer).
NER_TYPES: Final = {"PERSON": "Person", "ORG": "Organization", "GPE": "Place", "LOC": "Place", "FAC": "Place"}


#: spaCy labels whose spans may be retyped when a gazetteer or the document says so.
RETYPABLE: Final = frozenset({"PRODUCT", "WORK_OF_ART", "NORP", "EVENT", "LANGUAGE", "LAW"})


#: Honorifics stripped from the front of a person mention.
HONORIFICS: Final = frozenset({"Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.", "Sir", "Dame", "Lord", "Lady"})


#: Honorifics in the plural, before two or more names ("Lords Hale and Reed", "Messrs Day and Cole"): never a name.
PLURAL_HONORIFICS: Final = frozenset(
    {"Lords", "Ladies", "Messrs", "Messrs.", "Drs", "Drs.", "Dames", "Sirs", "Profs", "Professors", "Baronesses"}
)


#: Abbreviated military and police ranks written before a surname ("Gen Ortega", "Col. Brandt", "Det Supt Hale").
RANK_ABBREVIATIONS: Final = frozenset(
    {"Gen", "Gen.", "Col", "Col.", "Lt", "Lt.", "Maj", "Maj.", "Capt", "Capt.", "Sgt", "Sgt.", "Cpl", "Cpl.",
     "Adm", "Adm.", "Brig", "Brig.", "Cdr", "Cdr.", "Supt", "Supt.", "Insp", "Insp.", "Det", "Det."}
)


#: Further words stripped from the front of a person name.
PERSON_PREFIXES: Final = frozenset(
    {"Prof", "Prof.", "Professor", "Baroness", "Baron", "Rev", "Rev.", "Reverend", "Dame", "Lord", "Lady", "Sir"}
) | PLURAL_HONORIFICS | RANK_ABBREVIATIONS


#: Words after a name that make a region ("Kursk region").
REGION_WORDS: Final = frozenset({"region", "Region", "oblast", "Oblast", "province", "Province", "krai", "Krai"})


#: Weekdays: no part of a name they follow ("will meet X Monday"), and no name on their own (in any case).
WEEKDAYS: Final = frozenset({"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"})


#: Speech verbs for the ``said`` cue.
SAID_WORDS: Final = frozenset({"said", "says", "told", "added", "argued", "insisted"})


#: Lowercase words that may sit inside a name ("bin Laden", "de Klerk", "van Gaal").
NAME_PARTICLES: Final = frozenset({"de", "van", "von", "bin", "al", "el", "da", "di", "der", "den", "le", "la"})


#: Spans never taken as entities on their own.
STOP_NAMES: Final = frozenset(
    {"State", "Mr", "Mrs", "Ms", "Dr", "The", "A", "An", "I", "He", "She", "It", "We", "Men", "Women", "Attendance",
     "GMT", "Extras", "Scorer", "Scorers", "Winner", "Winners", "Avg", "UTC", "CCTV", "FILE", "ISDN", "GDP", "IPO",
     "CEO", "DNA", "PMI"}
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
_VERSUS: Final = frozenset({"beat", "v", "vs", "vs.", "drew"})  # not "at": "Boston at Oakland" names a venue


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
    family: str = ""  # a family name the text gives this one-word person elsewhere ("Tamerlan and Dzhokhar Tsarnaev")


def _caps_tokens(doc: Doc) -> set[int]:
    """Indices of tokens on all-caps lines (headlines such as CoNLL's "SOCCER - JAPAN GET LUCKY WIN")."""
    out: set[int] = set()
    text = doc_text(doc)
    pos = 0
    spans = []
    for n, line in enumerate(text.split("\n")):
        letters = list(filter(str.isalpha, line))
        caps_line = len(letters) >= 4 and sum(map(str.isupper, letters)) >= CAPS_SHARE * len(letters)
        if caps_line or (n == 0 and _title_case_headline(line)):
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    if not spans:
        return out
    starts = token_table(doc).idx
    for s, e in spans:
        out.update(range(bisect_left(starts, s), bisect_left(starts, e)))
    return out


def _title_case_headline(line: str) -> bool:
    """A first line written in title case ("Kyrgyzstan National Pleads Not Guilty in Boston Bomb Probe"): every
    word of four letters or more is capitalised, with no digits, commas or closing full stop."""
    words = line.split()
    long_words = [w for w in words if len(w) >= 4 and w.isalpha()]
    if not 4 <= len(words) <= 16 or len(long_words) < 3 or line.rstrip().endswith("."):
        return False
    if any(ch.isdigit() or ch in ",()" for ch in line):
        return False
    return all(w[0].isupper() for w in long_words)


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


@lru_cache(maxsize=1 << 16)
def _gaz_lookup(text: str, folded: bool) -> GazEntry | None:
    """The gazetteer's entry for ``text`` (also without spaces when it has dots: "U. S."); remembered."""
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
    title_words = _one_word_titles()
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


@lru_cache(maxsize=1)
def _one_word_titles() -> frozenset[str]:
    return frozenset(p[0] for p in gazetteer().titles if len(p) == 1)


def _prefix_word(text: str) -> bool:
    """A party, organisation or nationality word ("Tories", "Labour", "US") that cannot start a name."""
    hit = gazetteer().lookup(text)
    if hit is None or text in AMBIGUOUS_COUNTRY_NAMES:
        return False
    return hit.type in {"Organization", "Country"}


#: A full stop after a name word of three or more letters that is no abbreviation ("Ore." but not "Jr.", "St.").
_STRAY_STOP: Final = re.compile(r"\b(?!(?:Jnr|Snr|Inc|Ltd|Bros|Corp|Esq)\.)[A-Z][a-z]{2,}\.$")


def _name_text(doc: Doc, c: _Cand, caps: set[int]) -> str:
    """The name as written (original spacing, so "Kilroy-Silk" stays whole); headline caps title-cased."""
    text = _span_text(doc, c.start, c.end)
    if "\n" in text:  # a name wrapped at a line end ("Willie\nWood")
        text = " ".join(text.split())
    if _STRAY_STOP.search(text):  # "said Ann Ore." at a sentence end: the tokenizer kept the full stop
        text = text[:-1]
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
        if not (name_word or particle) or (j > i and t.text in WEEKDAYS):
            break  # "Foreign Minister Jose Miguel Insulza Monday"
        j += 1
    return j


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


#: Words that end a company or institution name ("Computer Systems Inc", "Gold Fields of South Africa Ltd").
COMPANY_SUFFIXES: Final = frozenset(
    {"Inc", "Inc.", "Corp", "Corp.", "Co", "Co.", "Cos", "Ltd", "Ltd.", "plc", "Plc", "PLC", "AG", "SA", "S.A.", "NV",
     "N.V.", "BV", "AB", "GmbH", "SpA", "LLC", "Group", "Bank", "Bancorp", "Airlines", "Airways", "Holdings", "Corporation",
     "Incorporated", "Limited", "Industries", "Re"}
)


def _press_name_word(doc: Doc, k: int) -> bool:
    """Token ``k`` may be part of a newspaper or agency name (capitalised, not a country, place or demonym)."""
    text = doc[k].text
    if not (_is_cap(text) and (text.isalpha() or re.fullmatch(r"[A-Z][\w'’-]+", text))):
        return False
    if text in _NOT_TEAMS or text in STOP_NAMES:
        return False
    hit = gazetteer().lookup(text)
    return hit is None or hit.type == "Organization"


#: An acronym ("KDP", "FOMC", "U.N.").
_ACRONYM: Final = re.compile(r"[A-Z][A-Z0-9&.\-]{1,7}")


def _surface(doc: Doc, c: _Cand) -> str:
    return _span_text(doc, c.start, c.end)


def _display(doc: Doc, c: _Cand, caps: set[int]) -> str:
    text = _surface(doc, c)
    if _STRAY_STOP.search(text) and c.end - c.start > 1:
        text = text[:-1]
    if c.start in caps and text.isupper() and len(text) > 3:
        return text.title()
    return text


def _acronym(words: Sequence[str]) -> str:
    stop = {"of", "the", "and", "for", "in", "on", "de"}
    return "".join(w[0].upper() for w in words if w and w.lower() not in stop and w[0].isalpha())


def _name_token(doc: Doc, k: int) -> bool:
    """Token ``k`` may be a word of a person's name ("Sidot", "Anne", "-" in "Anne-Gaelle", "van")."""
    table = token_table(doc)
    text = table.text[k]
    if text == "-":
        return k > 0 and not table.space[k - 1] and not table.space[k]
    return _name_word(text)


def name_tokens(doc: Doc) -> list[bool]:
    """:func:`_name_token` of every token of ``doc``."""
    table = token_table(doc)
    words, space = table.text, table.space
    return [
        (k > 0 and not space[k - 1] and not space[k]) if text == "-" else _name_word(text)
        for k, text in enumerate(words)
    ]


@lru_cache(maxsize=65536)
def _name_word(text: str) -> bool:
    """A word (not "-") that may be part of a person's name."""
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


#: Shortest name two spellings of which may be one name ("Tsarnaev" / "Tzarnaev"): shorter names differ too often.
VARIANT_MIN_LEN: Final = 6


def spelling_variant(a: str, b: str) -> bool:
    """Two spellings of one transliterated name: both at least ``VARIANT_MIN_LEN`` letters, the same first letter,
    one letter changed, added or dropped ("Tsarnaev" / "Tzarnaev", "Dzhokhar" / "Dzokhar"); keys as compared."""
    if a == b or min(len(a), len(b)) < VARIANT_MIN_LEN or a[0] != b[0] or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long_ = sorted((a, b), key=len)
    i = next((k for k in range(len(short)) if short[k] != long_[k]), len(short))
    return short[i:] == long_[i + 1 :]
