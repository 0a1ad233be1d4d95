"""An organisation's home (based_in): "Leeds-based X", "X of London", "X in Y"."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from graphbuild.extract.common import Hit, token_table
from graphbuild.extract.lexicon import POST_HEADS, TITLES
from graphbuild.extract.relation_rules.base import (
    _POSS,
    Context,
    _comma_chain,
    _geo_after,
    _geo_objects,
    _is_facility,
    _is_geo,
    _is_org,
    _not_owner,
    _pobj_hits,
    _tokens,
)
from graphbuild.model import Relation

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: Last words of names of gatherings and contests, which happen in a place rather than being based there: "the
#: Consumer Electronics Show in Las Vegas", "the Rugby World Cup Sevens in Hong Kong".
_GATHERING_HEADS = frozenset(
    {"show", "conference", "summit", "tournament", "championship", "championships", "cup", "games", "open", "run",
     "marathon", "festival", "awards", "indoors", "sevens", "expo", "fair", "rally", "classic", "trophy", "grand",
     "prix", "olympics", "meeting", "exhibition", "race", "premiership", "event", "ceremony"})


def _gathering(hit: Hit) -> bool:
    """Whether an organisation's name is that of a gathering or contest rather than a body ("CES" for the Consumer
    Electronics Show)."""
    return hit.mention.text.split()[-1].lower() in _GATHERING_HEADS \
        or hit.entity.label.split()[-1].lower() in _GATHERING_HEADS


def _homeless(ctx: Context, hit: Hit, s: int, e: int) -> bool:
    """Whether the "organisation" at ``doc[s:e]`` has no home to give: a gathering ("the Acme Cup", "Oslo 's Acme
    Cup event")."""
    doc = ctx.doc
    return _gathering(hit) or (e < len(doc) and doc[e].is_lower and doc[e].lemma_ in _GATHERING_HEADS)


def _person_shaped(ctx: Context, s: int, e: int) -> bool:
    """Whether the parser reads the "organisation" at ``doc[s:e]`` as a person's name here ("Norway 's Kari Lund"
    typed Organization elsewhere): capitalised words tagged PERSON."""
    span = ctx.doc[s:e]
    return len(span) <= 3 and all(t.ent_type_ == "PERSON" and t.is_alpha and t.is_title for t in span)


#: Verbs whose "in" says where a thing was done, not where the body doing or undergoing it is based.
_DONE_VERBS = frozenset({"launch", "list", "float", "sell", "open", "make", "build", "manufacture", "produce",
                         "assemble", "sue", "fine", "unveil", "present", "release", "introduce", "test", "trial",
                         "show", "play", "beat", "defeat"})


_MAKE_VERBS = frozenset({"make", "build", "manufacture", "produce", "assemble"})


def _done_in(doc: Doc, s: int, e: int, prep: int) -> bool:
    """Whether the "in" at ``prep`` after the name ``doc[s:e]`` hangs on a verb of doing rather than on the name."""
    head = doc[prep].head
    if s <= head.i < e:
        return False
    verb = doc[s:e].root.head if head.pos_ not in ("VERB", "AUX") else head
    return verb.pos_ == "VERB" and verb.lemma_ in _DONE_VERBS


def _agent(doc: Doc, s: int, e: int) -> bool:
    """Whether the name at ``doc[s:e]`` is the maker after a passive "by": "engines built by Acme in Spain" say where
    the engines are built."""
    root = doc[s:e].root
    return root.dep_ == "pobj" and root.head.lower_ == "by" and root.head.head.lemma_ in _MAKE_VERBS


def _titled(hit: Hit) -> bool:
    """Whether an "organisation" is a post: "the Archbishop of Cardiff", "the Mayor of Leeds"."""
    last = hit.mention.text.split()[-1].lower()
    return last in TITLES or last in POST_HEADS


def rule_based_in(ctx: Context) -> Iterator[Relation]:
    """Organization (in|of|, based in) Place|Country; Place-based Organization; Place's Organization."""
    doc = ctx.doc
    for s, e, hit in ctx.index.spans:
        sent = ctx.sent_of[s]
        if _is_org(hit):
            i = e
            if i < sent.end and doc[i].text == ",":
                i += 1
            words: list[str] = []
            while i < sent.end and len(words) < 3 and doc[i].lower_ in (
                    "based", "headquartered", "located", "in", "of", "at", "-"):
                words.append(doc[i].lower_)
                i += 1
            if words and words[-1] in ("in", "of", "at") and not _homeless(ctx, hit, s, e) and not _titled(hit):
                other = _geo_after(ctx, i, sent.end, max_gap=1)
                # a bare "in" on a verb of doing says where something was done, not where the body is: "launched
                # the party in Leeds", "engines made by Acme in Spain", "shares listed in New York"
                # nor an "in" a contest: "his comeback for Acme in the Zurich Premiership"
                if other is not None and words == ["in"] and (_done_in(doc, s, e, i - 1) or _agent(doc, s, e)
                                                              or _gathering(other)):
                    other = None
                # a bare "at" a venue is where a team played or a meeting was held: "Cardiff at Ewood Park"
                if other is not None and words == ["at"] and _is_facility(other):
                    other = None
                # and an "at" the parse hangs on a verb or another noun says where something happened: "Spurs
                # entertain Brighton at White Hart Lane", "managed by X at Porto", "a win over Y at Z"
                if other is not None and words == ["at"] and not s <= doc[i - 1].head.i < e:
                    other = None
                # "Ann Lund of Norway": a person typed Organization elsewhere, and the country she plays for
                if other is not None and words == ["of"] and _person_shaped(ctx, s, e):
                    other = None
                chain = _comma_chain(ctx, ctx.index.span_of(other)[1], sent.end) if other is not None else []
                # a list of places ("Acme in Leeds, York and Hull", "sued in France, Spain and Italy") is where
                # things are done, not one home
                if chain and (end := ctx.index.span_of(chain[-1])[1]) < sent.end and doc[end].lower_ in ("and", "or"):
                    other = None
                if other is not None:
                    conf = 0.8 if "based" in words or "headquartered" in words else 0.6
                    rule = "based_in." + "_".join(words)
                    yield ctx.rel(hit, "based_in", other, sent, rule, conf)
                    for more in chain:
                        yield ctx.rel(hit, "based_in", more, sent, rule + "_chain", conf - 0.05)
            elif s == sent.start and e < sent.end and doc[e].text == ",":
                # directory lines: "U.S. Coast Guard Training Center , Petaluma , Calif. ;"
                for more in _comma_chain(ctx, e, sent.end):
                    yield ctx.rel(hit, "based_in", more, sent, "based_in.listing", 0.6)
        if _is_geo(hit) and e + 2 <= len(doc) and doc[e].text == "-" and doc[e + 1].lower_ == "based":
            nxt = ctx.index.start_at.get(e + 2)
            if nxt is not None and nxt[2].entity.type == "Organization":
                yield ctx.rel(nxt[2], "based_in", hit, sent, "based_in.hyphen", 0.85)
        if _is_geo(hit) and e < sent.end and doc[e].text in _POSS:
            nxt = ctx.index.start_at.get(e + 1)
            # not a body named before a post: "London 's Labour mayor X" says nothing of where Labour is
            if nxt is not None and _is_org(nxt[2]) and not _not_owner(doc, s, e) \
                    and not _homeless(ctx, nxt[2], e + 1, nxt[1]) and not _person_shaped(ctx, e + 1, nxt[1]) \
                    and not (nxt[1] < sent.end and _before_post_or_name(doc[nxt[1]])):
                yield ctx.rel(nxt[2], "based_in", hit, sent, "based_in.poss", 0.6)
    # "Church 's is headquartered in San Antonio", "the company, which is based in Ohio"
    table = token_table(doc)
    for tok in _tokens(doc, [i for i, lem in enumerate(table.lemma) if lem in ("base", "headquarter")]):
        if tok.lemma_ not in ("base", "headquarter"):
            continue
        subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        org = ctx.index.resolve(subj) if subj is not None else None
        if org is None and tok.dep_ in ("acl", "relcl", "amod"):
            org = ctx.index.at(tok.head)
        if org is None or not _is_org(org):
            continue
        for _, other in _pobj_hits(tok, ctx.index, ("in", "at")):
            if _is_geo(other):
                yield ctx.rel(org, "based_in", other, tok.sent, "based_in.verb", 0.8)
    # "NRC headquarters in nearby Rockville , Md.", "the headquarters of Acme in Ohio", "Acme , with headquarters in X"
    for tok in _tokens(doc, [i for i, low in enumerate(table.lower) if low in ("headquarters", "hq")]):
        if tok.lower_ not in ("headquarters", "hq") or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        orgs = [h for c in tok.children if c.dep_ in ("compound", "poss", "nmod")
                and (h := ctx.index.at(c)) is not None and _is_org(h)]
        orgs += [h for _, h in _pobj_hits(tok, ctx.index, ("of",)) if _is_org(h)]
        if not orgs and tok.dep_ == "pobj" and tok.head.lower_ == "with" and (h := ctx.index.at(tok.head.head)) \
                is not None and _is_org(h):
            orgs.append(h)
        geos = [g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("in", "at") for g in _geo_objects(ctx, c)]
        # the parser often hangs "in Y" on the phrase around "headquarters": read the words
        if not geos and tok.i + 2 < tok.sent.end and doc[tok.i + 1].lower_ in ("in", "at") \
                and (first := _geo_after(ctx, tok.i + 2, tok.sent.end, max_gap=2)) is not None:
            geos = [first, *_comma_chain(ctx, ctx.index.span_of(first)[1], tok.sent.end)]
        for geo in geos:
            for org in orgs:
                yield ctx.rel(org, "based_in", geo, tok.sent, "based_in.headquarters", 0.8)


def _before_post_or_name(tok: Token) -> bool:
    """Whether the word after "Place 's Org" makes the organisation a modifier: of a post ("London 's Labour mayor",
    "Europe 's Acme commissioners") or of a longer name ("Wales 's Acme Cup squad": a sponsor's name)."""
    return tok.lower_ in POST_HEADS or tok.lower_ in TITLES or tok.lemma_.lower() in POST_HEADS \
        or tok.lemma_.lower() in TITLES or (tok.pos_ == "PROPN" and tok.text[:1].isupper())
