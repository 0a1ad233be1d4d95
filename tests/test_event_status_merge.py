"""Mentions told with different statuses: one happening only with more than a party in common."""

from __future__ import annotations

import pytest

from graphbuild.model import Event

pytestmark = pytest.mark.model


def _events(nlp, text: str, etype: str) -> list[Event]:  # type: ignore[no-untyped-def]
    from graphbuild.extract import extract_doc
    from graphbuild.model import Document

    return [e for e in extract_doc(nlp(text), Document(id="t", text=text)).events if e.event_type == etype]


def test_a_possible_takeover_and_the_buyers_past_purchase_are_two(nlp) -> None:  # type: ignore[no-untyped-def]
    """The buyer's last purchase is set apart: another deal."""
    events = _events(nlp, "Shares in Alder Foods rose on speculation that it could be the target of a takeover by "
                          "Brixco. Brixco's last big purchase was a bakery.", "Transfer")
    assert sorted(e.status for e in events) == ["hypothetical", "reported"]


def test_a_planned_visit_and_the_visit_are_one(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events(nlp, "The president will visit Canada next month. The visit is the first by a US leader in a "
                          "decade.", "Travel")
    assert len(events) == 1
    assert events[0].status == "planned"
