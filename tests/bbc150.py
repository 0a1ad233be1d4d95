"""BBC News articles extracted once per session, for the entity, evidence, format and schema tests.

Every politics article and the first 30 of each other category are parsed and extracted in one pass by two
worker processes (the build's pool); the tests take the documents they need from it.
"""

from __future__ import annotations

import gzip
import json
from typing import Any

from graphbuild.model import DocResult, Document

from .conftest import require_shared

#: Articles of each category in the 150-article graph (all of them for politics, the entity test's category).
PER_CATEGORY = 30


class BbcExtracted:
    """The BBC documents (in file order) and their extraction results, keyed by document id."""

    def __init__(self, rows: list[dict[str, Any]], results: dict[str, DocResult]) -> None:
        self.rows = rows
        self.results = results

    def docs(self, category: str | None = None, per_category: int | None = None) -> list[Document]:
        """The documents of ``category`` (every category when None), at most ``per_category`` of each."""
        per: dict[str, int] = {}
        out = []
        for r in self.rows:
            cat = r["category"]
            if (category is None or cat == category) and (per_category is None or per.get(cat, 0) < per_category):
                per[cat] = per.get(cat, 0) + 1
                out.append(r["doc"])
        return out


def extract_bbc() -> BbcExtracted:
    """Extract the articles with ``extract_stream`` (two processes); skips when ../shared/data is absent."""
    from graphbuild.pipeline import extract_stream

    path = require_shared("data", "bbc_news", "bbc_news_2225.jsonl.gz")
    rows: list[dict[str, Any]] = []
    per: dict[str, int] = {}
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            obj = json.loads(line)
            cat = obj.get("category", "")
            per[cat] = per.get(cat, 0) + 1
            if cat == "politics" or per[cat] <= PER_CATEGORY:
                doc = Document(id=obj["id"], text=obj["text"], title=obj.get("title"))
                rows.append({"category": cat, "doc": doc})
    docs = [r["doc"] for r in rows]
    results: dict[str, DocResult] = {}
    for d, res in extract_stream(docs, processes=2, batch_size=32):
        assert not isinstance(res, str), res
        results[d.id] = res
    assert list(results) == [d.id for d in docs]  # every document, in input order
    return BbcExtracted(rows, results)


def build_bbc150(bbc: BbcExtracted) -> Any:
    """A KnowledgeGraph of 150 BBC articles (30 per category), assembled as ``graphbuild.build_graph`` does."""
    import graphbuild
    from graphbuild.pipeline import assemble

    docs = bbc.docs(per_category=PER_CATEGORY)
    assert len(docs) == 150
    return graphbuild.KnowledgeGraph(assemble([bbc.results[d.id] for d in docs]))
