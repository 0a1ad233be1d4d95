"""Generic bodies every country has ("Treasury", "Finance Ministry", "Supreme Court").

Shared by the entity layer (which qualifies such a name with the country written before it) and by
:mod:`graphbuild.resolve` (which never joins an unqualified one across documents).  No spaCy here.
"""

from __future__ import annotations

from typing import Final

__all__ = ["GENERIC_HEADS", "GENERIC_WORDS", "is_generic"]

#: Heads of generic bodies that every country has.
GENERIC_HEADS: Final = frozenset({"ministry", "treasury", "parliament", "court", "police", "army", "navy", "cabinet",
                                  "government", "senate", "bank", "assembly", "prosecutor", "judiciary", "military",
                                  "department"})
#: Other words a generic body's name may have ("Finance Ministry", "Ministry of Foreign Affairs").
GENERIC_WORDS: Final = GENERIC_HEADS | frozenset(
    {"the", "of", "and", "for", "finance", "foreign", "defence", "defense", "interior", "home", "health", "justice",
     "education", "trade", "industry", "economy", "economic", "economics", "agriculture", "energy", "environment",
     "transport", "culture", "labour", "labor", "affairs", "central", "supreme", "high", "constitutional",
     "national", "federal", "security", "intelligence", "armed", "forces", "air", "force", "emergency",
     "emergencies", "communications", "information", "tourism", "sports", "youth", "social", "welfare",
     "development", "planning", "public", "works", "water", "petroleum", "oil", "mines", "mining", "fisheries",
     "science", "technology", "housing", "foreign-affairs"}
)


def is_generic(label: str) -> bool:
    """A body every country has, named without its country: "Treasury", "Finance Ministry", "Supreme Court"."""
    words = label.lower().split()
    return bool(words) and words[-1] in GENERIC_HEADS | {"affairs"} and all(w in GENERIC_WORDS for w in words) \
        and any(w in GENERIC_HEADS for w in words) and not (words[-1] == "bank" and "central" not in words)
