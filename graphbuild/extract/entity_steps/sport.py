"""Sport pages: teams in results lines and tables, club cues, scorecards and sport event names."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING, Final

from graphbuild.extract.common import doc_text
from graphbuild.extract.entity_steps.base import (
    _NOT_TEAMS,
    _SCORE,
    _VERSUS,
    CRICKET_WORDS,
    HONORIFICS,
    SPORT_EVENT_WORDS,
    STOP_NAMES,
    _Cand,
    _gaz_lookup,
    _is_cap,
    _lower_words,
    _name_start,
    _name_token,
    _plain_name,
    _press_name_word,
    _span_text,
    _words,
)
from graphbuild.extract.entity_steps.sexes import is_given_name
from graphbuild.gazetteer import fold, gazetteer

if TYPE_CHECKING:
    from spacy.tokens import Doc


def sports_teams(doc: Doc, cands: list[_Cand]) -> list[_Cand]:
    """Rule ``sports-team``: a city or county used as a team name is an Organization.

    A non-country Place counts as a team when a match score follows it
    ("Leeds 2 Chelsea 1", "Essex 372"), or it stands in "X beat Y", "X v Y"
    between two places; every mention of that name in the document is retyped, except
    right after "at" ("Boston at Oakland" in a fixture list: Oakland is the venue).
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
    words = _words(doc)
    for c in cands:
        if (c.type == "Place" and c.rule != "dateline" and fold(_span_text(doc, c.start, c.end)) in teams
                and (c.start == 0 or words[c.start - 1].lower() != "at")):  # "Boston at Oakland": the venue
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
    words = _words(doc)
    for c in cands:
        if any(k in taken for k in range(c.start, c.end)):
            continue
        if (
            c.type in {"Place", "Person", "Organization"}
            and c.rule != "dateline"
            and fold(_span_text(doc, c.start, c.end)) in teams
            and not (c.type == "Place" and c.start > 0 and words[c.start - 1].lower() == "at")  # the venue
        ):
            c = replace(c, type="Organization", rule="sports.results_line", label=None, code=None, wikidata=None)
        out.append(c)
    return sorted(out, key=lambda c: c.start)


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


def nickname_teams(doc: Doc, cands: list[_Cand], sports: bool) -> list[_Cand]:
    """Rule ``sports.nickname``: in a sports report "the" and a capitalised plural is a team.

    "the Brewers", "the Blue Jays", "the White Sox", "the Wallabies": one or two capitalised
    words, the last a plural (or "Sox"), after "the" and before a lowercase word or punctuation,
    that no table names (countries such as "the Netherlands" and peoples such as "the Chechens"
    stay what they are) and that is no event ("the Olympics", "the Games").  Every occurrence of
    the name in the document is the team, in headlines too ("RANGERS BEAT INDIANS").
    """
    if not sports:
        return cands
    words = _words(doc)
    n = len(words)
    groups = gazetteer().groups
    names: set[tuple[str, ...]] = set()
    for i in range(n - 1):
        if words[i] not in {"the", "The"}:
            continue
        k = i + 1
        while k < n and k - i <= 2 and _is_cap(words[k]) and words[k].isalpha() and not words[k].isupper():
            k += 1
        if k == i + 1 or (k < n and _is_cap(words[k])):
            continue
        last = words[k - 1]
        if not ((last.endswith("s") and not last.endswith("ss") and len(last) >= 4) or last == "Sox"):
            continue
        text = " ".join(words[i + 1 : k])
        if (text in groups or text in STOP_NAMES or _gaz_lookup(text, False) is not None
                or any(w in SPORT_EVENT_WORDS for w in words[i + 1 : k])):
            continue
        names.add(tuple(fold(w) for w in words[i + 1 : k]))
    if not names:
        return cands
    folded = [fold(w) for w in words]
    found: list[_Cand] = []
    for name in names:
        m = len(name)
        for i in range(n - m + 1):
            if tuple(folded[i : i + m]) == name and (i + m == n or not _is_cap(words[i + m])):
                found.append(_Cand(i, i + m, "Organization", "sports.nickname", authority=2))
    held = set()  # nicknames inside a longer name ("Boston Red Sox")
    for c in cands:
        for f in found:
            if c.start <= f.start and f.end <= c.end and c.end - c.start > f.end - f.start:
                held.add((f.start, f.end))
    found = [f for f in found if (f.start, f.end) not in held]
    out = [c for c in cands if not any(f.start < c.end and c.start < f.end for f in found)]
    return sorted(out + found, key=lambda c: c.start)


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


#: Staff and player nouns between a club's name and a person's ("Charlton midfielder Graham Stuart").
_STAFF_NOUNS: Final = frozenset(
    {"striker", "forward", "midfielder", "defender", "goalkeeper", "keeper", "winger", "manager", "boss", "coach",
     "captain", "skipper", "chairman", "owner", "full-back", "centre-back", "fly-half", "scrum-half", "prop",
     "flanker", "lock", "hooker", "wing", "centre", "number", "utility", "playmaker", "director", "chief", "player"}
)


#: Words right before a one-word name that make it the other side of a match ("beat Wexham", "v Wexham").
_MATCH_BEFORE: Final = frozenset({"beat", "beats", "defeated", "against", "v", "vs", "vs.", "hosts"})


#: Words of club news (squads, injuries, transfers) that :func:`_sports_doc` does not count.
_CLUB_NEWS_WORDS: Final = SPORTS_WORDS | frozenset(
    {"squad", "injury", "injured", "club", "premiership", "fixture", "season", "cup", "friendly", "transfer",
     "caps", "team-mate", "players", "player", "manager", "boss", "midfield", "defence", "sidelined", "hamstring"}
)


def person_teams(doc: Doc, cands: list[_Cand], sports: bool) -> list[_Cand]:
    """Rule ``sports.person-team``: in a sports report or club news, a name guessed a person used as a club.

    "Charlton midfielder Graham Stuart", "Villa boss David O'Leary", "Former Chelsea captain Desailly"
    (a staff noun between the name and a person), "Aston Villa's Mark Delaney" (a possessive right before a
    person's full name), and in a match report one word after "beat", "against", "v"... ("beat Wexham") or in
    brackets after a player's full name ("Jo Lee (Wexham)"), when it is no common given name: the name is an
    Organization in every mention, and so is a one-word person name
    that is its last word ("Villa" of "Aston Villa").  Not a name a person of the document has as full name or
    surname ("Stuart" of "Graham Stuart"), nor one a table or a strong cue typed.
    """
    if not sports and len(_lower_words(doc) & _CLUB_NEWS_WORDS) < 3:
        return cands
    words = _words(doc)
    n = len(words)
    starts = {c.start: c for c in cands}
    people = [c for c in cands if c.type == "Person" and c.end - c.start > 1]
    ends = {c.end: c for c in people}
    person_words = {fold(words[k]) for c in people for k in range(c.start, c.end)}
    teams: set[str] = set()
    for c in cands:
        if c.type != "Person" or c.authority >= 2 or c.rule not in {"ner", "doc-consistency"} or c.end >= n:
            continue
        key = fold(_span_text(doc, c.start, c.end))
        if (c.end - c.start == 1 and key in person_words) or (c.start > 0 and words[c.start - 1] in HONORIFICS):
            continue
        nxt = starts.get(c.end + 1)
        staff = words[c.end].lower() in _STAFF_NOUNS and words[c.end].islower() and nxt is not None \
            and nxt.type == "Person"
        poss = words[c.end] in {"'s", "’s"} and (p := starts.get(c.end + 1)) is not None and p.type == "Person" \
            and p.end - p.start > 1
        # "beat Wexham", "against Wexham", "Jo Lee (Wexham)" in a match report: one word no person of the text has
        one = c.end - c.start == 1 and sports and c.rule == "ner" and not is_given_name(words[c.start])
        match = one and c.start > 0 and words[c.start - 1].lower() in _MATCH_BEFORE
        club = one and c.start > 0 and c.end < n and words[c.start - 1] == "(" and words[c.end] == ")" \
            and (p := ends.get(c.start - 1)) is not None and p.end - p.start > 1
        if staff or poss or match or club:
            teams.add(key)
    # "midfielder Olivier Dacourt" guessed ORG: a plain two- or three-word name right after a staff noun is the player
    players = {fold(_span_text(doc, c.start, c.end)) for c in cands
               if c.type == "Organization" and c.rule == "ner" and c.authority == 0 and c.label is None
               and 2 <= c.end - c.start <= 3 and c.start > 0 and words[c.start - 1] in _STAFF_NOUNS
               and _plain_name(doc, c.start, c.end) and _gaz_lookup(_span_text(doc, c.start, c.end), True) is None}
    if players:
        cands = [replace(c, type="Person", rule="sports.person-team", notes=[*c.notes, "player after a staff noun"])
                 if c.type == "Organization" and c.authority == 0 and c.label is None
                 and fold(_span_text(doc, c.start, c.end)) in players else c for c in cands]
    if not teams:
        return cands
    tails = {t.split()[-1] for t in teams if len(t.split()) > 1}
    out = []
    for c in cands:
        key = fold(_span_text(doc, c.start, c.end))
        if c.type in {"Person", "Place", ""} and c.authority < 2 and (key in teams or (c.type == "Person" and key in tails)):
            c = replace(c, type="Organization", rule="sports.person-team", label=None, code=None, wikidata=None,
                        authority=1)
        out.append(c)
    return out
