"""Relations from dependency paths induced from training data (:mod:`graphbuild.extract.dep_paths`)."""

from __future__ import annotations

from collections.abc import Iterator

from graphbuild.extract import dep_paths
from graphbuild.extract.common import Hit
from graphbuild.extract.relation_rules.base import _RANKS, Context
from graphbuild.model import Relation

#: Relations a learnt path never gives (see :func:`rule_dep_path`).
_CONTAINMENT = frozenset({"located_in", "based_in"})


def rule_dep_path(ctx: Context) -> Iterator[Relation]:
    """Mention pairs of one sentence joined by a dependency path of the induced pattern table.

    See :mod:`graphbuild.extract.dep_paths`; the evidence names the row (``dep_path:p0013``) and the
    confidence is the row's precision on the split it was induced from.
    """
    table = dep_paths.load_table()
    if not table:
        return
    doc = ctx.doc
    by_sent: dict[int, list[tuple[Hit, tuple[int, int]]]] = {}
    for s, e, hit in ctx.index.spans:
        if hit.mention.text.lower().rstrip(".") not in _RANKS:  # "Lt" read as a name
            by_sent.setdefault(ctx.sent_of[s].start, []).append((hit, (s, e)))
    for items in by_sent.values():
        for subj, a in items:
            for obj, b in items:
                if subj.entity.key == obj.entity.key or a[0] == b[0]:
                    continue
                st, ot = subj.entity.type, obj.entity.type
                pat = dep_paths.match(doc, a, b, st, ot, table)
                if pat is None or not dep_paths.permits(pat, st, ot):
                    continue
                relation = pat.relation
                # containment is left to the geography rules: paths learnt for it read fixture lists ("A v B"),
                # lists of nominees and of towns as one name inside another (an audit of a whole-BBC build found
                # every drawn one wrong; dropping them cost 1 % of Re-DocRED dev recall and no news dev gold hit)
                if relation in _CONTAINMENT:
                    continue
                yield ctx.rel(subj, relation, obj, ctx.sent_of[a[0]], f"dep_path:{pat.id}", pat.precision)
