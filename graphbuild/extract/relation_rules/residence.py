"""Where a person lives or comes from (lives_in): "a Leeds pensioner", "X, of Leeds"."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from graphbuild.extract import dep_paths
from graphbuild.extract.common import Hit, token_table
from graphbuild.extract.event_figures import domain
from graphbuild.extract.lexicon import PERSON_NOUNS, POST_HEADS, TITLES
from graphbuild.extract.relation_rules.base import (
    _FIRM_NOUNS,
    _LIVE_VERBS,
    _LIVE_VERBS_LOWER,
    _MONTHS,
    _POSS,
    Context,
    _comma_chain,
    _geo_after,
    _geo_objects,
    _is_geo,
    _person,
    _tokens,
)
from graphbuild.model import Relation

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


#: Posts, not occupations: "X , a lawyer in Boston" still says where X lives, "X , police chief in Y" does not.
_POSTS = (TITLES | POST_HEADS) - PERSON_NOUNS

#: Places whose name stands for a trade or an institution: "Hollywood actor X", "Wall Street analyst X",
#: "Westminster insiders" say where X works, not where X lives or comes from.
TRADE_PLACES = frozenset({"hollywood", "bollywood", "nollywood", "broadway", "west end", "wall street", "fleet street",
                          "silicon valley", "westminster", "whitehall", "downing street", "capitol hill",
                          "madison avenue", "tinseltown"})

#: Nouns for a body, a group, a product or a work: the name after "Swedish pop quartet", "German magazine",
#: "US partner" or "Plymouth v" is no person, so the place before it is no home.
_NON_PERSON_NOUNS = _FIRM_NOUNS | frozenset(
    {"band", "quartet", "quintet", "trio", "act", "outfit", "partner", "affiliate", "subsidiary", "unit", "arm",
     "magazine", "paper", "tabloid", "weekly", "channel", "label", "side", "team", "club", "squad", "film", "movie",
     "show", "series", "album", "song", "novel", "book", "game", "brand", "giant", "operator", "provider", "watchdog",
     "regulator", "website", "site", "publisher", "studio", "v", "vs", "versus", "musical", "play", "opera",
     "government", "people", "authorities", "administration", "ministry"})

#: More words for a body or a place of its own, said of a name in apposition: "Russia 's biggest brewer , X".
_BODY_NOUNS = frozenset({"brewer", "producer", "exporter", "importer", "supplier", "museum", "gallery", "stadium",
                         "venue", "hotel", "airport", "port", "organisation", "organization", "body", "association"})


#: Titles of peers and prelates: "Lord Faulkner of Worcester", "the Bishop of Durham" name a title's seat.
_SEAT_TITLES = frozenset({"lord", "lady", "baron", "baroness", "duke", "duchess", "earl", "countess", "viscount",
                          "viscountess", "marquess", "marquis", "marchioness", "bishop", "archbishop", "prince",
                          "princess", "dean", "abbot"})


def of_not_home(doc: Doc, s: int, geo: Hit, geo_end: int) -> bool:
    """Whether "X of Y" (``lives_in.of``: "Mark Hall of Miami") names no home: a peer's title ("Lord Faulkner of
    Worcester"), a place that begins a longer name ("Anne Thompson of the Hollywood Reporter") or a place standing
    for a trade."""
    if doc[s].lower_ in _SEAT_TITLES or (s > 0 and doc[s - 1].lower_ in _SEAT_TITLES):
        return True
    if any(t.text in _POSS or t.text == ":" for t in doc[s:geo_end]):
        return True  # a work's title split into a name and a place: "Ann Lee 's Star of the Sea"
    if geo_end < len(doc) and doc[geo_end].text[:1].isupper() and doc[geo_end].is_alpha \
            and not doc[geo_end].is_sent_start:
        return True
    return geo.entity.label.lower() in TRADE_PLACES


def poss_appos_not_home(noun: Token) -> bool:
    """Whether "Y 's N , X" (``lives_in.poss_appos``: "Abebe Worke , one of Ethiopia 's most distinguished lawyers")
    names no home of X: N is a word for a body or a work ("Russia 's second-largest brewer , X": X is a firm), or
    the report is about sport, where a country's "scorer" or "colossus" plays for its team."""
    if noun.lower_ == "one":
        noun = next((p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                     for p in c.children if p.dep_ == "pobj"), noun)
    lemma = noun.lemma_.lower()
    return lemma in _NON_PERSON_NOUNS or lemma in _BODY_NOUNS or domain(noun.doc)[0]


def premodifier_not_home(doc: Doc, geo: Hit, j: int, s: int, prize_nouns: frozenset[str]) -> bool:
    """Whether the place before the words ``doc[j:s]`` in front of a name (``lives_in.geo_noun``: "a Leeds
    pensioner X") says nothing of where X lives: a place standing for a trade ("Hollywood actor X"), a contest
    before a prize anywhere among the words ("double Olympic champion decathlete X", not "Brazilian winner X"), a
    word for a body or a work just before the name ("Swedish pop quartet X", "German magazine X", not "Phoenix
    newspaper reporter X"), or, in a sports report, a town or city before a player, which is a club ("Leicester
    youngster X", "Edinburgh pair X")."""
    if geo.entity.label.lower() in TRADE_PLACES or geo.mention.text.lower() in TRADE_PLACES:
        return True
    words = {doc[k].lemma_.lower() for k in range(j, s)} | {doc[k].lower_ for k in range(j, s)}
    last = {doc[s - 1].lemma_.lower(), doc[s - 1].lower_} if s > j else set()
    if (words & prize_nouns and geo.entity.type != "Country") or words & _RULER_NOUNS or last & _NON_PERSON_NOUNS:
        return True  # the noun before the name: "Phoenix newspaper reporter X" is a person
    if geo.entity.type != "Country" and geo.mention.kind != "demonym" and doc[s - 1].lemma_.lower() in _WORKPLACE_NOUNS:
        return True  # "Jupiter analyst X", "Washington correspondent X": where X works (or the firm's name)
    # in a sports report a country by its name, or a town, before a player is a team ("England debutant X")
    return geo.mention.kind != "demonym" and domain(doc)[0]


#: Rulers: "former Chilean military ruler X" names the country of a post (the guidelines: not lives_in).
_RULER_NOUNS = frozenset({"ruler", "dictator", "strongman", "junta", "regime", "monarch", "tyrant"})

#: Jobs a place before names as a workplace or an employer: "Jupiter analyst X", "Washington correspondent X".
_WORKPLACE_NOUNS = frozenset({"analyst", "economist", "strategist", "correspondent", "spokesman", "spokeswoman",
                              "spokesperson", "trader", "broker", "dealer"})


def _person_before_comma(ctx: Context, i: int) -> Hit | None:
    """The Person mention ending right before a comma at token ``i - 1``, over an age: "X , 76 , born"."""
    doc = ctx.doc
    j = i - 1
    if j < 1 or doc[j].text != ",":
        return None
    if j >= 3 and doc[j - 1].like_num and doc[j - 2].text == ",":
        j -= 2
    prev = ctx.index.end_at.get(j)
    return prev[2] if prev is not None and prev[2].entity.type == "Person" else None


def _clause_person(ctx: Context, tok: Token) -> Hit | None:
    """The person a predicate is about: its subject, the noun it modifies, or the subject of its clause."""
    cur = tok
    for _ in range(4):
        for c in cur.children:
            if c.dep_ in ("nsubj", "nsubjpass") and (h := _person(ctx.index, c)) is not None:
                return h
        if cur.dep_ in ("acl", "relcl", "appos") and (h := _person(ctx.index, cur.head)) is not None:
            return h
        # "Erica Gasparri , a mother of three who lived in Barking": the noun the clause hangs on is the name's
        if cur.dep_ == "relcl" and cur.head.dep_ == "appos" and cur.head.pos_ == "NOUN" \
                and (h := _person(ctx.index, cur.head.head)) is not None:
            return h
        if cur.dep_ in ("appos",) and cur.head.dep_ in ("nsubj",):
            return None
        if cur.dep_ in ("advcl", "conj", "xcomp", "acl", "appos", "attr") and cur.head.i != cur.i:
            cur = cur.head
            continue
        break
    return None


_RESIDENT_NOUNS = frozenset({"native", "resident", "citizen", "inhabitant", "son", "daughter"})


_HOME_NOUNS = frozenset({"hometown", "birthplace", "home-town"})
#: Nouns :func:`rule_lives_in` looks at (lowercased lemmas); other nouns cannot give a relation there.
_HOME_WORDS = frozenset({"home", "residence", "house", "apartment", "farm"})


def _hometown(ctx: Context, tok: Token) -> Iterator[Relation]:
    """``lives_in.hometown``: "Richardson 's hometown" beside a place, "her hometown of Belen", "Jackson 's home
    state" said of a place."""
    index = ctx.index
    owner = next((c for c in tok.children if c.dep_ == "poss"), None)
    person = _person(index, owner)
    if person is None:
        return
    geos = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in _geo_objects(ctx, c)]
    geos += [h for c in tok.children if c.dep_ == "appos" and (h := index.at(c)) is not None and _is_geo(h)]
    if tok.dep_ == "appos" and (h := index.at(tok.head)) is not None and _is_geo(h):
        geos.append(h)  # "Beaumont , Texas , Richardson 's hometown"
    if tok.dep_ == "attr":  # "Chicago is Smith 's hometown"
        geos += [h for c in tok.head.children if c.dep_ == "nsubj" and (h := index.at(c)) is not None and _is_geo(h)]
    for geo in geos:
        yield ctx.rel(person, "lives_in", geo, tok.sent, "lives_in.hometown", 0.75)


_LIVES_IN_NOUNS = frozenset({n.lower() for n in _HOME_NOUNS | _HOME_WORDS | _RESIDENT_NOUNS} | {"state"})


def rule_lives_in(ctx: Context) -> Iterator[Relation]:
    """X was born in Y; X, a native of Y; a Y native; X (is) from Y; a resident of Y; Place's X."""
    doc = ctx.doc
    index = ctx.index
    table = token_table(doc)
    picked = [i for i, (low, lem, pos) in enumerate(zip(table.lower, table.lemma, table.pos, strict=True))
              if (pos == "NOUN" and lem in _LIVES_IN_NOUNS) or low in ("born", "native", "from")
              or lem in _LIVE_VERBS_LOWER]
    for tok in _tokens(doc, picked):
        sent = ctx.sent_of[tok.i]
        low = tok.lower_
        if low == "born" or (tok.lemma_ in _LIVE_VERBS and tok.pos_ == "VERB"):
            person = _clause_person(ctx, tok)
            if person is None and low == "born":
                # "Gordon Parks , 76 , born in Fort Scott"; "Norton Winfred Simon was born" (a name typed
                # Organization: only persons are born)
                person = _person_before_comma(ctx, tok.i) or next(
                    (h for c in tok.children if c.dep_ == "nsubjpass" and (h := index.at(c)) is not None
                     and h.entity.type == "Organization"), None)
            if person is None or (tok.lemma_ == "settle" and any(c.lower_ == "for" for c in tok.children)):
                continue  # "he had to settle for bronze in Athens"
            rule = "lives_in.born" if low == "born" else "lives_in.verb"
            geos = [g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("in", "at", "near")
                    for g in _geo_objects(ctx, c)]
            if not geos and low == "born":  # "born on Feb. 5 , 1907 , in Portland": the date takes the "in"
                j = tok.i + 1
                while j < sent.end - 1 and (doc[j].lower_ in ("on", ",") or doc[j].like_num
                                            or doc[j].lower_.rstrip(".") in _MONTHS):
                    j += 1
                if j > tok.i + 1 and doc[j].lower_ in ("in", "at") \
                        and (first := _geo_after(ctx, j + 1, sent.end, max_gap=2)) is not None:
                    geos = [first, *_comma_chain(ctx, index.span_of(first)[1], sent.end)]
            for geo in geos:
                yield ctx.rel(person, "lives_in", geo, sent, rule, 0.8)
            # "Rolling Fork , where Muddy Waters was born"
            if tok.dep_ == "relcl" and any(c.lower_ == "where" for c in tok.children) \
                    and (where := index.at(tok.head)) is not None and _is_geo(where):
                yield ctx.rel(person, "lives_in", where, sent, "lives_in.where", 0.75)
        elif tok.pos_ == "NOUN" and (tok.lemma_ in _HOME_NOUNS or (tok.lemma_ == "state" and any(
                c.lower_ == "home" for c in tok.children))):
            yield from _hometown(ctx, tok)
        elif tok.pos_ == "NOUN" and tok.lemma_ in _HOME_WORDS:
            # "died at his home in suburban Larchmont", "Sohn 's New Jersey home"
            owner = _person(index, next((c for c in tok.children if c.dep_ == "poss"), None))
            if owner is None:
                continue
            homes = [g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("in", "near")
                     for g in _geo_objects(ctx, c)]
            homes += [h for c in tok.children if c.dep_ == "compound" and (h := index.at(c)) is not None
                      and _is_geo(h)]
            for home in homes:
                yield ctx.rel(owner, "lives_in", home, sent, "lives_in.home", 0.7)
        elif tok.lower_ == "native" and tok.dep_ == "amod" and (land := index.at(tok.head)) is not None \
                and _is_geo(land):
            # "in his native South Carolina"
            poss = next((c for c in tok.head.children if c.dep_ == "poss"), None)
            if (native := _person(index, poss)) is not None:
                yield ctx.rel(native, "lives_in", land, sent, "lives_in.native_adj", 0.7)
        elif tok.pos_ == "NOUN" and tok.lemma_ in _RESIDENT_NOUNS:
            person = None
            if tok.dep_ == "appos":
                person = _person(index, tok.head)
            elif tok.dep_ == "attr":
                person = next((h for c in tok.head.children if c.dep_ == "nsubj"
                               and (h := _person(index, c)) is not None), None)
            nxt = index.start_at.get(tok.i + 1)
            if person is None and nxt is not None and nxt[2].entity.type == "Person":
                person = nxt[2]  # "Modesto native George Lucas"
            if person is None:
                continue
            geos = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in _geo_objects(ctx, c)]
            if tok.lemma_ == "native":
                prev = index.end_at.get(tok.i)
                if prev is not None and _is_geo(prev[2]):
                    geos.append(prev[2])
                elif prev is not None and prev[2].entity.type == "Organization" and prev[0] == tok.i - 1:
                    geos.append(prev[2])  # "a Fargo native": a single-word name NER typed ORG
            for geo in geos:
                yield ctx.rel(person, "lives_in", geo, sent, f"lives_in.{tok.lemma_}", 0.75)
        elif low == "from" and tok.dep_ == "prep":
            head = tok.head
            person = _person(index, head)
            if person is None and head.dep_ == "appos" and head.pos_ == "NOUN":
                person = _person(index, head.head)  # "X, a technician from Y"
            if person is None and head.lemma_ == "be":
                person = next((h for c in head.children if c.dep_ == "nsubj"
                               and (h := _person(index, c)) is not None), None)
            if person is None:
                continue
            for geo in _home_objects(ctx, tok):
                yield ctx.rel(person, "lives_in", geo, sent, "lives_in.from", 0.65)
    # "Place 's X" gives no lives_in: an audit of a whole-BBC build found it read clubs ("Gloucester 's X"),
    # venues, bands and airports typed Person ("Milan 's La Scala"), and no right one
    for s, e, hit in index.spans:
        if hit.entity.type == "Person":
            # "Yisrael Tal , one of the top military strategists in Israel", "X , a lawyer in Boston"
            root = dep_paths.mention_head(doc, s, e)
            for c in root.children:
                if c.dep_ != "appos" or index.at(c) is not None:
                    continue
                nouns = [c] if c.pos_ == "NOUN" else [p for pr in c.children if pr.dep_ == "prep" and pr.lower_ == "of"
                                                      for p in pr.children if p.dep_ == "pobj"] if c.lower_ == "one" else []
                for noun in nouns:
                    if noun.lemma_ in _EVENT_ROLES or _office_noun(ctx, noun):
                        continue  # "X , winner in Dublin": where X won, not where X lives
                    for pr in noun.children:
                        if pr.dep_ == "prep" and pr.lower_ == "in":
                            for geo in _home_objects(ctx, pr):
                                yield ctx.rel(hit, "lives_in", geo, ctx.sent_of[s], "lives_in.appos_in", 0.6)


#: Nouns for a part in an event: "in" after them is where the event was, not a home.
_EVENT_ROLES = frozenset({"winner", "champion", "victor", "runner-up", "finalist", "medallist", "medalist", "scorer",
                          "visitor", "guest", "participant", "competitor", "entrant", "speaker", "loser", "hero",
                          "victim", "survivor", "witness", "delegate", "attendee", "spectator", "performer"})


#: Nouns for a happening: a place under "a replacement in Saturday 's win over France in Paris" or "the medallist
#: from the same Games in Sydney" is where it happened, not a home.
_HAPPENING_NOUNS = frozenset({"win", "victory", "defeat", "loss", "draw", "game", "games", "match", "final", "semi-final",
                              "tournament", "race", "championship", "championships", "event", "ceremony", "conference",
                              "summit", "festival", "contest", "competition", "show", "trial", "meeting", "olympics"})


def _home_objects(ctx: Context, prep: Token) -> list[Hit]:
    """:func:`_geo_objects` of a preposition, but none under a word for a happening ("from the Games in Sydney")."""
    if any(p.dep_ == "pobj" and ctx.index.at(p) is None and p.lemma_.lower() in _HAPPENING_NOUNS
           for p in prep.children):
        return []
    return _geo_objects(ctx, prep)


def _office_noun(ctx: Context, noun: Token) -> bool:
    """Whether an apposition noun names a post or a job at a body: in "X , head of EA in Europe", "X , senior
    economist at SG Securities in Paris" or "X , deputy police chief in Bombay" the place is the office's, not X's
    home (the guidelines: a title's country is not lives_in)."""
    if noun.lower_ in _POSTS:
        return True
    return any(c.dep_ == "prep" and c.lower_ in ("of", "at", "for", "with", "to") and any(
        (h := ctx.index.at(t)) is not None and h.entity.type == "Organization" for t in c.subtree)
        for c in noun.children)


#: Words of a learnt ``lives_in`` path that tell where someone was, went or won, not where they live: "X left
#: Athens", "X won in Edinburgh", "X at Southampton" (the bare "at" path).
_PRESENCE_WORDS = frozenset({"leave", "win", "visit", "arrive", "play", "travel", "return", "attend", "meet"})


def presence_path(path: str) -> bool:
    """Whether a learnt ``lives_in`` path says where someone was rather than where they live."""
    words = path.split()
    return path == ">prep at >pobj" or any(w in _PRESENCE_WORDS for w in words if w[:1] not in "<>")
