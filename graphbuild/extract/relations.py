"""Relations between entities of one document, by named rules over tokens and the parse.

Every rule is a function ``rule(ctx) -> Iterator[Relation]`` registered in
:data:`RULES` under a versioned name; each relation carries the sentence it
came from, the surfaces of both ends, the rule and a confidence.  The rules live
in :mod:`graphbuild.extract.relation_rules`, one module per family; this module
only registers them and runs them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
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
from graphbuild.extract.relation_rules.frames import rule_frames
from graphbuild.extract.relation_rules.killings import rule_killed
from graphbuild.extract.relation_rules.locations import rule_located_in
from graphbuild.extract.relation_rules.organisations import rule_based_in
from graphbuild.extract.relation_rules.paths import rule_dep_path
from graphbuild.extract.relation_rules.residence import rule_lives_in
from graphbuild.extract.relation_rules.titles import rule_title_appos, rule_title_copula, rule_title_of_org, rule_title_prefix
from graphbuild.extract.relation_rules.verbs import rule_verbs
from graphbuild.model import DocEntity, Document, Relation

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["RULES", "Context", "Rule", "extract_relations"]

Rule = Callable[[Context], Iterator[Relation]]


#: Every relation rule by its versioned name.
RULES: dict[str, Rule] = {
    "graphbuild.title_prefix.v1": rule_title_prefix,
    "graphbuild.title_appos.v1": rule_title_appos,
    "graphbuild.title_of_org.v1": rule_title_of_org,
    "graphbuild.title_copula.v1": rule_title_copula,
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
                seen[key] = rel
    return tuple(seen[k] for k in sorted(seen, key=lambda k: (k[4], k[0], k[1], k[2], k[3] or "")))
