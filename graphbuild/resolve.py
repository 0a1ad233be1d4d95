"""Corpus-level entity resolution: one node and one stable id per real entity.

:func:`resolve` reads only :class:`~graphbuild.model.DocResult` records (never
spaCy objects) and joins the per-document entities:

``same-name``     same type and same canonical label (countries: same canonical
                  country; people: same full name) → one entity
``name-variant``  people with the same first and last name ("George W. Bush" / "George Bush")
``initials``      "J. Smith" joins the only full-name Smith whose first name starts with J
``surname``       a document that names only "Smith" joins the only full-name
                  Smith of the corpus, unless that document itself names another Smith

Two people who share a surname but not a first name never merge; a bare
surname that fits several people stays its own node.  Every join is recorded
as a :class:`~graphbuild.model.Merge` on the resulting entity.  The result
does not depend on the order of the documents.
"""

from __future__ import annotations

import hashlib
import logging
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from graphbuild.model import DocEntity, DocResult, Entity, Merge

log = logging.getLogger(__name__)

_NON_SLUG = re.compile(r"[^a-z0-9]+")
_INITIAL = re.compile(r"^[A-Z]\.?$")


def slugify(text: str) -> str:
    """NFKD → ASCII → lower → runs of ``[^a-z0-9]`` as ``-`` (may be empty)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _NON_SLUG.sub("-", ascii_text.lower()).strip("-")


def entity_id(type_: str, label: str) -> str:
    """``<type lower>/<slug>``; a hash of the label when the slug is empty."""
    slug = slugify(label) or "h-" + hashlib.sha1(label.encode("utf-8")).hexdigest()[:12]
    return f"{type_.lower()}/{slug}"


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.replace("\u2019", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.casefold().split())


def _person_parts(label: str) -> tuple[str, str, int] | None:
    """(first, last, token count) of a multi-word person name, else None."""
    toks = label.replace(".", ". ").split()
    toks = [t for t in toks if t.lower() not in {"jr.", "jr", "sr.", "sr"}]
    if len(toks) < 2:
        return None
    return _fold(toks[0]).rstrip("."), _fold(toks[-1]), len(toks)


@dataclass(slots=True)
class _Cluster:
    members: list[tuple[str, DocEntity]] = field(default_factory=list)
    joins: list[Merge] = field(default_factory=list)


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[tuple[str, str], tuple[str, str]] = {}

    def find(self, x: tuple[str, str]) -> tuple[str, str]:
        self.parent.setdefault(x, x)
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: tuple[str, str], b: tuple[str, str]) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # the smaller root wins: independent of the order of calls
            lo, hi = sorted((ra, rb))
            self.parent[hi] = lo


def _key_order(k: str) -> tuple[int, str]:
    return (int(k[1:]), k) if k[1:].isdigit() else (1 << 30, k)


def resolve(results: Iterable[DocResult]) -> tuple[list[Entity], dict[tuple[str, str], str]]:
    """Corpus entities (sorted by id) and the map ``(doc id, DocEntity.key) -> entity id``."""
    items: dict[tuple[str, str], DocEntity] = {}
    for res in results:
        for ent in res.entities:
            items[(res.doc.id, ent.key)] = ent
    order = sorted(items, key=lambda k: (k[0], _key_order(k[1])))
    uf = _UnionFind()
    why: dict[tuple[str, str], tuple[str, str]] = {}  # member -> (rule, evidence) of its join

    # 1. same type + same canonical label
    by_name: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for k in order:
        e = items[k]
        by_name[(e.type, _fold(e.label))].append(k)
        uf.find(k)
    for (typ, name), ks in by_name.items():
        for k in ks[1:]:
            uf.union(ks[0], k)
            why.setdefault(k, ("same-name", f"same {typ} name {name!r}"))

    # 2. people: name variants, initials, surnames
    full_by_fl: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)
    initial_people: list[tuple[str, str]] = []
    single_people: list[tuple[str, str]] = []
    doc_full_surnames: dict[str, set[str]] = defaultdict(set)
    for k in order:
        e = items[k]
        if e.type != "Person":
            continue
        parts = _person_parts(e.label)
        if parts is None:
            single_people.append(k)
            continue
        first, last, _ = parts
        doc_full_surnames[k[0]].add(last)
        if len(first) == 1:
            initial_people.append(k)
        else:
            full_by_fl[(first, last)].add(k)
    for (first, last), fks in sorted(full_by_fl.items()):
        srt = sorted(fks, key=lambda k: (k[0], _key_order(k[1])))
        for k in srt[1:]:
            if uf.find(k) != uf.find(srt[0]):
                uf.union(srt[0], k)
                why.setdefault(k, ("name-variant", f"same first and last name ({first} {last})"))
    # clusters of full-name people by surname
    surname_clusters: dict[str, set[tuple[str, str]]] = defaultdict(set)
    first_of_cluster: dict[tuple[str, str], set[str]] = defaultdict(set)
    for (first, last), fks in full_by_fl.items():
        for k in fks:
            root = uf.find(k)
            surname_clusters[last].add(root)
            first_of_cluster[root].add(first)
    for k in initial_people:
        parts = _person_parts(items[k].label)
        assert parts is not None
        initial, last, _ = parts
        fits = sorted(
            r for r in surname_clusters.get(last, set()) if any(f.startswith(initial) for f in first_of_cluster[r])
        )
        if len(fits) == 1 and uf.find(k) != fits[0]:
            uf.union(fits[0], k)
            why.setdefault(k, ("initials", f"{items[k].label!r}: the only full name with surname and initial"))
    for k in single_people:
        surname = _fold(items[k].label)
        fits = sorted(surname_clusters.get(surname, set()))
        if len(fits) != 1:
            if len(fits) > 1:
                log.debug("%s: %r fits %d people, kept apart", k[0], items[k].label, len(fits))
            continue
        if surname in doc_full_surnames.get(k[0], set()):
            continue  # the document names someone else with that surname
        if uf.find(k) != uf.find(fits[0]):
            uf.union(fits[0], k)
            why.setdefault(k, ("surname", f"{items[k].label!r}: the only full-name person with that surname"))

    # 3. build entities
    clusters: dict[tuple[str, str], _Cluster] = defaultdict(_Cluster)
    for k in order:
        clusters[uf.find(k)].members.append((k[0], items[k]))
    built: list[tuple[tuple[str, str], Entity]] = []
    for root in sorted(clusters):
        members = clusters[root].members
        first_ent = members[0][1]
        label = _cluster_label([e for _, e in members])
        mentions = tuple(
            sorted(((d, m) for d, e in members for m in e.mentions), key=lambda x: (x[0], x[1].start, x[1].end))
        )
        aliases = {a for _, e in members for a in (e.label, *e.aliases)}
        aliases.discard(label)
        merges: list[Merge] = [m for _, e in members for m in e.merges]
        for d, e in members:
            k = (d, e.key)
            if k in why:
                rule, ev = why[k]
                merges.append(Merge(rule, e.label, label, d, ev))
        wikidata = next((e.wikidata for _, e in members if e.wikidata), None)
        built.append(
            (root, Entity("", label, first_ent.type, tuple(sorted(aliases)), mentions, tuple(merges), wikidata))
        )

    # 4. ids: type/slug; colliding entities after the first get a short hash suffix
    by_id: dict[str, list[tuple[tuple[str, str], Entity]]] = defaultdict(list)
    for root, cent in built:
        by_id[entity_id(cent.type, cent.label)].append((root, cent))
    entities: list[Entity] = []
    id_of_root: dict[tuple[str, str], str] = {}
    for base, group in by_id.items():
        group.sort(key=lambda x: (x[1].label, x[0]))
        for i, (root, cent) in enumerate(group):
            nid = base
            if i:
                digest = hashlib.sha1(f"{cent.label}\x1f{root[0]}\x1f{root[1]}".encode()).hexdigest()[:8]
                nid = f"{base}-{digest}"
                log.debug("id %s taken: %r gets %s", base, cent.label, nid)
            id_of_root[root] = nid
            entities.append(replace(cent, id=nid))
    entity_of = {k: id_of_root[uf.find(k)] for k in order}
    entities.sort(key=lambda e: e.id)
    return entities, entity_of


def _cluster_label(ents: list[DocEntity]) -> str:
    """Longest full name for people; else the most used label (ties: alphabetical)."""
    counts: dict[str, int] = defaultdict(int)
    for e in ents:
        counts[e.label] += 1
    if ents[0].type == "Person":
        return min(counts, key=lambda s: (-len(s.split()), -counts[s], s))
    return min(counts, key=lambda s: (-counts[s], s))
