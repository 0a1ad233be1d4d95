"""Rule ``post-holder``: a bare post title read as a person ("the Chancellor said") is the person holding it.

spaCy and the ``title``/``said`` rules sometimes take a post title for a name: "The Lord Chancellor, Lord
Falconer, said", "the Chief Justice told MPs", "Chancellor said".  Such a mention is no person of its own:

- when the document names who holds the post ("Chancellor Gordon Brown", "Lord Chief Justice Lord Woolf",
  "the Lord Chancellor, Lord Falconer", "Lord Woolf, who is Lord Chief Justice", "Gordon Brown, the
  Chancellor"), and exactly one person fits, the title mention joins that person;
- otherwise it is dropped (no holder, or several: "Chancellor Schroeder" and "Chancellor Brown").

A holder written with "former", "shadow", "deputy"... before the title does not hold the post itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from graphbuild.extract.entity_steps.base import HONORIFICS, _surface, _words
from graphbuild.extract.lexicon import TITLES
from graphbuild.gazetteer import fold

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from graphbuild.extract.entity_steps.grouping import _Group

__all__ = ["is_post_title", "post_holders"]

#: One-word posts that are never a person's name on their own (not "King", "Judge", "Major": also surnames).
_ONE_WORD_POSTS: Final = frozenset(
    {"chancellor", "premier", "president", "secretary", "minister", "speaker", "chairman", "chairwoman", "governor",
     "mayor", "ambassador", "commissioner", "senator", "prosecutor", "spokesman", "spokeswoman", "spokesperson",
     "congressman", "congresswoman", "vice-president", "secretary-general", "director-general"}
)

#: Words before a post title that say its holder is someone else or no longer holds it.
_NOT_HOLDER: Final = frozenset({"former", "ex", "then", "late", "shadow", "deputy", "vice", "acting", "outgoing",
                                "junior", "assistant", "would-be", "future", "new", "next"})

_LEAD: Final = frozenset({"lord", "lady", "the"})


def _post_words(words: list[str]) -> list[str]:
    """Folded title words without a leading "the"/"Lord"/"Lady" ("Lord Chief Justice" → chief justice)."""
    out = [fold(w) for w in words]
    while len(out) > 1 and out[0] in _LEAD:
        out = out[1:]
    return out


def is_post_title(text: str) -> bool:
    """Whether ``text`` is only a post title ("Chancellor", "Chief Justice", "Lord Chancellor")."""
    words = _post_words(text.split())
    if not words or not all(w[:1].isalpha() for w in words):
        return False
    phrase = " ".join(words)
    if len(words) == 1:
        return phrase in _ONE_WORD_POSTS
    return phrase in TITLES or (words[0] in {"chief", "high", "lord", "first", "prime"} and " ".join(words[1:]) in
                                _ONE_WORD_POSTS | {"justice"})


def _title_ends_at(folded: list[str], words: list[str], k: int, post: list[str]) -> bool:
    """Whether the post title ends right before token ``k`` (honorifics skipped) and nothing disowns it."""
    while k > 0 and words[k - 1] in HONORIFICS:
        k -= 1
    s = k - len(post)
    if s < 0 or folded[s:k] != post:
        return False
    while s > 0 and folded[s - 1] in _LEAD:
        s -= 1
    if s == 0:
        return True
    before = words[s - 1]
    # "Shadow Chancellor Oliver Letwin", "former Chancellor Kenneth Clarke": someone else's post or a past one
    return fold(before) not in _NOT_HOLDER and not (before[:1].isupper() and before.isalpha() and s - 1 > 0
                                                   and words[s - 2] not in {".", "\n"})


def _title_starts_at(folded: list[str], k: int, post: list[str]) -> bool:
    """Whether the post title starts at token ``k`` (after "the", "who is", "Lord")."""
    n = len(folded)
    while k < n and folded[k] in {"who", "is", "was", "the", "lord", "lady"}:
        k += 1
    return folded[k : k + len(post)] == post and (k + len(post) >= n or not folded[k + len(post)][:1].isalpha()
                                                 or folded[k + len(post)] in {"of", "and", "said", "says"})


def post_holders(doc: Doc, groups: list[_Group]) -> list[_Group]:
    """Title-only Person groups joined to the one person the document says holds the post, else dropped."""
    posts = [g for g in groups if g.type == "Person" and all(is_post_title(_surface(doc, c)) for c in g.cands)]
    if not posts:
        return groups
    words = _words(doc)
    folded = [fold(w) for w in words]
    people = [g for g in groups if g.type == "Person" and g not in posts]
    out = [g for g in groups if g not in posts]
    for p in posts:
        post = _post_words(_surface(doc, p.cands[0]).split())
        # "the Lord Chancellor, Lord Falconer,": a name right after the title mention and a comma
        appos = {k for x in p.cands if x.end + 1 < len(words) and words[x.end] == ","
                 for k in range(x.end + 1, min(x.end + 4, len(words)))
                 if all(words[j] in HONORIFICS for j in range(x.end + 1, k))}
        holders = []
        for h in people:
            for c in h.cands:
                before = _title_ends_at(folded, words, c.start, post)
                # "Lord Woolf, who is Lord Chief Justice", "Gordon Brown, the Chancellor,"
                after = c.end < len(words) and words[c.end] == "," and _title_starts_at(folded, c.end + 1, post)
                if before or after or c.start in appos:
                    holders.append(h)
                    break
        if len(holders) != 1:
            continue
        h = holders[0]
        h.cands.extend(p.cands)
        for c in p.cands:
            h.alias_rules.setdefault(_surface(doc, c), (
                "post-holder", f"{_surface(doc, c)!r} is the post {h.label!r} holds in this document"))
    return out
