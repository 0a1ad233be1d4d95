"""Readable event labels from type, arguments and status."""

from __future__ import annotations

from graphbuild.extract.event_label import event_label


def test_travel_names_travellers_and_destination() -> None:
    label = event_label("Travel", {"agent": ["Antony Blinken", "David Lammy"], "destination": ["Kyiv"]}, "trip", "reported")
    assert label == "Antony Blinken and David Lammy travel to Kyiv"


def test_attack_names_attacker_and_target() -> None:
    assert event_label("Attack", {"agent": ["Russia"], "target": ["Pokrovsk"]}, "advancing", "reported") == (
        "Russia attacks Pokrovsk"
    )


def test_statement_is_speaker_and_gist() -> None:
    label = event_label("Statement", {"agent": ["Ann Riley"]}, "said", "reported",
                        quote="the budget is a betrayal", said=None)
    assert label == "Ann Riley: the budget is a betrayal"


def test_event_noun_without_object_reads_as_possessive() -> None:
    assert event_label("Attack", {"agent": ["Russia"]}, "invasion", "reported", noun=True) == "Russia's invasion"


def test_status_is_said() -> None:
    assert event_label("Meet", {"agent": ["Putin"], "participant": ["Zelensky"]}, "meet", "negated") == (
        "Putin meets Zelensky (denied or called off)"
    )
    assert event_label("Protest", {"place": ["Minsk"]}, "protests", "hypothetical") == "Protests in Minsk (possible)"


def test_long_lists_and_quotes_are_shortened() -> None:
    label = event_label("Meet", {"participant": ["A", "B", "C", "D", "E"]}, "summit", "reported")
    assert label == "A, B, C and others meet"
    quote = "one two three four five six seven eight nine ten eleven twelve"
    assert event_label("Statement", {"agent": ["X"]}, "said", "reported", quote=quote).endswith("ten …")
