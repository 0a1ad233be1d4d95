"""The words in front of a name or an organisation: posts, parties, teams and an organisation's home.

- ``title.premod``: "Green Party leader Ann Riley", "Labour MP Jane Doe", "Acme chief executive Jo Bell",
  "US Commerce Under-Secretary Bill Kerr", "Oxfam senior policy adviser Tom Hale", "former Wales skipper X".
  The post is ``holds_position`` (to the organisation or country when it is in the phrase; to the person
  itself, the "post without organisation" marker, otherwise or for a party), the organisation, party or
  country ``affiliated_with``; a sport position ("England centre X") gives the team only. Never ``lives_in``.
- ``affiliated_with.party_tag``: "Jane Doe (Lab, Leeds)", "Sen. Bob Kerr (R-Texas)" when the party is named
  in the document.
- ``based_in.premod``: "Swedish furniture maker X", "Spanish bank X", "Leeds-based X", "Dutch-registered X".

"former", "ex-", "outgoing" or "then" in the phrase mark the relations as past (``Relation.former``).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from graphbuild.extract.common import Hit
from graphbuild.extract.entity_steps.works import GENERIC_WORDS, is_generic
from graphbuild.extract.lexicon import (
    FORMER_WORDS,
    PARTY_POSTS,
    PARTY_TAGS,
    POST_HEADS,
    SPORT_ROLES,
    TITLES,
    WEAK_TITLES,
)
from graphbuild.extract.relation_rules.base import _FIRM_NOUNS, _POSS, _RANKS, Context, _is_facility, _is_geo, _is_org, is_party
from graphbuild.extract.relation_rules.titles import label_words, nationality_only, portfolio, post_case
from graphbuild.gazetteer import gazetteer
from graphbuild.model import DocEntity, Relation

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

#: Words never part of a post written before a name.
_STOP = frozenset({"the", "a", "an", "and", "or", "of", "for", "by", "with", "said", "says", "told", "as", "to",
                   "from", "in", "on", "at", "his", "her", "their", "its", "our", "my", "your", "this", "that",
                   "new", "veteran", "top", "leading", "prominent", "fellow"})
#: Lower-case words of a post that only qualify it ("senior policy adviser", "deputy chief executive").
_MAX_PHRASE = 5
#: Adjectives that make a post past when they stand right before it.
_FORMER_PREFIX = ("ex-", "ex")
#: Nouns for a firm's home ("Swedish furniture maker X"): the relation rules' firm nouns and a few trades.
_HOME_NOUNS = _FIRM_NOUNS | frozenset({"giant", "firm", "conglomerate", "operator", "producer", "supplier", "lender",
                                       "developer", "publisher", "builder", "brewer", "miner", "owner", "distributor",
                                       "exporter", "importer", "supermarket", "grocer", "store", "outfit", "club",
                                       "side", "start-up", "startup", "utility", "channel", "paper", "tabloid"})
#: Nouns for a public body ("the country 's intelligence service X").
_AGENCY_NOUNS = frozenset({"service", "regulator", "watchdog", "ministry", "department", "authority", "body",
                           "carmaker", "automaker", "airline", "telecoms", "operator"})
#: spaCy entity labels of words that are never part of a post ("On Tuesday spokesman X").
_NOT_POST_ENTS = frozenset({"DATE", "TIME", "PERSON", "GPE", "LOC", "CARDINAL", "ORDINAL", "MONEY", "PERCENT",
                            "QUANTITY", "EVENT", "WORK_OF_ART", "LAW"})
#: Words a post may have besides its head ("US Commerce Under-Secretary", "Home Minister"): a capitalised word
#: outside them is a name, where the post stops.
_TITLE_VOCAB = GENERIC_WORDS | POST_HEADS | frozenset(w for t in TITLES for w in t.replace("-", " ").split()) | frozenset(
    {"under", "vice", "deputy", "assistant", "acting", "interim", "shadow", "junior", "senior", "chief", "general",
     "executive", "managing", "principal", "special", "commerce", "treasury", "state", "first", "lord", "prime",
     "secretary", "director", "policy", "press", "communications", "operating", "financial", "technology"})
#: Last words of names that begin with a nationality but are no organisation at home there ("American Civil War",
#: "Russian Empire").
_NOT_HOMED = frozenset({"war", "wars", "revolution", "empire", "dynasty", "republic", "era", "period", "campaign",
                        "games", "cup", "open", "championship", "championships", "theater", "theatre", "front",
                        "atlantic", "pacific", "ocean", "sea", "east", "west", "north", "south", "southwest",
                        "northwest", "northeast", "southeast", "america", "americas"})
_REGISTERED = frozenset({"based", "registered", "headquartered", "owned", "listed", "flagged"})


def _is_word(doc: Doc, k: int) -> bool:
    tok = doc[k]
    if tok.text == "-":
        return True
    return tok.is_alpha or (tok.text[:1].isalpha() and "-" in tok.text)


def _post_phrase(ctx: Context, s: int) -> tuple[int, int, bool] | None:
    """The post written right before the name starting at token ``s``: (start, end, former), or None.

    The post is at most five words ending in a post head or a known title, no entity inside; "former" and
    "ex-" before it are read and left out of the span.
    """
    doc = ctx.doc
    sent = ctx.sent_of[s]
    t = s
    while t > sent.start and (doc[t - 1].lower_.rstrip(".") in _RANKS or doc[t - 1].text == "."):
        t -= 1
    if t == sent.start:
        return None
    last = doc[t - 1].lower_
    if last not in POST_HEADS and last not in SPORT_ROLES and last not in TITLES:
        return None
    j = t
    while j > sent.start and t - j < _MAX_PHRASE and _is_word(doc, j - 1) and doc[j - 1].lower_ not in _STOP:
        tok = doc[j - 1]
        hit = ctx.index.at(tok)
        if hit is not None and not _title_word_name(hit):
            break
        if tok.lower_ not in FORMER_WORDS and (
                tok.pos_ in ("VERB", "AUX", "PRON", "DET", "ADP", "NUM", "ADV", "CCONJ", "SCONJ", "PART")
                or tok.ent_type_ in _NOT_POST_ENTS or tok.ent_type_ == "NORP"
                or (tok.is_title and tok.lower_ not in _TITLE_VOCAB and hit is None)):
            break
        j -= 1
    former = False
    k = j
    while k < t and (doc[k].lower_ in FORMER_WORDS or doc[k].lower_ in _FORMER_PREFIX or doc[k].text == "-"):
        former = former or doc[k].lower_ != "-"
        k += 1
    if j > sent.start and doc[j - 1].lower_ in FORMER_WORDS:
        former = True
    if k >= t:
        return None
    return k, t, former


def _title_word_name(hit: Hit) -> bool:
    """A "name" the entity layer made of title words ("Home" of "Home Minister", "National Security")."""
    words = label_words(hit)
    return portfolio(hit) or (bool(words) and hit.entity.type == "Organization" and all(w in _TITLE_VOCAB for w in words)
                              and not is_generic(hit.entity.label) and not is_party(hit.entity)
                              and hit.mention.rule != "gazetteer")


def _owner_before(ctx: Context, j: int) -> tuple[Hit, bool] | None:
    """The organisation, party, country or place ending right before token ``j`` (a possessive allowed), and
    whether "former"/"ex-" stands before it ("former Wales skipper")."""
    doc = ctx.doc
    k = j
    if k > 0 and doc[k - 1].text in _POSS:
        k -= 1
    found = ctx.index.end_at.get(k)
    if found is None:
        return None
    s, _e, hit = found
    if hit.entity.type == "Person" or _title_word_name(hit):
        return None
    former = s > 0 and (doc[s - 1].lower_ in FORMER_WORDS or (doc[s - 1].text == "-" and s > 1
                                                             and doc[s - 2].lower_ == "ex"))
    return hit, former


def _title_text(doc: Doc, start: int, end: int) -> str:
    return doc[start:end].text.replace(" - ", "-").replace(" -", "-").replace("- ", "-")


def rule_title_premod(ctx: Context) -> Iterator[Relation]:
    """Posts and teams written before a person's name, with the organisation, party or country before them."""
    doc = ctx.doc
    for s, _e, hit in ctx.index.spans:
        if hit.entity.type != "Person" or hit.mention.text.lower().rstrip(".") in _RANKS:
            continue
        found = _post_phrase(ctx, s)
        if found is None:
            continue
        start, end, former = found
        sent = ctx.sent_of[s]
        title = post_case(_title_text(doc, start, end))
        low = title.lower()
        head = doc[end - 1].lower_
        sport = head in SPORT_ROLES and head not in POST_HEADS
        owned = _owner_before(ctx, start)
        if owned is None:
            # only a post the title rules do not know already, and never a bare occupation
            if sport or low in TITLES or head in WEAK_TITLES or low in WEAK_TITLES or start + 1 == end:
                continue
            yield ctx.rel(hit, "holds_position", hit, sent, "title.premod", 0.7, title=title,
                          object_text=hit.mention.text, former=former)
            continue
        owner, owner_former = owned
        former = former or owner_former
        ent = owner.entity
        if sport:
            if ent.type in ("Country", "Organization"):
                yield ctx.rel(hit, "affiliated_with", owner, sent, "affiliated_with.team_premod", 0.7, former=former)
            continue
        if ent.type == "Country" and nationality_only(title):  # "British film director X": a nationality
            if owner.mention.kind == "demonym":
                yield ctx.rel(hit, "lives_in", owner, sent, "lives_in.nationality", 0.6)
        elif ent.type == "Country" or (_is_org(owner) and not is_party(ent)):
            yield ctx.rel(hit, "holds_position", owner, sent, "title.premod", 0.8, title=title, former=former)
            yield ctx.rel(hit, "affiliated_with", owner, sent, "title.premod", 0.8, former=former)
        elif _is_org(owner):  # a party: "Labour MP" is not a post of the party, "Green Party leader" is
            if low in PARTY_POSTS or head in PARTY_POSTS:
                yield ctx.rel(hit, "holds_position", owner, sent, "title.premod", 0.8, title=title, former=former)
            elif not (head in WEAK_TITLES or low in WEAK_TITLES):
                yield ctx.rel(hit, "holds_position", hit, sent, "title.premod", 0.75, title=title,
                              object_text=hit.mention.text, former=former)
            yield ctx.rel(hit, "affiliated_with", owner, sent, "affiliated_with.party_premod", 0.8, former=former)
        elif _is_geo(owner) and head not in WEAK_TITLES and low not in WEAK_TITLES:
            # "California attorney general X", "Leeds MP X": a post of the place, not where X lives
            yield ctx.rel(hit, "holds_position", hit, sent, "title.premod", 0.7, title=title,
                          object_text=hit.mention.text, former=former)


def _party_entity(ctx: Context, label: str) -> DocEntity | None:
    return next((e for e in ctx.index.entities if e.type == "Organization" and e.label == label), None)


def rule_party_tag(ctx: Context) -> Iterator[Relation]:
    """"Jane Doe (Lab, Leeds)", "Bob Kerr (R-Texas)", "Bob Kerr, D-Mich.": the party of a named politician."""
    doc = ctx.doc
    for _s, e, hit in ctx.index.spans:
        if hit.entity.type != "Person" or e + 2 >= len(doc) or doc[e].text not in ("(", ","):
            continue
        sent = ctx.sent_of[e]
        k = e + 1
        words: list[str] = []
        while k < min(sent.end, e + 4) and doc[k].text not in (",", ")", "-"):
            words.append(doc[k].lower_.rstrip("."))
            k += 1
        tag = " ".join(words)
        if tag not in PARTY_TAGS or k >= sent.end:
            continue
        # one-letter US tags only as "R-Texas"/"D-Mich."; British tags closed by "," or ")"
        if len(tag) == 1 and doc[k].text != "-":
            continue
        if doc[e].text == "," and len(tag) > 1:
            continue  # "X, Lab" is too rare to tell from a list
        party = _party_entity(ctx, PARTY_TAGS[tag])
        if party is not None:
            yield ctx.rel(hit, "affiliated_with", party, sent, "affiliated_with.party_tag", 0.75, object_text=doc[e + 1].text)


def _home_before(ctx: Context, s: int, sent: Span) -> tuple[Hit, str] | None:
    """The place or country before the trade words in front of the organisation at ``s``."""
    doc = ctx.doc
    j = s
    while j > sent.start and s - j < 3 and doc[j - 1].is_lower and doc[j - 1].pos_ in ("NOUN", "ADJ", "PROPN"):
        j -= 1
    if j < s and doc[s - 1].lemma_ in _HOME_NOUNS | _AGENCY_NOUNS:
        prev = ctx.index.end_at.get(j)
        if prev is not None and _is_geo(prev[2]):
            return prev[2], "based_in.premod"
        # "Britain 's domestic intelligence service MI5", "Japan 's biggest carmaker Toyota"
        if j - 1 > sent.start and doc[j - 1].text in _POSS and (prev := ctx.index.end_at.get(j - 1)) is not None \
                and prev[2].entity.type == "Country" and prev[2].mention.rule != "demonym":
            return prev[2], "based_in.poss_premod"
    # "Leeds-based X", "Dutch-registered X"
    if s - 2 > sent.start and doc[s - 1].lower_ in _REGISTERED and doc[s - 2].text == "-":
        prev = ctx.index.end_at.get(s - 2)
        if prev is not None and _is_geo(prev[2]):
            return prev[2], "based_in.hyphen_premod"
    return None


#: Kinds of place written between a country and "of" + the place: "the Greek port of Patras".
_KIND_OF = frozenset({"port", "city", "town", "village", "capital", "region", "province", "island", "resort",
                      "district", "county", "state", "harbour", "harbor", "suburb", "enclave", "territory"})


def rule_kind_of_place(ctx: Context) -> Iterator[Relation]:
    """"the Greek port of Patras", "the Spanish city of Valencia", "the Kent town of Ashford": the place is in the
    country or place before the kind of place."""
    doc = ctx.doc
    for s, e, hit in ctx.index.spans:
        if not _is_geo(hit) or e + 2 >= len(doc):
            continue
        sent = ctx.sent_of[s]
        k = e
        while k < min(sent.end, e + 3) and doc[k].is_lower and doc[k].lower_ not in _KIND_OF and doc[k].pos_ == "ADJ":
            k += 1  # "the Greek coastal town of X"
        if k + 2 > sent.end or doc[k].lower_ not in _KIND_OF or doc[k + 1].lower_ != "of":
            continue
        nxt = ctx.index.start_at.get(k + 2)
        if nxt is not None and nxt[2].entity.type == "Place" and nxt[2].entity.key != hit.entity.key:
            yield ctx.rel(nxt[2], "located_in", hit, sent, "located_in.kind_of", 0.8)


def rule_org_home(ctx: Context) -> Iterator[Relation]:
    """An organisation's home from the words before its name: "Swedish furniture maker Ikea"; a nationality
    word right before an organisation or a place: "the Irish Athlone Brigade", "the Japanese Akashi Strait"."""
    for s, e, hit in ctx.index.spans:
        sent = ctx.sent_of[s]
        if _is_org(hit) and not is_party(hit.entity):
            found = _home_before(ctx, s, sent)
            if found is not None:
                geo, rule = found
                yield ctx.rel(hit, "based_in", geo, sent, rule, 0.75)
                continue
        if hit.entity.type in ("Person", "Country") or is_party(hit.entity) \
                or hit.mention.text.split()[-1].lower() in _NOT_HOMED:
            continue
        if e < len(ctx.doc) and ctx.doc[e].is_lower and ctx.doc[e].pos_ == "NOUN":
            continue  # "the Swedish U.N. mediator", "the British Midland crash": the nationality is the noun's
        prev = ctx.index.end_at.get(s)
        country: Hit | DocEntity | None = None
        if prev is not None and prev[2].mention.rule == "demonym" and prev[2].entity.type == "Country":
            country = prev[2]
        elif _is_org(hit):
            # "the British Army", "the Malagasy National Assembly": the country named elsewhere in the document
            first = hit.mention.text.split()[0] if " " in hit.mention.text else ""
            entry = gazetteer().lookup(first) if first else None
            if entry is not None and entry.demonym:
                country = next((e for e in ctx.index.entities if e.type == "Country" and e.label == entry.label), None)
        if country is None or (country.entity.key if isinstance(country, Hit) else country.key) == hit.entity.key:
            continue
        obj_text = None if isinstance(country, Hit) else hit.mention.text.split()[0]
        if _is_org(hit):
            # a nationality inside the name ("the British Bankers Association") hints at a home the text does not
            # state: marked as world knowledge (graph.WORLD_KNOWLEDGE_RULES), like a town's country
            rule = "based_in.demonym" if isinstance(country, Hit) else "based_in.demonym_name"
            yield ctx.rel(hit, "based_in", country, sent, rule, 0.7, object_text=obj_text)
        elif hit.entity.type == "Place" or _is_facility(hit):
            yield ctx.rel(hit, "located_in", country, sent, "located_in.demonym", 0.7, object_text=obj_text)
