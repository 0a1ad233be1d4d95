"""Corpus-level entity resolution: one node and one stable id per real entity.

:func:`resolve` reads only :class:`~graphbuild.model.DocResult` records (never
spaCy objects) and joins the per-document entities:

``same-name``     same type and same canonical label (countries: same canonical
                  country; people: same full name) → one entity
``name-variant``  people with the same first and last name ("George W. Bush" / "George Bush")
``initials``      "J. Smith" joins the only full-name Smith whose first name starts with J
``surname``       a document that names only "Smith" joins the only full-name
                  Smith of the corpus, unless that document itself names another Smith
``surname.dominant``  a document that names only "Blair" joins the full-name Blair
                  who dominates the surname: found in at least :data:`DOMINANCE`
                  times as many documents as all other compatible Blairs together

A generic organisation named without its country ("Treasury", "Finance Ministry", see
:mod:`graphbuild.generic_names`) is never joined across documents: the entity layer writes the
country into the label when the text gives it ("Treasury (United Kingdom)"), and only such
qualified labels join by ``same-name``.  A one-word organisation name joins another document's only when both
show it in the same role (:func:`org_role`: newspaper, team, company, or neither): "Sun" beside "newspaper" is
not "Sun" after "the computer firm"; names the organisation tables know ("Reuters") join in any role.

A club's shared last word alone ("United", "City", :data:`_CLUB_TAILS`) never joins across documents.

Honorifics are evidence against a join: a surname written "Mr Blair" never
joins a person written "Mrs/Ms ..." (and the reverse).  A name after a royal
title ("Prince Charles") is a given name: it never joins a same-surname person
(Ray Charles), only the same title and name in other documents.

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
from typing import Final

from graphbuild.extract.entity_steps.orgcues import LONE_GENERIC_WORDS
from graphbuild.extract.entity_steps.sexes import sex_of as name_sex
from graphbuild.generic_names import is_generic
from graphbuild.model import GROUP_TYPE, DocEntity, DocResult, Entity, Merge

log = logging.getLogger(__name__)

_NON_SLUG = re.compile(r"[^a-z0-9]+")
_INITIAL = re.compile(r"^[A-Z]\.?$")
#: A dominant full name needs this many times the documents of all other same-surname people together.
DOMINANCE: Final = 3
_MALE: Final = frozenset({"mr", "sir", "lord"})
_FEMALE: Final = frozenset({"mrs", "ms", "miss", "lady", "dame", "baroness"})
_HONORIFIC_BEFORE = re.compile(r"\b(Mr|Mrs|Ms|Miss|Sir|Lord|Lady|Dame|Baroness)\.? +$")
#: Last words many clubs share ("United" is Manchester, Leeds or Sheffield United): alone, never joined across
#: documents (the entity layer joins them to the full name the document gives).
_CLUB_TAILS: Final = frozenset({"United", "City", "Rovers", "Athletic", "Albion", "Town", "County", "Wanderers",
                                "Hotspur", "Argyle", "Orient", "Wednesday", "Forest"})
#: Titles written before a given name ("Prince Charles", "Pope John Paul"), never before a surname.
_ROYAL_BEFORE = re.compile(r"\b(King|Queen|Prince|Princess|Duke|Duchess|Emperor|Empress|Pope|Sheikh|Tsar|Czar) +$")


def slugify(text: str) -> str:
    """NFKD → ASCII → lower → runs of ``[^a-z0-9]`` as ``-`` (may be empty)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _NON_SLUG.sub("-", ascii_text.lower()).strip("-")


def entity_id(type_: str, label: str) -> str:
    """``<type lower>/<slug>``; a hash of the label when the slug is empty."""
    slug = slugify(label) or "h-" + hashlib.sha1(label.encode("utf-8")).hexdigest()[:12]
    return f"{type_.lower()}/{slug}"


_FOLDED: dict[str, str] = {}


#: Mention rules that tell what kind of organisation a name is in its document.
_ROLE_RULES: Final = (("press", "press"), ("sports", "team"), ("company-", "company"))


def org_role(ent: DocEntity) -> str:
    """What a document shows an organisation to be: ``press`` (a newspaper or agency beside its cue), ``team``
    (a sports rule typed it), ``company`` (a company suffix or cue), or ``""`` when its rules do not say."""
    rules = {m.rule for m in ent.mentions}
    for prefix, role in _ROLE_RULES:
        if any(r.startswith(prefix) for r in rules):
            return role
    return ""


def _table_org(label: str) -> bool:
    """Whether the organisation tables name ``label`` (one organisation whatever the role: "Reuters", "BBC")."""
    from graphbuild.gazetteer import gazetteer

    hit = gazetteer().lookup(label, folded=True)  # "REUTERS" in a headline too
    return hit is not None and hit.type == "Organization"


def _fold(text: str) -> str:
    hit = _FOLDED.get(text)
    if hit is None:
        norm = unicodedata.normalize("NFKD", text.replace("\u2019", "'"))
        norm = "".join(c for c in norm if not unicodedata.combining(c))
        hit = " ".join(norm.casefold().split())
        if len(_FOLDED) > 200_000:
            _FOLDED.clear()
        _FOLDED[text] = hit
    return hit


def _sex_evidence(text: str, ent: DocEntity) -> tuple[int, int, bool]:
    """(male, female) honorific counts before the entity's mentions, and whether a full name follows "Mrs/Ms"."""
    male = female = 0
    female_full = False
    for m in ent.mentions:
        hit = _HONORIFIC_BEFORE.search(text, max(0, m.start - 10), m.start) if m.start <= len(text) else None
        if hit is None:
            continue
        word = hit.group(1).lower()
        if word in _MALE:
            male += 1
        elif word in _FEMALE:
            female += 1
            female_full = female_full or len(m.text.split()) > 1
    return male, female, female_full


def _royal_title(text: str, ent: DocEntity) -> str:
    """The royal title written before a one-word person's mentions ("Prince" of "Prince Harry ... Harry"), or ""
    (the most frequent one when several are)."""
    seen: dict[str, int] = defaultdict(int)
    for m in ent.mentions:
        hit = _ROYAL_BEFORE.search(text, max(0, m.start - 10), m.start) if m.start <= len(text) else None
        if hit:
            seen[hit.group(1)] += 1
    return max(seen, key=lambda t: (seen[t], t)) if seen else ""


def _sex_compatible(male: int, female: int, cluster: list[int] | None) -> bool:
    """Whether honorifics allow a bare surname (``male``/``female`` counts) to join a full-name cluster."""
    if cluster is None or male == female:
        return True
    c_male, c_female, c_female_full = cluster
    if male > female:
        return not c_female_full and c_female <= c_male
    return c_male <= c_female


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


Key = tuple[str, str]  # (doc id, DocEntity.key)
Sex = tuple[int, int, bool, str]  # honorific evidence of a person: male, female, "Mrs" + full name, royal title


def resolve(results: Iterable[DocResult]) -> tuple[list[Entity], dict[tuple[str, str], str]]:
    """Corpus entities (sorted by id) and the map ``(doc id, DocEntity.key) -> entity id``."""
    return Resolution(results).result()


def _items(results: Iterable[DocResult]) -> tuple[dict[Key, DocEntity], dict[Key, Sex]]:
    items: dict[Key, DocEntity] = {}
    sex: dict[Key, Sex] = {}
    for res in results:
        for ent in res.entities:
            items[(res.doc.id, ent.key)] = ent
            if ent.type == "Person":
                royal = _royal_title(res.doc.text, ent) if len(ent.label.split()) == 1 else ""
                evid = (*_sex_evidence(res.doc.text, ent), royal)
                if evid != (0, 0, False, ""):
                    sex[(res.doc.id, ent.key)] = evid
    return items, sex


def _order(items: Iterable[Key]) -> list[Key]:
    return sorted(items, key=lambda k: (k[0], _key_order(k[1])))


def _family(ent: DocEntity) -> tuple[tuple[str, str], ...]:
    """The names through which resolution can join ``ent`` with other entities.

    Two entities can only end up in one cluster, or change each other's
    cluster, when they are linked by a chain of shared names: a type and
    folded label, or a person's folded full name and surname (a bare
    surname is its own).  So resolution runs on each connected family on
    its own with the same result, which :class:`Resolution` uses to take
    new documents without resolving the corpus again.
    """
    if ent.type == "Person":
        parts = _person_parts(ent.label)
        if parts is None:
            return (("S", _fold(ent.label)),)
        return (("P", _fold(ent.label)), ("S", parts[1]))
    return ((ent.type, _fold(ent.label)),)


class Resolution:
    """The resolution of a corpus that can take more documents at the cost of the families they touch.

    ``Resolution(results).result()`` is :func:`resolve`; ``add(more)`` then
    re-resolves only the families (see :func:`_family`) of ``more``'s
    entities, and ``result()`` equals ``resolve([*results, *more])``.
    """

    def __init__(self, results: Iterable[DocResult]) -> None:
        self.items, self.sex = _items(results)
        built, self.root_of = _cluster(self.items, self.sex)
        self.built: dict[Key, tuple[Entity, str]] = dict(built)
        self._families: _UnionFind | None = None
        self._members: dict[tuple[str, str], list[Key]] = {}  # family root -> its items

    def _family_index(self) -> _UnionFind:
        if self._families is None:
            uf = _UnionFind()
            first: dict[Key, tuple[str, str]] = {}
            for k, ent in self.items.items():
                names = _family(ent)
                first[k] = names[0]
                for name in names[1:]:
                    uf.union(names[0], name)
            members: dict[tuple[str, str], list[Key]] = defaultdict(list)
            for k, name in first.items():
                members[uf.find(name)].append(k)
            self._families, self._members = uf, dict(members)
        return self._families

    def prepare(self) -> None:
        """Index the families now (done anyway by the first :meth:`add`)."""
        self._family_index()

    def add(self, results: Iterable[DocResult]) -> None:
        """Take the entities of ``results`` (documents not yet in this resolution)."""
        items, sex = _items(results)
        if not items:
            return
        if items.keys() & self.items.keys():
            raise ValueError("documents already resolved")
        uf = self._family_index()
        members: list[Key] = []
        for k, ent in items.items():
            names = _family(ent)
            for name in names:  # every family the new entity joins, merged into one
                root = uf.find(name)
                members.extend(self._members.pop(root, ()))
            for name in names[1:]:
                uf.union(names[0], name)
            members.append(k)
            self._members.setdefault(uf.find(names[0]), [])
        self.items.update(items)
        self.sex.update(sex)
        for k in members:
            self._members[uf.find(_family(self.items[k])[0])].append(k)
            self.built.pop(k, None)
        sub = {k: self.items[k] for k in members}
        built, root_of = _cluster(sub, {k: self.sex[k] for k in members if k in self.sex})
        self.built.update(built)
        self.root_of.update(root_of)

    def result(self) -> tuple[list[Entity], dict[tuple[str, str], str]]:
        """Corpus entities (sorted by id) and the map ``(doc id, DocEntity.key) -> entity id``."""
        return _finish(self.built, self.root_of, self.items)


def _cluster(
    items: dict[Key, DocEntity], sex: dict[Key, Sex]
) -> tuple[list[tuple[Key, tuple[Entity, str]]], dict[Key, Key]]:
    """Steps 1-3 of resolution over ``items``: clusters as (root, (entity without id, base id)), and each item's root."""
    order = _order(items)
    uf = _UnionFind()
    why: dict[tuple[str, str], tuple[str, str]] = {}  # member -> (rule, evidence) of its join

    # 1. same type + same canonical label (bare one-word person names wait until step 2 is done:
    #    each document's "Blair" is resolved on its own evidence before identical leftovers join)
    by_name: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    bare_by_name: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for k in order:
        e = items[k]
        uf.find(k)
        if e.type == "Person" and _person_parts(e.label) is None:
            bare_by_name[_fold(e.label)].append(k)
            continue
        if e.type == GROUP_TYPE:  # "protesters" in one article are not those of the next: never joined
            by_name[(e.type, f"{e.label}\x1f{k[0]}")].append(k)
            continue
        if e.label in LONE_GENERIC_WORDS:
            # "Re", "Group", "Festival" alone: the cut end of some longer name, never a join key across documents
            continue
        if e.type == "Organization" and (is_generic(e.label) or e.label in _CLUB_TAILS):
            # "Treasury" with no country: the US one in one article, the UK one in the next (``generic``)
            by_name[(e.type, f"{_fold(e.label)}\x1f{k[0]}")].append(k)
            continue
        if e.type == "Organization" and len(e.label.split()) == 1 and not _table_org(e.label):
            # "Sun" the newspaper is not "Sun" the company: one-word names join only in the same role
            by_name[(e.type, f"{_fold(e.label)}\x1f{org_role(e)}")].append(k)
            continue
        by_name[(e.type, _fold(e.label))].append(k)
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
    # (roots are taken once here; later unions do not change which cluster a root names)
    surname_clusters: dict[str, set[tuple[str, str]]] = defaultdict(set)
    first_of_cluster: dict[tuple[str, str], set[str]] = defaultdict(set)
    docs_of: dict[tuple[str, str], set[str]] = defaultdict(set)  # cluster -> documents naming the full name
    label_of: dict[tuple[str, str], str] = {}
    sex_of: dict[tuple[str, str], list[int]] = {}  # cluster -> [male, female, "Mrs" + full name] honorific counts
    for (first, last), fks in full_by_fl.items():
        for k in fks:
            root = uf.find(k)
            surname_clusters[last].add(root)
            first_of_cluster[root].add(first)
            docs_of[root].add(k[0])
            lab = items[k].label
            if root not in label_of or (-len(lab.split()), lab) < (-len(label_of[root].split()), label_of[root]):
                label_of[root] = lab
            if k in sex:
                acc = sex_of.setdefault(root, [0, 0, 0])
                for i, v in enumerate(sex[k][:3]):
                    acc[i] += int(v)
            given = name_sex(first.title())  # "Michael Howard" is a man: never "Mrs Howard" of another document
            if given:
                acc = sex_of.setdefault(root, [0, 0, 0])
                acc[0 if given == "m" else 1] += 1
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
    joined: set[tuple[str, str]] = set()
    for k in single_people:
        if items[k].label in LONE_GENERIC_WORDS:
            continue  # "Re" of "Swiss Re" is nobody's surname
        surname = _fold(items[k].label)
        if surname in doc_full_surnames.get(k[0], set()):
            continue  # the document names someone else with that surname (or the person is unresolved in it)
        fits = sorted(surname_clusters.get(surname, set()))
        if not fits:
            continue
        male, female, _, royal = sex.get(k, (0, 0, False, ""))
        if royal:
            continue  # "Prince Charles" is not Ray Charles: the name after a royal title is a given name
        compatible = [r for r in fits if _sex_compatible(male, female, sex_of.get(r))]
        if not compatible:
            log.debug("%s: %r conflicts with the honorifics of every full-name %s", k[0], items[k].label, surname)
            continue
        if len(fits) == 1:
            target = fits[0]
            rule, evidence = "surname", f"{items[k].label!r}: the only full-name person with that surname"
        else:
            counts = sorted(((len(docs_of[r]), r) for r in compatible), key=lambda x: (-x[0], x[1]))
            top, target = counts[0]
            rest = sum(n for n, _ in counts[1:])
            if len(compatible) > 1 and top < DOMINANCE * rest:
                log.debug("%s: %r fits %d people, none dominant, kept apart", k[0], items[k].label, len(fits))
                continue
            names = ", ".join(f"{label_of[r]} {n}" for n, r in counts)
            rule = "surname.dominant"
            evidence = (
                f"{items[k].label!r}: no first name in the document; documents per full name with that surname: "
                f"{names} (needs {DOMINANCE}x the others"
                + (f"; {len(fits) - len(compatible)} excluded by honorifics)" if len(compatible) < len(fits) else ")")
            )
        uf.union(target, k)
        why.setdefault(k, (rule, evidence))
        joined.add(k)
    # identical bare names that joined nobody stay one node per name, unless the corpus names people with that
    # surname in full: then each is one of several (Zoe, Michael, Alan Ball) and stays in its own document
    for name, ks in bare_by_name.items():
        # "Prince Charles" joins "Prince Charles" of other documents, never a bare "Charles" or "King Charles"
        by_title: dict[str, list[Key]] = defaultdict(list)
        for k in ks:
            if k in sex and sex[k][3]:
                by_title[sex[k][3]].append(k)
        for title, tks in by_title.items():
            for k in tks[1:]:
                uf.union(tks[0], k)
                why.setdefault(k, ("same-name", f"same name {title} {items[k].label}"))
        if name in surname_clusters:
            continue
        rest_ks = [k for k in ks if k not in joined and not (k in sex and sex[k][3])]
        for k in rest_ks[1:]:
            uf.union(rest_ks[0], k)
            why.setdefault(k, ("same-name", f"same Person name {name!r}"))

    # 3. build entities
    clusters: dict[tuple[str, str], _Cluster] = defaultdict(_Cluster)
    for k in order:
        clusters[uf.find(k)].members.append((k[0], items[k]))
    built: list[tuple[Key, tuple[Entity, str]]] = []
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
        base = entity_id(first_ent.type, label)
        if first_ent.type == GROUP_TYPE:  # scoped to its document: "group/protesters-<digest of the doc id>"
            base += "-" + hashlib.sha1(members[0][0].encode("utf-8")).hexdigest()[:8]
        built.append(
            (root, (Entity(base, label, first_ent.type, tuple(sorted(aliases)), mentions, tuple(merges), wikidata), base))
        )
    return built, {k: uf.find(k) for k in order}


def _finish(
    built: dict[Key, tuple[Entity, str]], root_of: dict[Key, Key], items: Iterable[Key]
) -> tuple[list[Entity], dict[tuple[str, str], str]]:
    """Step 4, ids: type/slug; colliding entities after the first get a short hash suffix."""
    by_id: dict[str, list[tuple[Key, Entity]]] = defaultdict(list)
    for root, (cent, base) in built.items():
        by_id[base].append((root, cent))
    entities: list[Entity] = []
    id_of_root: dict[Key, str] = {}
    for base, group in by_id.items():
        if len(group) == 1:
            root, cent = group[0]
            id_of_root[root] = base
            entities.append(cent)
            continue
        group.sort(key=lambda x: (x[1].label, x[0]))
        for i, (root, cent) in enumerate(group):
            nid = base
            if i:
                digest = hashlib.sha1(f"{cent.label}\x1f{root[0]}\x1f{root[1]}".encode()).hexdigest()[:8]
                nid = f"{base}-{digest}"
                log.debug("id %s taken: %r gets %s", base, cent.label, nid)
            id_of_root[root] = nid
            entities.append(cent if nid == cent.id else replace(cent, id=nid))
    entity_of = {k: id_of_root[root_of[k]] for k in _order(items)}
    entities.sort(key=lambda e: e.id)
    return entities, entity_of


def _cluster_label(ents: list[DocEntity]) -> str:
    """Longest full name for people; else the most used label (ties: alphabetical)."""
    counts: dict[str, int] = defaultdict(int)
    for e in ents:
        counts[e.label] += 1
    if ents[0].type == "Person":
        # a full name before a bare one; then the most used ("Kilroy-Silk" over a stray "Kilroy Silk"), the longest
        return min(counts, key=lambda s: (len(s.split()) < 2, -counts[s], -len(s.split()), s))
    return min(counts, key=lambda s: (-counts[s], s))
