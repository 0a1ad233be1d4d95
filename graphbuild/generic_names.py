"""Generic bodies every country has ("Treasury", "Finance Ministry", "Supreme Court").

Shared by the entity layer (which qualifies such a name with the country written before it) and by
:mod:`graphbuild.resolve` (which never joins an unqualified one across documents).  No spaCy here.
"""

from __future__ import annotations

from typing import Final

__all__ = ["GENERIC_HEADS", "GENERIC_WORDS", "is_generic", "ministry_form"]

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
     "science", "technology", "housing", "foreign-affairs", "internal"}
)


def is_generic(label: str) -> bool:
    """A body every country has, named without its country: "Treasury", "Finance Ministry", "Supreme Court"."""
    words = label.lower().split()
    return bool(words) and words[-1] in GENERIC_HEADS | {"affairs"} and all(w in GENERIC_WORDS for w in words) \
        and any(w in GENERIC_HEADS for w in words) and not (words[-1] == "bank" and "central" not in words)


#: Words a ministry's name may use for its portfolio in the "Ministry of ..." form ("Internal Affairs": Interior).
_PORTFOLIO_SYNONYMS: Final = {"internal": "Interior"}


def ministry_form(label: str) -> str:
    """One spelling of a ministry named either way: "Ministry of Internal Affairs", "Internal Affairs Ministry" and
    "Interior Ministry" are all "Interior Ministry"; "Ministry of Defence" is "Defence Ministry".  Other names are
    returned unchanged."""
    words = label.split()
    if len(words) >= 3 and words[0].lower() == "ministry" and words[1].lower() == "of":
        portfolio = words[2:]
    elif len(words) >= 2 and words[-1].lower() == "ministry":
        portfolio = words[:-1]
    else:
        return label
    if len(portfolio) > 1 and portfolio[-1].lower() == "affairs":
        portfolio = portfolio[:-1]
    if not portfolio or any(w.lower() not in GENERIC_WORDS or w.lower() in {"the", "of", "and"} for w in portfolio):
        return label
    portfolio = [_PORTFOLIO_SYNONYMS.get(w.lower(), w.title() if w.islower() else w) for w in portfolio]
    return " ".join([*portfolio, "Ministry"])
