"""Corpus checks of the entity layer on ../shared/data (skipped when absent)."""

from __future__ import annotations

import sys

import pytest

from tests.bbc150 import BbcExtracted
from tests.conftest import ROOT


@pytest.mark.data
@pytest.mark.model
@pytest.mark.slow
def test_bbc_politics_people_have_one_node_each(bbc_extracted: BbcExtracted) -> None:
    """BBC politics: no bare surname beside its full name, and the ten most-mentioned people are one node each."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import bbc_people

    from graphbuild.model import DocResult
    from graphbuild.resolve import resolve

    docs = bbc_people.load_docs("politics")
    # parsed and extracted by two worker processes (the build's pool, shared with the other BBC tests);
    # the entities are extract_entities' own
    assert bbc_extracted.docs("politics") == docs
    results = [DocResult(d, bbc_extracted.results[d.id].entities, (), ()) for d in docs]
    entities, _ = resolve(results)
    ok, bare, counts = bbc_people.report(results, entities)
    assert bare == 0
    assert ok == 10, counts
