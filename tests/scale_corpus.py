"""Generated news-like articles for the scale tests (no ../shared needed)."""

from __future__ import annotations

import json
from pathlib import Path

_PEOPLE = [
    ("Foreign Secretary", "David Lammy"),
    ("US Secretary of State", "Antony Blinken"),
    ("Prime Minister", "Keir Starmer"),
    ("President", "Emmanuel Macron"),
    ("Chancellor", "Olaf Scholz"),
    ("Defence Secretary", "John Healey"),
]
_PLACES = ["London", "Paris", "Kyiv", "Berlin", "Washington", "Warsaw", "Rome"]
_COUNTRIES = ["Ukraine", "France", "Germany", "Poland", "Italy", "Japan"]
_ORGS = ["Nato", "the United Nations", "the European Union", "Microsoft", "the BBC"]


def article(i: int) -> dict[str, str]:
    """The ``i``-th generated article as a JSONL object (id, title, date, text)."""
    t1, p1 = _PEOPLE[i % len(_PEOPLE)]
    t2, p2 = _PEOPLE[(i + 1 + i // len(_PEOPLE)) % len(_PEOPLE)]
    place = _PLACES[i % len(_PLACES)]
    country = _COUNTRIES[(i * 3) % len(_COUNTRIES)]
    org = _ORGS[i % len(_ORGS)]
    text = (
        f"{t1} {p1} met {t2} {p2} in {place} on Monday to discuss support for {country}.\n\n"
        f"\"We will stand with {country},\" {p1.split()[-1]} said after the talks. "
        f"{p2} later travelled to {_PLACES[(i + 2) % len(_PLACES)]} for a meeting of {org}.\n\n"
        f"Officials from {country} said {i % 7 + 2} agreements had been signed, "
        f"and {org} announced new sanctions on Wednesday."
    )
    date = f"2024-0{i % 9 + 1}-1{i % 10}"
    return {"id": f"gen-{i:04d}", "title": f"Talks in {place} ({i})", "date": date, "text": text}


def write_corpus(path: Path, ids: range) -> Path:
    """Write the generated articles numbered ``ids`` to a JSONL file."""
    with path.open("w", encoding="utf-8") as fh:
        for i in ids:
            fh.write(json.dumps(article(i)) + "\n")
    return path
