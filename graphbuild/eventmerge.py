"""Cross-document event merge: one node for a happening that several articles report.

Extraction reads each document on its own, so a summit reported by three
articles is three events.  After entity resolution, :func:`merge_events`
joins events of *different* documents that share a strong key:

``cross-doc.type-arg-date``  the same event type and status, the same anchored
                             day (``time`` a full ``YYYY-MM-DD`` date) and the
                             same resolved entity in a core role (agent,
                             participant or target)

``cross-doc.type-arg-date+topic``  a Statement needs more: one speaker says many
                             things in a day ("the China Daily said on Saturday" that Dow
                             will invest, and that plastic boxes are banned), so two statements
                             join only when what their sentences and quotes say shares at least
                             half of the smaller one's content words (and three words)

An event without a full date, or with no core argument, is never merged
across documents; a planned meeting never joins a held one (the status is
part of the key).  Events join through any key they share with an event of
another document (union-find over the keys, so the cost is linear in the
events: no pairwise comparison), and a key that only one document gives joins
nothing.

A merged event is one node whose id is derived from the smallest key that
joined it (``event/<hash>``, stable while that key stays in the cluster; a
Statement's also from its first member, as one speaker's day can hold
several merged statements); its
first member (smallest document id, then trigger offset) gives its label,
trigger and document (``doc``), and it lists every document (``docs``), every
sentence (``evidence``) and one merge record per other member (``merges``:
rule, document, the member's own event id, trigger, offsets, the key and a
sentence-long explanation), like an entity's merges.  The result does not
depend on the order of the documents.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Final

from graphbuild.model import DocResult, Event

#: The rule name recorded on every cross-document event merge.
RULE: Final = "cross-doc.type-arg-date"
#: The rule of a Statement's merge: the speaker and day, and what is said (see :func:`_same_topic`).
STATEMENT_RULE: Final = "cross-doc.type-arg-date+topic"
#: Types whose events also need a shared topic: one speaker says many things in one day.
TOPIC_TYPES: Final = frozenset({"Statement"})
#: Two statements share a topic when this share of the smaller one's content words is in both, and
#: at least :data:`TOPIC_MIN_WORDS` words.
TOPIC_SHARE: Final = 0.5
TOPIC_MIN_WORDS: Final = 3
#: A statement is compared with at most this many later statements of its key (documents in id order), so a
#: speaker quoted by thousands of articles on one day costs linear time.
TOPIC_WINDOW: Final = 64
_WORD = re.compile(r"[^\W\d_][\w'-]{3,}")
_STOP: Final = frozenset({
    "about", "above", "according", "added", "after", "again", "against", "also", "although", "among",
    "another", "around", "because", "been", "before", "being", "between", "both", "came", "come", "could",
    "days", "does", "doing", "down", "during", "each", "even", "every", "from", "further", "going", "have",
    "having", "here", "into", "itself", "just", "last", "later", "like", "made", "make", "many", "more",
    "most", "much", "must", "next", "only", "other", "over", "said", "same", "says", "saying", "should",
    "since", "some", "still", "such", "than", "that", "their", "them", "then", "there", "these", "they",
    "this", "those", "told", "through", "under", "until", "very", "want", "week", "weeks", "well", "were",
    "what", "when", "where", "which", "while", "will", "with", "within", "without", "would", "year", "years",
    "yesterday", "today", "tomorrow", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
    "sunday", "month", "months", "time", "statement",
})
#: Roles whose entity can join events across documents (a place or destination alone never does).
CORE_ROLES: Final = frozenset({"agent", "participant", "target"})
_DAY: Final = re.compile(r"\d{4}-\d{2}-\d{2}")

Member = tuple[str, str]  # (doc id, Event.key)


@dataclass(frozen=True, slots=True)
class EventMerge:
    """Why one document's event was taken to be the same happening as another document's (for auditing)."""

    rule: str
    doc: str
    event: str  # the event's own id in its document (what it would be without the merge)
    trigger: str
    start: int
    end: int
    key: str  # "<type>|<status>|<date>|<entity id>"
    evidence: str = ""

    def as_dict(self) -> dict[str, object]:
        return {
            "rule": self.rule,
            "doc": self.doc,
            "event": self.event,
            "trigger": self.trigger,
            "start": self.start,
            "end": self.end,
            "key": self.key,
            "evidence": self.evidence,
        }


@dataclass(frozen=True, slots=True)
class MergedEvent:
    """One cross-document event: its node id, its members (the first one leads) and the merge records."""

    id: str
    members: tuple[Member, ...]
    merges: tuple[EventMerge, ...]

    @property
    def doc(self) -> str:
        """The document of the first member (the node's ``doc``)."""
        return self.members[0][0]

    @property
    def docs(self) -> list[str]:
        """Every document that tells the event, sorted."""
        return sorted({d for d, _ in self.members})


@dataclass(slots=True)
class EventMerges:
    """The cross-document merges of a corpus: which events became which merged node."""

    node_of: dict[Member, str] = field(default_factory=dict)
    merged: dict[str, MergedEvent] = field(default_factory=dict)

    def node_id(self, doc: str, evt: Event) -> str:
        """The node id of ``doc``'s event ``evt``: its merged node's, else its own."""
        nid = self.node_of.get((doc, evt.key))
        return nid if nid is not None else event_node_id(doc, evt.start, evt.end, evt.event_type)

    def owned_by(self, doc: str, evt: Event) -> bool:
        """Whether ``doc`` holds the node of ``evt``: always, unless it joined a node another event leads."""
        nid = self.node_of.get((doc, evt.key))
        return nid is None or self.merged[nid].members[0] == (doc, evt.key)


def event_node_id(doc: str, start: int, end: int, event_type: str) -> str:
    """Deterministic id of one document's event, from its document, trigger offsets and type."""
    digest = hashlib.sha1(f"{doc}\x1f{start}\x1f{end}\x1f{event_type}".encode()).hexdigest()[:16]
    return f"event/{digest}"


def merged_event_id(key: str) -> str:
    """The node id of a merged event named by its key (never one of a single document's event ids)."""
    return "event/" + hashlib.sha1(f"cross-doc\x1f{key}".encode()).hexdigest()[:16]


def event_keys(evt: Event, entity_of: Mapping[tuple[str, str], str], doc: str) -> list[tuple[str, str, str]]:
    """The merge keys of one event as ``(key, role, entity id)``, sorted; none without a full date."""
    if not evt.time or not _DAY.fullmatch(evt.time):
        return []
    out: set[tuple[str, str, str]] = set()
    for arg in evt.arguments:
        if arg.role not in CORE_ROLES:
            continue
        ent = entity_of.get((doc, arg.entity))
        if ent is None:
            continue
        out.add((f"{evt.event_type}|{evt.status}|{evt.time}|{ent}", arg.role, ent))
    return sorted(out)


def _topic(evt: Event, skip: frozenset[str]) -> frozenset[str]:
    """The content words of what an event's sentences (and quote) say, without the words of ``skip``."""
    text = " ".join([evt.quote or "", *(e.sentence for e in evt.evidence)])
    return frozenset(w for w in (m.group(0).casefold() for m in _WORD.finditer(text)) if w not in _STOP and w not in skip)


def _same_topic(a: frozenset[str], b: frozenset[str]) -> int:
    """How many content words two statements share when that is enough to call them one (else 0)."""
    common = len(a & b)
    small = min(len(a), len(b))
    return common if small and common >= TOPIC_MIN_WORDS and common >= TOPIC_SHARE * small else 0


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[Member, Member] = {}

    def find(self, x: Member) -> Member:
        self.parent.setdefault(x, x)
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: Member, b: Member) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            lo, hi = sorted((ra, rb))
            self.parent[hi] = lo


def merge_events(
    results: Iterable[DocResult],
    entity_of: Mapping[tuple[str, str], str],
    labels: Mapping[str, str] | None = None,
) -> EventMerges:
    """The cross-document event merges of a corpus (see the module docstring).

    ``entity_of`` maps ``(doc id, DocEntity.key)`` to corpus entity ids
    (:func:`graphbuild.resolve.resolve`); ``labels`` maps entity ids to labels,
    for the merge records' explanations.
    """
    events: dict[Member, Event] = {}
    keys_of: dict[Member, list[tuple[str, str, str]]] = {}
    bucket: dict[str, list[Member]] = defaultdict(list)
    for res in sorted(results, key=lambda r: r.doc.id):
        d = res.doc.id
        for evt in res.events:
            keys = event_keys(evt, entity_of, d)
            if not keys:
                continue
            m = (d, evt.key)
            events[m] = evt
            keys_of[m] = keys
            for key, _, _ in keys:
                bucket[key].append(m)
    uf = _UnionFind()
    joining: set[str] = set()  # keys that joined events of at least two documents
    joined_by: dict[tuple[Member, str], tuple[Member, int]] = {}  # (member, key) -> a member of another document
    names = labels or {}
    for key, members in bucket.items():
        if len({d for d, _ in members}) < 2:
            continue
        etype, _, _, ent = key.split("|", 3)
        if etype not in TOPIC_TYPES:
            joining.add(key)
            for m in members[1:]:
                uf.union(members[0], m)
            continue
        # a statement joins another document's statement by the same speaker on the same day only when they
        # say the same thing (pairs inside one key's bucket, a speaker's statements of one day: a handful;
        # at most TOPIC_WINDOW later ones each)
        skip = frozenset(w.casefold() for w in _WORD.findall(names.get(ent, "")))
        topics = {m: _topic(events[m], skip) for m in members}
        for i, m in enumerate(members):
            for other in members[i + 1 : i + 1 + TOPIC_WINDOW]:
                if other[0] == m[0]:
                    continue
                common = _same_topic(topics[m], topics[other])
                if common:
                    joining.add(key)
                    uf.union(m, other)
                    joined_by.setdefault((other, key), (m, common))
                    joined_by.setdefault((m, key), (other, common))
    clusters: dict[Member, list[Member]] = defaultdict(list)
    for m in events:
        if m in uf.parent:
            clusters[uf.find(m)].append(m)
    out = EventMerges()
    for members in clusters.values():
        members.sort(key=lambda m: (m[0], events[m].start, events[m].end, m[1]))
        docs = sorted({d for d, _ in members})
        if len(docs) < 2:  # pragma: no cover - a joining key always spans two documents
            continue
        cluster_keys = sorted({k for m in members for k, _, _ in keys_of[m] if k in joining})
        lead = events[members[0]]
        if lead.event_type in TOPIC_TYPES:  # one key can hold several statements' clusters (one per topic)
            nid = merged_event_id(f"{cluster_keys[0]}\x1f{members[0][0]}\x1f{lead.start}")
        else:
            nid = merged_event_id(cluster_keys[0])
        records = []
        for m in members[1:]:
            d, _ = m
            evt = events[m]
            key, role, ent = next(
                (k, r, e) for k, r, e in keys_of[m] if k in joining and (evt.event_type not in TOPIC_TYPES
                                                                          or (m, k) in joined_by)
            )
            topic = ""
            if evt.event_type in TOPIC_TYPES:
                partner, common = joined_by[(m, key)]
                others = [partner[0]]
                topic = f" and {common} words of what is said"
            else:
                others = sorted({od for od, _ in bucket[key] if od != d})
            shown = ", ".join(others[:3]) + (f" and {len(others) - 3} more" if len(others) > 3 else "")
            records.append(
                EventMerge(
                    rule=STATEMENT_RULE if evt.event_type in TOPIC_TYPES else RULE,
                    doc=d,
                    event=event_node_id(d, evt.start, evt.end, evt.event_type),
                    trigger=evt.trigger,
                    start=evt.start,
                    end=evt.end,
                    key=key,
                    evidence=(
                        f"{evt.event_type} ({evt.status}) on {evt.time} with {names.get(ent, ent)} as {role}"
                        f"{topic}, as in {shown}"
                    ),
                )
            )
        merged = MergedEvent(nid, tuple(members), tuple(records))
        out.merged[nid] = merged
        for m in members:
            out.node_of[m] = nid
    return out
