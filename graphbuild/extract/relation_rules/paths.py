"""Relations from dependency paths induced from training data (:mod:`graphbuild.extract.dep_paths`)."""

from __future__ import annotations

from collections.abc import Iterator

from graphbuild.extract import dep_paths
from graphbuild.extract.common import Hit
from graphbuild.extract.relation_rules.base import _RANKS, Context, _in_list, _is_org, _place_like
from graphbuild.model import Relation


def _may_be_where(hit: Hit) -> bool:
    """Whether an induced path may take ``hit`` for the place something is located or based in: a place, a
    facility, or a one-word name the entity layer typed Organization ("Millinocket"); never a nationality word
    ("Lake Constance , Swiss police") nor a longer organisation name ("Amnesty International UK")."""
    if hit.mention.rule == "demonym":
        return False
    return _place_like(hit) or len(hit.mention.text.split()) == 1


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
                if relation in ("located_in", "based_in") and not _may_be_where(obj):
                    continue
                if pat.path == "S , O" and _in_list(ctx, a[0], a[1], ctx.sent_of[a[0]]):
                    continue  # "The Bahamas , East Timor , Madagascar and Swaziland": an enumeration
                # a path learnt for one kind of subject names the other kind's relation: organisations are
                # based in a place, places (and facilities) are located in one
                if relation == "located_in" and _is_org(subj):
                    relation = "based_in"
                elif relation == "based_in" and _place_like(subj):
                    relation = "located_in"
                yield ctx.rel(subj, relation, obj, ctx.sent_of[a[0]], f"dep_path:{pat.id}", pat.precision)
