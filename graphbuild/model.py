"""Records passed between the pipeline stages.

Every record is a small frozen dataclass holding strings, numbers and tuples:
no spaCy objects ever leave :mod:`graphbuild.extract`.  Character offsets are
code-point offsets into the document text as read (NFC-normalised by
:mod:`graphbuild.sources`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final

#: Entity types the graph knows (the scorer's contract).
ENTITY_TYPES: Final = ("Person", "Country", "Place", "Organization")
#: An unnamed group of people taking part in an event ("protesters", "three soldiers"): an event argument only,
#: one per document and noun, never a relation endpoint (see extract.event_groups).
GROUP_TYPE: Final = "Group"

#: Event types (../shared/eval/README.md).
EVENT_TYPES: Final = (
    "Travel",
    "Meet",
    "Statement",
    "Request",
    "Attack",
    "Support",
    "Agreement",
    "Sanction",
    "Transfer",
    "Personnel",
    "Death",
    "Protest",
    "Other",
)

#: Entity-to-entity relation names.
RELATION_NAMES: Final = (
    "holds_position",
    "affiliated_with",
    "located_in",
    "based_in",
    "lives_in",
    "killed",
)

#: Whether an event happened, as the text tells it.
EVENT_STATUSES: Final = ("reported", "planned", "negated", "hypothetical")

#: Event argument roles.
EVENT_ROLES: Final = (
    "agent",
    "participant",
    "target",
    "place",
    "origin",
    "destination",
    "time",
)


@dataclass(frozen=True, slots=True)
class Document:
    """One input article."""

    id: str
    text: str
    title: str | None = None
    date: str | None = None  # ISO 8601 date (YYYY-MM-DD) when known
    url: str | None = None
    source: str = ""  # file (and line) it was read from, for messages


@dataclass(frozen=True, slots=True)
class Mention:
    """One occurrence of an entity in a document."""

    start: int
    end: int
    text: str
    sentence_start: int
    sentence_end: int
    rule: str = "ner"  # the rule that produced or retyped this mention
    kind: str = "name"  # "name", or "demonym": a word for the entity's people or members ("Russian", "Tory")


@dataclass(frozen=True, slots=True)
class Merge:
    """Why two names were taken to be the same entity (for auditing)."""

    rule: str
    alias: str
    canonical: str
    doc: str
    evidence: str = ""


@dataclass(frozen=True, slots=True)
class DocEntity:
    """An entity as resolved inside one document.

    ``key`` is local to the document (``"e0"``, ``"e1"``...); relations and
    events of the same document refer to entities by it.
    """

    key: str
    label: str
    type: str
    mentions: tuple[Mention, ...]
    aliases: tuple[str, ...] = ()
    merges: tuple[Merge, ...] = ()
    wikidata: str | None = None  # Q-id from an offline table, when certain


@dataclass(frozen=True, slots=True)
class Evidence:
    """The sentence supporting one fact (the graph.json ``evidence`` record)."""

    doc: str
    sentence_start: int
    sentence_end: int
    subject_text: str
    object_text: str
    rule: str
    confidence: float
    sentence: str = ""  # the sentence text, for display and RDF provenance


@dataclass(frozen=True, slots=True)
class Relation:
    """A typed edge between two entities of the same document."""

    subject: str  # DocEntity.key
    relation: str
    object: str  # DocEntity.key
    evidence: Evidence
    title: str | None = None  # for holds_position
    former: bool = False  # a past post or affiliation ("former", "ex-", "outgoing", "then")


@dataclass(frozen=True, slots=True)
class Argument:
    """One argument of an event."""

    role: str
    entity: str  # DocEntity.key
    text: str  # surface text in the supporting sentence
    evidence: Evidence | None = None  # the sentence that links it, when not the event's own


@dataclass(frozen=True, slots=True)
class Event:
    """An event read from one document, with its arguments."""

    key: str  # local to the document ("v0", "v1"...)
    event_type: str
    trigger: str  # trigger surface text (lemma-ish label of the event)
    start: int  # trigger offsets
    end: int
    arguments: tuple[Argument, ...]
    evidence: tuple[Evidence, ...]
    time: str | None = None  # xsd:date (YYYY-MM-DD), or YYYY-MM / YYYY for a month or year; None when unknown
    time_text: str | None = None  # surface form of the time expression
    quote: str | None = None  # quoted speech for Statement events
    rule: str = ""
    confidence: float = 0.5
    mentions: tuple[tuple[int, int, str], ...] = field(default=())  # other trigger mentions
    status: str = "reported"  # reported | planned | negated | hypothetical (see extract.event_status)
    label: str = ""  # readable label ("Russia attacks Pokrovsk"); empty: "<type>: <trigger>"


@dataclass(frozen=True, slots=True)
class DocResult:
    """Everything extracted from one document."""

    doc: Document
    entities: tuple[DocEntity, ...]
    relations: tuple[Relation, ...]
    events: tuple[Event, ...]
    extractor_version: str = ""


@dataclass(frozen=True, slots=True)
class Entity:
    """A corpus-level entity: one node, one IRI."""

    id: str  # node id, also the IRI path under the base ("person/antony-blinken")
    label: str
    type: str
    aliases: tuple[str, ...]
    mentions: tuple[tuple[str, Mention], ...]  # (doc id, mention)
    merges: tuple[Merge, ...] = ()
    wikidata: str | None = None
