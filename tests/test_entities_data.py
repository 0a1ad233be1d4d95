"""Corpus checks of the entity layer on ../shared/data (skipped when absent)."""

from __future__ import annotations

import sys

import pytest

from tests.conftest import ROOT, require_shared


@pytest.mark.data
@pytest.mark.model
@pytest.mark.slow
def test_bbc_politics_people_have_one_node_each() -> None:
    """BBC politics: no bare surname beside its full name, and the ten most-mentioned people are one node each."""
    require_shared("data", "bbc_news", "bbc_news_2225.jsonl.gz")
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import bbc_people

    from graphbuild.model import DocResult
    from graphbuild.pipeline import extract_stream
    from graphbuild.resolve import resolve

    docs = bbc_people.load_docs("politics")
    # parsed and extracted by two worker processes (the build's pool); the entities are extract_entities' own
    results = []
    for d, res in extract_stream(docs, processes=2, batch_size=32):
        assert not isinstance(res, str), res
        results.append(DocResult(d, res.entities, (), ()))
    assert [r.doc.id for r in results] == [d.id for d in docs]
    entities, _ = resolve(results)
    ok, bare, counts = bbc_people.report(results, entities)
    assert bare == 0
    assert ok == 10, counts
