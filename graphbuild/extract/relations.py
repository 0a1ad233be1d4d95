"""Relations between entities of one document, by named rules over tokens and the parse.

Every rule is a function ``rule(ctx) -> Iterator[Relation]`` registered in
:data:`RULES` under a versioned name; each relation carries the sentence it
came from, the surfaces of both ends, the rule and a confidence.  The rules live
in :mod:`graphbuild.extract.relation_rules`, one module per family; this module
only registers them and runs them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from graphbuild.extract.common import EntityIndex
from graphbuild.extract.relation_rules.affiliations import (
    rule_demonym_person,
    rule_party_of,
    rule_person_of,
    rule_poss_appos,
    rule_work_for,
)
from graphbuild.extract.relation_rules.base import Context
from graphbuild.extract.relation_rules.consistency import drop_inconsistent
from graphbuild.extract.relation_rules.frames import rule_frames
from graphbuild.extract.relation_rules.geography import infer_containment, infer_name_home, infer_place_country
from graphbuild.extract.relation_rules.killings import rule_killed
from graphbuild.extract.relation_rules.locations import rule_located_in, rule_place_copula
from graphbuild.extract.relation_rules.organisations import rule_based_in
from graphbuild.extract.relation_rules.paths import rule_dep_path
from graphbuild.extract.relation_rules.premodifiers import (
    rule_kind_of_place,
    rule_org_home,
    rule_party_tag,
    rule_title_premod,
)
from graphbuild.extract.relation_rules.residence import rule_lives_in
from graphbuild.extract.relation_rules.titles import (
    rule_title_appos,
    rule_title_copula,
    rule_title_lead,
    rule_title_of_org,
    rule_title_prefix,
)
from graphbuild.extract.relation_rules.verbs import rule_verbs
from graphbuild.model import DocEntity, Document, Relation

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["INFERENCES", "RULES", "Context", "Inference", "Rule", "extract_relations", "is_inferred"]

Rule = Callable[[Context], Iterator[Relation]]
Inference = Callable[[Context, list[Relation]], Iterator[Relation]]


#: Every relation rule by its versioned name.
RULES: dict[str, Rule] = {
    "graphbuild.title_prefix.v1": rule_title_prefix,
    "graphbuild.title_appos.v1": rule_title_appos,
    "graphbuild.title_of_org.v1": rule_title_of_org,
    "graphbuild.title_lead.v1": rule_title_lead,
    "graphbuild.title_copula.v1": rule_title_copula,
    "graphbuild.title_premod.v1": rule_title_premod,
    "graphbuild.party_tag.v1": rule_party_tag,
    "graphbuild.org_home.v1": rule_org_home,
    "graphbuild.kind_of_place.v1": rule_kind_of_place,
    "graphbuild.place_copula.v1": rule_place_copula,
    "graphbuild.located_in.v1": rule_located_in,
    "graphbuild.based_in.v1": rule_based_in,
    "graphbuild.verbs.v1": rule_verbs,
    "graphbuild.killed.v1": rule_killed,
    "graphbuild.work_for.v1": rule_work_for,
    "graphbuild.lives_in.v1": rule_lives_in,
    "graphbuild.person_of.v1": rule_person_of,
    "graphbuild.demonym_person.v1": rule_demonym_person,
    "graphbuild.frames.v1": rule_frames,
    "graphbuild.poss_appos.v1": rule_poss_appos,
    "graphbuild.party_of.v1": rule_party_of,
    "graphbuild.dep_path.v1": rule_dep_path,
}


#: Steps that run after the rules, in this order, over the relations found so far (each sees the previous
#: steps' output) and add what follows from them: a town's country from the place table, containment chains.
INFERENCES: dict[str, Inference] = {
    "graphbuild.place_country.v1": infer_place_country,
    "graphbuild.name_home.v1": infer_name_home,
    "graphbuild.containment.v1": infer_containment,
}


def is_inferred(rel: Relation) -> bool:
    """Whether ``rel`` was inferred for the whole document by one of :data:`INFERENCES` (at an entity's first
    mention: ``located_in.gazetteer``, ``<relation>.name``, ``<relation>.closure``), not read from a sentence."""
    rule = rel.evidence.rule
    return rule == "located_in.gazetteer" or rule.endswith((".name", ".closure"))


def extract_relations(doc: Doc, document: Document, entities: tuple[DocEntity, ...],
                      index: EntityIndex | None = None) -> tuple[Relation, ...]:
    """All relations of a document, deduplicated per (subject, relation, object, title, sentence)."""
    ctx = Context(doc, index or EntityIndex(doc, entities), document)
    seen: dict[tuple[str, str, str, str | None, int], Relation] = {}
    linked: set[tuple[str, str]] = set()  # pairs a hand-written rule linked: the induced paths only fill gaps
    for rule in RULES.values():
        for rel in rule(ctx):
            if rel.subject == rel.object and rel.relation != "holds_position":
                continue
            pair = (rel.subject, rel.object)
            if not rel.evidence.rule.startswith("dep_path:"):
                linked.add(pair)
            elif pair in linked:
                continue
            key = (rel.subject, rel.relation, rel.object, rel.title, rel.evidence.sentence_start)
            old = seen.get(key)
            if old is None or rel.evidence.confidence > old.evidence.confidence:
                seen[key] = replace(rel, former=True) if old is not None and old.former else rel
            elif rel.former and not old.former:
                seen[key] = replace(old, former=True)
    _drop_covered_posts(seen)
    _one_case_per_post(seen)
    by_key = {e.key: e for e in ctx.index.entities}
    _keep(seen, drop_inconsistent(list(seen.values()), by_key))  # before the closure can spread them
    for infer in INFERENCES.values():
        for rel in list(infer(ctx, list(seen.values()))):
            seen.setdefault((rel.subject, rel.relation, rel.object, rel.title, rel.evidence.sentence_start), rel)
    _keep(seen, drop_inconsistent(list(seen.values()), by_key))
    return tuple(seen[k] for k in sorted(seen, key=lambda k: (k[4], k[0], k[1], k[2], k[3] or "")))


def _keep(seen: dict[tuple[str, str, str, str | None, int], Relation], kept: list[Relation]) -> None:
    """Remove from ``seen`` the relations not in ``kept`` (:func:`drop_inconsistent`)."""
    ids = {id(r) for r in kept}
    for key in [k for k, r in seen.items() if id(r) not in ids]:
        del seen[key]


def _one_case_per_post(seen: dict[tuple[str, str, str, str | None, int], Relation]) -> None:
    """Posts of one person at one body that differ only in case ("US President X" ... "US president X") take
    the case of the first sentence, so they make one edge."""
    first: dict[tuple[str, str, str], str] = {}
    for key in sorted(seen, key=lambda k: k[4]):
        subj, rel, obj, title, _ = key
        if rel == "holds_position" and title:
            first.setdefault((subj, obj, title.lower()), title)
    for key in [k for k in seen if k[1] == "holds_position" and k[3]]:
        subj, rel, obj, title, sent = key
        canon = first[(subj, obj, (title or "").lower())]
        if canon != title:
            old = seen.pop(key)
            new = (subj, rel, obj, canon, sent)
            if new not in seen or old.evidence.confidence > seen[new].evidence.confidence:
                seen[new] = replace(old, title=canon)


def _drop_covered_posts(seen: dict[tuple[str, str, str, str | None, int], Relation]) -> None:
    """A post without organisation (subject == object) that another post of the same person in the same
    sentence already states is dropped: "US Commerce Under-Secretary X" keeps the post in the United States,
    not also "Under-Secretary" alone."""
    posts: dict[tuple[str, int], list[tuple[str, str]]] = {}
    for subj, rel, obj, title, sent in seen:
        if rel == "holds_position" and title:
            posts.setdefault((subj, sent), []).append((obj, title.lower()))
    for key in [k for k in seen if k[1] == "holds_position" and k[0] == k[2] and k[3]]:
        subj, _, _, title, sent = key
        low = (title or "").lower()
        for obj, other in posts.get((subj, sent), []):
            if (obj != subj and (low in other or other in low)) or (obj == subj and other != low and low in other):
                del seen[key]
                break
