"""What an honorific or a common given name says about a person's sex.

Used only as evidence *against* a join: "Mrs Howard" is not "Michael Howard", "Mr Brown" is not
"Queen Elizabeth". A name absent from these lists says nothing.
"""

from __future__ import annotations

from typing import Final

#: Honorifics and titles that say a man or a woman.
MALE_TITLES: Final = frozenset({"Mr", "Sir", "Lord", "Baron", "King", "Prince", "Duke", "Earl"})
FEMALE_TITLES: Final = frozenset(
    {"Mrs", "Ms", "Miss", "Lady", "Dame", "Baroness", "Queen", "Princess", "Duchess", "Countess"}
)

#: Common English given names that are (almost) never given to the other sex.
_MALE_NAMES_TEXT: Final = (
    "Adam Alan Albert Alexander Andrew Anthony Arthur Barry Ben Benjamin Bill Bob Brian Bruce Carl "
    "Charles Christopher Colin Craig Daniel David Dennis Derek Donald Douglas Edward Eric Frank Fred Gary "
    "Geoffrey George Gerald Gordon Graham Harold Harry Henry Howard Hugh Ian Jack James Jeffrey Jim John "
    "Jonathan Joseph Keith Kenneth Kevin Larry Lawrence Mark Martin Matthew Michael Neil Nicholas Nick "
    "Norman Oliver Patrick Paul Peter Philip Ralph Raymond Richard Robert Roger Ronald Roy Russell Samuel "
    "Scott Simon Stephen Steve Steven Stuart Thomas Timothy Tom Tony Walter William"
)
_FEMALE_NAMES_TEXT: Final = (
    "Alice Alison Amanda Amy Angela Ann Anna Anne Barbara Betty Carol Caroline Catherine Charlotte Cherie "
    "Christine Claire Clare Deborah Diana Diane Dorothy Elizabeth Emily Emma Fiona Gillian Hazel Heather "
    "Helen Hillary Jacqueline Jane Janet Jennifer Jessica Joan Julia Julie Karen Kate Katherine Laura "
    "Linda Lisa Louise Lucy Margaret Maria Marie Mary Melanie Michelle Nancy Natalie Nicola Patricia "
    "Pauline Rachel Rebecca Ruth Sally Sandra Sarah Sharon Sophie Susan Teresa Tessa Valerie Victoria "
    "Wendy"
)
_MALE_NAMES: Final = frozenset(_MALE_NAMES_TEXT.split())
_FEMALE_NAMES: Final = frozenset(_FEMALE_NAMES_TEXT.split())


def is_given_name(word: str) -> bool:
    """``word`` is one of the common given names above ("Anna", "Peter"), not a title."""
    return word in _MALE_NAMES or word in _FEMALE_NAMES


def sex_of(word: str) -> str:
    """ "m" or "f" when an honorific/title or given name says a person's sex, else ""."""
    word = word.rstrip(".")
    if word in MALE_TITLES or word in _MALE_NAMES:
        return "m"
    if word in FEMALE_TITLES or word in _FEMALE_NAMES:
        return "f"
    return ""
