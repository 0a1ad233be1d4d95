"""Mention kinds (name or demonym), spelling variants, cross-article guards for short ambiguous names."""

from __future__ import annotations

import pytest

from graphbuild.extract.entities import extract_entities
from graphbuild.graph import mention_dict
from graphbuild.model import Mention

from .test_entities import find, mkdoc


@pytest.mark.parametrize(
    ("text", "label", "surface", "kind"),
    [
        ("Russian aggression grew .", "Russia", "Russian", "demonym"),
        ("They killed Ukrainians .", "Ukraine", "Ukrainians", "demonym"),
        ("Russia said no .", "Russia", "Russia", "name"),
        ("A Tory minister resigned .", "Conservative Party", "Tory", "demonym"),
        ("Republicans voted against it .", "Republican Party", "Republicans", "demonym"),
        ("The Conservatives won .", "Conservative Party", "Conservatives", "name"),
        ("The GOP won .", "Republican Party", "GOP", "name"),
    ],
)
def test_mention_kind(text: str, label: str, surface: str, kind: str) -> None:
    """A nationality or party-member word is a demonym mention of its entity, not a name mention."""
    doc, d = mkdoc(text)
    ent = find(extract_entities(doc, d), label)
    assert [(m.text, m.kind) for m in ent.mentions] == [(surface, kind)]


def test_mention_kind_in_graph_json() -> None:
    """graph.json mentions carry their kind."""
    assert mention_dict("d", Mention(0, 7, "Russian", 0, 20, "demonym", "demonym"))["kind"] == "demonym"
    assert mention_dict("d", Mention(0, 6, "Russia", 0, 20))["kind"] == "name"
