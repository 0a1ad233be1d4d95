"""Dependency paths between two entity mentions, and the pattern table induced from them.

A *path* is the shortest route in the parse tree from the head token of one
mention to the head token of another, written left to right from the subject:
``<dep`` climbs from a child to its head, ``>dep`` descends to a child, and the
words passed on the way sit between the steps.  "Smith works for Acme" gives
``<nsubj work >prep for >pobj``.  Two spellings of every path exist:

``lex``    words as lower-case lemmas (proper nouns as ``PROPN``, numbers as ``NUM``)
``delex``  adjectives, adverbs and the like as their coarse part of speech; nouns, verbs, prepositions and
           particles kept as lemmas (they carry the relation: "born in" is not "speaking in", "assassin of" not "ally of")

A third spelling, ``surface``, is not a path but the words between the two
mentions when there are at most :data:`MAX_GAP` of them, with ``S`` and ``O``
marking where subject and object stand ("S , a NOUN for O" is not a surface
key; "S , O" and "O 's S" are).

A conjunct is read through its first conjunct ("Smith and Jones work for Acme":
Jones takes Smith's path), so a pattern gives one relation per conjunct.

The table ``graphbuild/data/relation_paths.tsv`` is produced by
``scripts/induce_relation_paths.py`` from the CoNLL04 train split: one row per
(level, subject type, object type, path) whose relation held on train with the
listed support and precision.  :func:`match` looks a mention pair up, most
specific spelling first.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Final, cast

from graphbuild.extract.common import sentence_of, strings_of, token_table

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: Longest path (in dependency edges) considered.
MAX_EDGES: Final = 6
#: Most words between two mentions for a ``surface`` key.
MAX_GAP: Final = 3
#: Spellings and type granularities, most specific first; :func:`match` tries them in this order.
#: The ``*_any`` levels ignore our entity types (``*`` for both ends): they catch pairs the entity layer
#: typed oddly (a person typed Organization) and are guarded by :data:`ANY_TYPES` instead.
LEVELS: Final = ("lex", "lex_coarse", "surface", "surface_coarse", "delex", "delex_coarse",
                 "lex_any", "surface_any", "delex_any")
#: The type written for both ends of a ``*_any`` row.
ANY_TYPE: Final = "*"
_ANY: Final = frozenset({"Person", "Place", "Country", "Organization"})
#: Relations a pattern may predict, and the subject/object types each allows.  The victim of ``killed``
#: may carry any type: the entity layer types some surnames as places ("Kennedy", a city name), and the
#: lexical paths of killing verbs are safe evidence of a person.
RELATION_TYPES: Final[dict[str, tuple[frozenset[str], frozenset[str]]]] = {
    "killed": (frozenset({"Person"}), _ANY),
    "lives_in": (frozenset({"Person"}), frozenset({"Place", "Country", "Organization"})),
    "affiliated_with": (frozenset({"Person"}), frozenset({"Organization"})),
    "based_in": (frozenset({"Organization", "Place", "Country"}), frozenset({"Place", "Country", "Organization"})),
    "located_in": (frozenset({"Place", "Country", "Organization"}), frozenset({"Place", "Country", "Organization"})),
}
#: Looser guards of the ``*_any`` levels: the subject may be a person the entity layer typed otherwise, but
#: ``affiliated_with`` still needs an Organization object (the scorer and the graph read an affiliation with a
#: place as residence) and a place is never the subject of ``killed``, ``lives_in`` or ``affiliated_with``.
ANY_TYPES: Final[dict[str, tuple[frozenset[str], frozenset[str]]]] = {
    "killed": (frozenset({"Person", "Organization"}), _ANY),
    "lives_in": (frozenset({"Person", "Organization"}), frozenset({"Place", "Country", "Organization"})),
    "affiliated_with": (frozenset({"Person", "Organization"}), frozenset({"Organization"})),
    "based_in": (frozenset({"Organization", "Place", "Country"}), frozenset({"Place", "Country", "Organization"})),
    "located_in": (frozenset({"Place", "Country", "Organization"}), frozenset({"Place", "Country", "Organization"})),
}
#: The relation of a row that only blocks the less specific spellings of its path.
NONE: Final = "none"
TABLE: Final = "relation_paths.tsv"
COLUMNS: Final = ("id", "level", "subject_type", "object_type", "path", "relation", "support", "precision")
_KEEP_POS: Final = frozenset({"ADP", "PART", "VERB", "AUX", "NOUN"})


def coarse_type(entity_type: str) -> str:
    """``PER`` for a Person, ``ENT`` for any other entity type."""
    return "PER" if entity_type == "Person" else "ENT"


def allowed(relation: str, subject_type: str, object_type: str) -> bool:
    """Whether ``relation`` may link a subject and an object of these types."""
    subj, obj = RELATION_TYPES[relation]
    return subject_type in subj and object_type in obj


def achievable(relation: str, subject_type: str, object_type: str) -> bool:
    """Whether a ``*_any`` row may give ``relation`` to mentions of these types (see :data:`ANY_TYPES`)."""
    subj, obj = ANY_TYPES[relation]
    return subject_type in subj and object_type in obj


def permits(pattern: PathPattern, subject_type: str, object_type: str) -> bool:
    """Whether a matched row may link mentions of these types: typed rows by :func:`allowed`, ``*_any`` rows
    by :func:`achievable`; a ``none`` row never links."""
    if pattern.relation == NONE:
        return False
    if pattern.level.endswith("_any"):
        return achievable(pattern.relation, subject_type, object_type)
    return allowed(pattern.relation, subject_type, object_type)


@dataclass(frozen=True, slots=True)
class _Parse:
    """A Doc's parse as plain lists (``doc[i]`` builds a Token on every call; pairs of mentions ask often)."""

    head: list[int]
    dep: list[str]
    like_num: list[bool]
    lower: list[str]  # Token.lower_
    lemma: list[str]  # lowercased
    pos: list[str]
    sent_start: list[int]
    heads: dict[tuple[int, int], int]  # mention span -> its head token, filled as asked


_PARSE_KEY = "graphbuild.dep_parse"  # listed in common.TABLE_KEYS


def _parse_of(doc: Doc) -> _Parse:
    parse = doc.user_data.get(_PARSE_KEY)
    if parse is None or len(parse.head) != len(doc):
        from spacy.attrs import DEP, HEAD, LIKE_NUM, LOWER

        table = token_table(doc)
        # read from arrays, not Tokens; HEAD is the head's offset from the token, stored unsigned
        cols: list[list[int]] = doc.to_array([DEP, LIKE_NUM, LOWER]).T.tolist() if len(doc) else [[]] * 3
        offsets: list[int] = doc.to_array([HEAD]).astype("int64").tolist()
        parse = _Parse(
            head=[i + off for i, off in enumerate(offsets)],
            dep=strings_of(doc, cols[0]),
            like_num=[bool(f) for f in cols[1]],
            lower=strings_of(doc, cols[2]),
            lemma=table.lemma,
            pos=table.pos,
            sent_start=[sent.start for sent in sentence_of(doc)],
            heads={},
        )
        doc.user_data[_PARSE_KEY] = parse
    return cast(_Parse, parse)


def _head_index(p: _Parse, start: int, end: int) -> int:
    hit = p.heads.get((start, end))
    if hit is None:
        hit = end - 1
        for i in range(start, end):
            h = p.head[i]
            if h < start or h >= end or h == i:
                hit = i
                break
        p.heads[(start, end)] = hit
    return hit


def mention_head(doc: Doc, start: int, end: int) -> Token:
    """The syntactic head of tokens [start, end): the token whose head lies outside the span."""
    return doc[_head_index(_parse_of(doc), start, end)]


def _first_conjunct(p: _Parse, i: int) -> int:
    while p.dep[i] == "conj" and p.head[i] != i:
        i = p.head[i]
    return i


def _word(p: _Parse, i: int, lexical: bool) -> str:
    if p.like_num[i]:
        return "NUM"
    pos = p.pos[i]
    if pos in _KEEP_POS or (lexical and pos != "PROPN"):
        return p.lemma[i] or p.lower[i]
    return pos


def _chain(p: _Parse, i: int) -> list[int]:
    out = [i]
    while p.head[i] != i and len(out) <= MAX_EDGES + 1:
        i = p.head[i]
        out.append(i)
    return out


def paths(a: Token, b: Token) -> dict[str, str] | None:
    """The ``lex`` and ``delex`` paths from ``a`` to ``b``, or None when they are too far apart.

    Conjuncts are read through their first conjunct unless that joins both ends.
    """
    return _paths(_parse_of(a.doc), a.i, b.i)


def _paths(p: _Parse, a: int, b: int) -> dict[str, str] | None:
    if p.sent_start[a] != p.sent_start[b] or a == b:
        return None
    la, lb = _first_conjunct(p, a), _first_conjunct(p, b)
    if la != lb:
        a, b = la, lb
    up = _chain(p, a)
    up_index = {t: n for n, t in enumerate(up)}
    down: list[int] = []
    tok = b
    while tok not in up_index:
        down.append(tok)
        if p.head[tok] == tok or len(down) > MAX_EDGES:
            return None
        tok = p.head[tok]
    top = up_index[tok]
    if top + len(down) > MAX_EDGES:
        return None
    climb, lca = up[:top], up[top]
    dep = p.dep
    out: dict[str, str] = {}
    for level, lexical in (("lex", True), ("delex", False)):
        parts: list[str] = []
        for n, t in enumerate(climb):
            if n:
                parts.append(_word(p, t, lexical))
            parts.append("<" + dep[t])
        if climb and down:
            parts.append(_word(p, lca, lexical))
        for n, t in enumerate(reversed(down)):
            if n:
                parts.append(_word(p, down[len(down) - n], lexical))
            parts.append(">" + dep[t])
        out[level] = " ".join(parts)
    return out


def surface(doc: Doc, subj: tuple[int, int], obj: tuple[int, int]) -> str | None:
    """The words between two mentions as ``S w1 w2 O`` (or ``O ... S``), or None when too far apart."""
    return _surface(_parse_of(doc), subj, obj)


def _surface(p: _Parse, subj: tuple[int, int], obj: tuple[int, int]) -> str | None:
    first, second = (subj, obj) if subj[0] < obj[0] else (obj, subj)
    if second[0] - first[1] > MAX_GAP or second[0] < first[1]:
        return None
    words = ["NUM" if p.like_num[i] else "PROPN" if p.pos[i] == "PROPN" else p.lower[i]
             for i in range(first[1], second[0])]
    ends = ("S", "O") if first is subj else ("O", "S")
    return " ".join([ends[0], *words, ends[1]])


def keys(doc: Doc, subj: tuple[int, int], obj: tuple[int, int], subject_type: str,
         object_type: str) -> list[tuple[str, str, str, str]]:
    """Lookup keys (level, subject type, object type, path) of two mentions' token spans, most specific first."""
    p = _parse_of(doc)
    a, b = _head_index(p, *subj), _head_index(p, *obj)
    found = _paths(p, a, b) or {}
    cs, co = coarse_type(subject_type), coarse_type(object_type)
    out: list[tuple[str, str, str, str]] = []
    if "lex" in found:
        out += [("lex", subject_type, object_type, found["lex"]), ("lex_coarse", cs, co, found["lex"])]
    if p.sent_start[a] == p.sent_start[b] and (gap := _surface(p, subj, obj)) is not None:
        out += [("surface", subject_type, object_type, gap), ("surface_coarse", cs, co, gap)]
    if "delex" in found:
        out += [("delex", subject_type, object_type, found["delex"]), ("delex_coarse", cs, co, found["delex"])]
    out += [(level.replace("_coarse", "_any"), ANY_TYPE, ANY_TYPE, path) for level, _, _, path in out
            if level.endswith("_coarse")]
    return out


@dataclass(frozen=True, slots=True)
class PathPattern:
    """One row of the pattern table."""

    id: str
    level: str
    subject_type: str
    object_type: str
    path: str
    relation: str
    support: int
    precision: float

    def key(self) -> tuple[str, str, str, str]:
        """The lookup key (level, subject type, object type, path)."""
        return self.level, self.subject_type, self.object_type, self.path


def parse_table(text: str) -> dict[tuple[str, str, str, str], PathPattern]:
    """Rows of a pattern table (TSV with a header, ``#`` comments) by lookup key."""
    out: dict[tuple[str, str, str, str], PathPattern] = {}
    header: list[str] | None = None
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if header is None:
            header = cols
            if tuple(cols) != COLUMNS:
                raise ValueError(f"{TABLE}: header {cols!r} is not {list(COLUMNS)!r}")
            continue
        if len(cols) != len(COLUMNS):
            raise ValueError(f"{TABLE} line {n}: {len(cols)} columns, expected {len(COLUMNS)}")
        pid, level, st, ot, path, rel, support, precision = cols
        if level not in LEVELS or (rel not in RELATION_TYPES and rel != NONE):
            raise ValueError(f"{TABLE} line {n}: unknown level {level!r} or relation {rel!r}")
        pat = PathPattern(pid, level, st, ot, path, rel, int(support), float(precision))
        if pat.key() in out:
            raise ValueError(f"{TABLE} line {n}: duplicate pattern {pat.key()!r}")
        out[pat.key()] = pat
    return out


@lru_cache(maxsize=1)
def load_table() -> dict[tuple[str, str, str, str], PathPattern]:
    """The shipped pattern table (empty when the file is missing)."""
    res = resources.files("graphbuild").joinpath("data", TABLE)
    if not res.is_file():
        return {}
    return parse_table(res.read_text(encoding="utf-8"))


def match(
    doc: Doc, subj: tuple[int, int], obj: tuple[int, int], subject_type: str, object_type: str,
    table: dict[tuple[str, str, str, str], PathPattern] | None = None,
) -> PathPattern | None:
    """The most specific pattern joining two mentions' token spans, if any (a ``none`` row blocks the backoff)."""
    table = load_table() if table is None else table
    for key in keys(doc, subj, obj, subject_type, object_type):
        pat = table.get(key)
        if pat is not None:
            return pat
    return None
