"""150 BBC News articles (30 from each category) built in memory, for the format and schema tests."""

from __future__ import annotations

import gzip
import json
from typing import Any

from .conftest import require_shared


def build_bbc150() -> Any:
    """A KnowledgeGraph of 150 BBC articles; skips when ../shared/data is absent (the ``bbc150`` fixture)."""
    import graphbuild

    path = require_shared("data", "bbc_news", "bbc_news_2225.jsonl.gz")
    per: dict[str, int] = {}
    docs = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            obj = json.loads(line)
            cat = obj.get("category", "")
            if per.get(cat, 0) < 30:
                per[cat] = per.get(cat, 0) + 1
                docs.append(graphbuild.Document(id=obj["id"], text=obj["text"], title=obj.get("title")))
    assert len(docs) == 150
    return graphbuild.build_graph(docs, graphbuild.BuildOptions(processes=2))
