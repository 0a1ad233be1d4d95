"""Relations read from news framing: datelines, by-lines and the lead sentence's place."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from graphbuild.extract import dep_paths
from graphbuild.extract.common import Hit
from graphbuild.extract.relation_rules.affiliations import PRIZE_NOUNS
from graphbuild.extract.relation_rules.base import _FIRM_NOUNS, _KILLER_NOUNS, _MONTHS, Context, _comma_chain, _is_geo, _is_org
from graphbuild.extract.relation_rules.residence import premodifier_not_home
from graphbuild.model import Relation

_FILE_ID = re.compile(r"^[A-Z]{2}\d{6,}$")  # wire-service file ids such as "PA2904034294"


def _dateline_places(ctx: Context, start: int, stop: int) -> list[Hit] | None:
    """The places of a dateline occupying tokens [start, stop), or None when anything else stands there.

    Dateline words are place mentions (typed Place/Country, or Organization when written in capitals, as
    "DAYTON"), capitalised words the entity layer missed ("BANGKOK"), commas, numbers, month names and the
    "( Text )" marker.
    """
    doc, index = ctx.doc, ctx.index
    places: list[Hit] = []
    i = start
    while i < stop:
        m = index.start_at.get(i)
        if m is not None and m[1] <= stop:
            if not (_is_geo(m[2]) or m[2].mention.text.isupper()):
                return None
            places.append(m[2])
            i = m[1]
            continue
        tok = doc[i]
        if not (tok.is_punct or tok.like_num or tok.lower_.rstrip(".") in _MONTHS or tok.text == "Text"
                or (tok.is_upper and tok.is_alpha and len(tok) > 2)):
            return None
        i += 1
    return places


def rule_frames(ctx: Context) -> Iterator[Relation]:
    """Fixed news frames: datelines naming an agency, appositions with a place and an occupation or a firm
    noun, place-modified organisations, and "VICTIM assassin KILLER"."""
    doc, index = ctx.doc, ctx.index
    starts = [s for s, _, _ in index.spans]  # sorted: each sentence looks at its own spans only (linear overall)
    for sent in doc.sents:
        # "BANGKOK , Thailand ( AP )", "Sofia , February 15 ( BTA ) --", "PA2904034294 Guatemala City Teleonce
        # Television in Spanish 0400 GMT": the agency is based in the places of its dateline
        first = sent.start
        for t in doc[sent.start:min(sent.end, sent.start + 12)]:
            if _FILE_ID.match(t.text):
                first = t.i + 1
        stop = min(sent.end, first + 16)
        for s, e, hit in index.spans[bisect.bisect_left(starts, first):bisect.bisect_left(starts, stop)]:
            if hit.entity.type != "Organization":
                continue
            paren = s > first and doc[s - 1].text == "(" and e < sent.end and doc[e].text == ")"
            dash = e < sent.end and doc[e].text in ("--", "—")
            fbis = e + 1 < sent.end and doc[e].lower_ == "in" and any(t.text == "GMT" for t in doc[e:sent.end])
            alone = s > first and all(t.is_punct for t in doc[e:sent.end])  # a source line "Moscow INTERFAX"
            if not (paren or dash or fbis or alone):
                continue
            places = _dateline_places(ctx, first, s - 1 if paren else s)
            if places is None:
                continue
            for place in places:
                yield ctx.rel(hit, "based_in", place, sent, "based_in.dateline", 0.8)
            break
    for s, e, hit in index.spans:
        sent = ctx.sent_of[s]
        # "X , the New York attorney", "X , a West Palm Beach , Fla. , lawyer", "Y , a Hong Kong construction firm"
        if e + 2 < sent.end and doc[e].text == "," and doc[e + 1].lower_ in ("a", "an", "the") \
                and (geo := index.start_at.get(e + 2)) is not None and _is_geo(geo[2]):
            places = [geo[2], *_comma_chain(ctx, geo[1], sent.end)]
            k = index.span_of(places[-1])[1]
            if len(places) > 1 and k < sent.end and doc[k].text == ",":
                k += 1
            nouns = 0
            while k < sent.end and doc[k].is_lower and doc[k].pos_ in ("NOUN", "ADJ"):
                nouns, k = nouns + 1, k + 1
            if nouns and doc[k - 1].pos_ == "NOUN":
                if hit.entity.type == "Person":  # not "Ford , the US car company", "X , the Olympic champion"
                    for place in places:
                        if not premodifier_not_home(doc, place, index.span_of(places[-1])[1], k, PRIZE_NOUNS):
                            yield ctx.rel(hit, "lives_in", place, sent, "lives_in.geo_appos", 0.6)
                elif _is_org(hit) and doc[k - 1].lemma_ in _FIRM_NOUNS:
                    for place in places:
                        yield ctx.rel(hit, "based_in", place, sent, "based_in.geo_appos", 0.7)
        # "the U.S. Congress", "the Haitian Parliament": a place modifying the head of an organisation
        if _is_geo(hit) and (org := index.start_at.get(e)) is not None and _is_org(org[2]):
            head = dep_paths.mention_head(doc, s, e)
            if head.head.i in range(org[0], org[1]) and head.dep_ in ("compound", "amod", "nmod"):
                yield ctx.rel(org[2], "based_in", hit, sent, "based_in.geo_modifier", 0.6)
        # "King assassin James Earl Ray", "Kennedy killer X" (not "Ipswich murderer X": a town is killed by no one;
        # an assassin's name is a person's, whatever the name was typed: "the Lincoln assassin")
        if e + 1 < sent.end and doc[e].lower_ in _KILLER_NOUNS \
                and (hit.entity.type == "Person" or doc[e].lower_.startswith("assassin")) \
                and (killer := index.start_at.get(e + 1)) is not None and killer[2].entity.type == "Person" \
                and hit.entity.key != killer[2].entity.key:
            yield ctx.rel(killer[2], "killed", hit, sent, "killed.compound", 0.75)
