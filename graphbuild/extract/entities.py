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
``acronym.person``    an all-capitals word guessed PERSON ("BAA") is an organisation
``said``              a name right before/after "said"/"says"/"told" that spaCy left untyped
``org-cue``           a name the text calls a bank, firm, band or club ("shares in X", "X, a London band")
                      is an organisation everywhere; a lone generic word ("Re", "Festival") is no entity
``doc-consistency``   a name typed once is that type everywhere in the document
``headline``          a name in an all-caps line confirmed by a gazetteer or the body text

Within the document, mentions are grouped into entities (see :func:`_group`):
countries by canonical name, people by full name, surname ("Blinken"), title
("Mr Straw") and initials ("J. Smith"), organisations by canonical name and
acronym, places by canonical name and region suffix.  Every alias merge is
recorded as a :class:`~graphbuild.model.Merge`.

The steps live in :mod:`graphbuild.extract.entity_steps`, one module per step;
:func:`extract_entities` runs them in order.  Only this package touches spaCy objects; the records returned hold strings
and offsets.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

from graphbuild.extract.common import doc_text, sentence_of, token_table
from graphbuild.extract.entity_steps.base import SPORT_EVENT_WORDS, STOP_NAMES, _Cand, _caps_tokens, _surface
from graphbuild.extract.entity_steps.candidates import (
    dateline_candidates,
    extend_initials,
    gazetteer_candidates,
    initials_candidates,
    ner_candidates,
    region_candidates,
    title_candidates,
)
from graphbuild.extract.entity_steps.companies import (
    bracket_acronyms,
    company_candidates,
    company_short_names,
    cue_candidates,
    post_cue_candidates,
    press_candidates,
)
from graphbuild.extract.entity_steps.consistency import _select, consistency, headline_filter, said_candidates
from graphbuild.extract.entity_steps.grouping import _group, _person_label
from graphbuild.extract.entity_steps.orgcues import (
    generic_word_filter,
    nobody_filter,
    org_cues,
    plural_names,
    pronoun_orgs,
)
from graphbuild.extract.entity_steps.people import (
    country_bracket_people,
    given_before_surname,
    name_lists,
    shared_surnames,
    squad_lists,
    wrapped_names,
)
from graphbuild.extract.entity_steps.posts import post_holders
from graphbuild.extract.entity_steps.sport import (
    _sports_doc,
    club_cues,
    cricket_counties,
    cricket_scorecard,
    nickname_teams,
    person_teams,
    results_lines,
    sport_events,
    sports_teams,
    team_contexts,
)
from graphbuild.extract.entity_steps.works import qualify_generic, works_filter
from graphbuild.extract.wire import header_spans
from graphbuild.gazetteer import gazetteer
from graphbuild.model import DocEntity, Document, Mention, Merge

if TYPE_CHECKING:
    from spacy.tokens import Doc


__all__ = ["SPORT_EVENT_WORDS", "entity_at", "extract_entities"]


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
    cands += post_cue_candidates(doc)
    cands += club_cues(doc, sports) + cricket_scorecard(doc, caps)
    cands += [_Cand(h.start, h.end, h.type, "dateline", h.label, h.code, h.wikidata, authority=2) for h in header_spans(doc)]
    cands = _select(cands)
    cands = _select(cands + said_candidates(doc, cands))
    cands = headline_filter(doc, cands, caps)
    cands = bracket_acronyms(doc, cands, caps)
    cands = company_short_names(doc, cands)
    cands = name_lists(doc, cands)
    cands = org_cues(doc, generic_word_filter(doc, cands))
    cands = org_cues(doc, pronoun_orgs(doc, consistency(doc, cands, caps)), people_only=True)  # the mentions added
    cands = squad_lists(doc, name_lists(doc, cands))  # again, with the people consistency found
    cands = wrapped_names(doc, cands)
    cands = plural_names(doc, shared_surnames(doc, cands))
    cands = extend_initials(doc, cands)
    cands = given_before_surname(doc, cands, caps)
    cands = sports_teams(doc, cands)
    cands = team_contexts(doc, cands, sports)
    cands = person_teams(doc, cands, sports)
    cands = nickname_teams(doc, cands, sports)
    cands = results_lines(doc, cands)
    cands = cricket_counties(doc, cands, caps)
    cands = sport_events(doc, cands, sports, caps)
    cands = nobody_filter(doc, works_filter(doc, cands))
    peoples = gazetteer().groups
    cands = [c for c in cands if c.type and (text := _surface(doc, c)) not in STOP_NAMES and text not in peoples]
    groups = post_holders(doc, _group(doc, cands, caps, document.id))
    qualify_generic(doc, groups, cands)
    sents = sentence_of(doc)
    table = token_table(doc)
    full = table.doc_text  # not ``text``: the filter above rebinds it
    members = gazetteer().member_words
    built: list[tuple[int, DocEntity]] = []
    for g in groups:
        mentions = []
        for c in sorted(g.cands, key=lambda c: c.start):
            if 0 <= c.start < c.end <= len(sents):
                sent = sents[c.start]
                start_char = table.idx[c.start]
                end_char = table.idx[c.end - 1] + len(table.text[c.end - 1])
                text = full[start_char:end_char]
                kind = "demonym" if c.demonym or (c.type == "Organization" and text in members) else "name"
                mentions.append(Mention(start_char, end_char, text, sent.start_char, sent.end_char, c.rule, kind))
                continue
            span = doc[c.start : c.end]
            ss, se = (sents[c.start].start_char, sents[c.start].end_char) if c.start < len(sents) else (0, len(full))
            kind = "demonym" if c.demonym or (c.type == "Organization" and span.text in members) else "name"
            mentions.append(Mention(span.start_char, span.end_char, span.text, ss, se, c.rule, kind))
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
