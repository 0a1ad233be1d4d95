"""Who "..., she said" is.

"..., she said" after a sentence whose Statement named a speaker is that speaker's, when the pronoun fits; the
nearest person named before the pronoun may be someone the speaker spoke about ("Markova, a former adviser to
Viktor Petrov, said ... 'We will ...,' she said"). A person who has since become the subject of a sentence of
the narrative, and whom the pronoun fits, is who speaks ("X said ... Ms Y has lost twice. 'It hurts,' she said").
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from graphbuild.extract.common import Hit
from graphbuild.extract.common import _in_quote as in_quote
from graphbuild.model import Mention

if TYPE_CHECKING:
    from collections.abc import Sequence

    from spacy.tokens import Span, Token

    from graphbuild.extract.common import EntityIndex
    from graphbuild.extract.events import Candidate

#: Pronouns whose clause may be a speaker's "she said".
_SPEAKER_PRONOUNS: Final = {"he": "m", "she": "f"}
#: Sentences back within which the last named speaker is the one "he/she said" refers to.
_SPEAKER_REACH: Final = 2


def _pronoun_subject(cand: Candidate) -> Token | None:
    """The "he"/"she" subject of a Statement's verb."""
    for c in cand.trigger.children:
        if c.dep_ == "nsubj" and c.lower_ in _SPEAKER_PRONOUNS:
            return c
    return None


def resolve_speakers(cands: Sequence[Candidate], index: EntityIndex, sents: list[Span]) -> None:
    """A Statement whose speaker is "he"/"she" goes to the speaker of the Statement just before it (within
    :data:`_SPEAKER_REACH` sentences), when that speaker is a person the pronoun fits and no other person
    has since become the subject of a clause ("Trump said ... Mrs Clinton disagreed. 'No,' she said")."""
    last: tuple[Hit, int, int] | None = None  # the latest named speaker, its sentence's first token, its verb
    for cand in cands:
        if cand.event_type != "Statement":
            continue
        agents = cand.args.get("agent", [])
        pron = _pronoun_subject(cand)
        if pron is not None and last is not None and _sentences_between(sents, last[1], cand.sent.start) <= _SPEAKER_REACH:
            prev = last[0]
            want = _SPEAKER_PRONOUNS[pron.lower_]
            fits = prev.entity.type == "Person" and index.sex.get(prev.entity.key, want) == want
            since = _subject_since(index, last[2], pron, want)
            if since is not None and since.entity.key != prev.entity.key:
                fits = False  # "X said ... Ms Y has lost twice. 'It hurts,' she said": Ms Y
                sent = cand.sent
                said = Mention(pron.idx, pron.idx + len(pron.text), pron.text, sent.start_char, sent.end_char,
                               "pronoun")
                guess = index.resolve(pron)
                cand.args["agent"] = [Hit(since.entity, said), *(
                    h for h in agents if guess is None or h.entity.key not in (guess.entity.key, since.entity.key))]
                agents = cand.args["agent"]
            if fits and not any(h.entity.key == prev.entity.key for h in agents) and not _new_subject(
                    index, pron, last[2]):
                guess = index.resolve(pron)
                keep = [h for h in agents if guess is None or h.entity.key != guess.entity.key]
                if guess is not None or not agents:
                    sent = cand.sent
                    said = Mention(pron.idx, pron.idx + len(pron.text), pron.text, sent.start_char, sent.end_char,
                                   "pronoun")
                    cand.args["agent"] = [Hit(prev.entity, said), *keep]
                    agents = cand.args["agent"]
        named = next((h for h in agents if h.entity.type == "Person"), None)
        if named is not None:
            last = (named, cand.sent.start, cand.trigger.i)


def _subject_since(index: EntityIndex, after: int, pron: Token, want: str) -> Hit | None:
    """The last person the pronoun may stand for who is the subject of a sentence of the narrative (its main
    clause, not quoted words) after the one of token ``after`` and before the pronoun."""
    found: Hit | None = None
    first = index.doc[after].sent.end  # the sentences after the speaker's: not "X said that when Y left, ..."
    for s, e, h in index.within(first, pron.i):
        root = index.doc[s:e].root
        if (h.entity.type == "Person" and index.sex.get(h.entity.key, want) == want
                and root.dep_ in ("nsubj", "nsubjpass") and root.head.dep_ == "ROOT"
                and not in_quote(index.doc, root.idx)):
            found = h
    return found


def _new_subject(index: EntityIndex, pron: Token, after: int) -> bool:
    """The pronoun's own antecedent is a person who is the subject of a clause after token ``after``."""
    found = index.antecedent_person(pron)
    if found is None:
        return False
    span = index.doc.char_span(found.mention.start, found.mention.end, alignment_mode="expand")
    return span is not None and span.start > after and span.root.dep_ in ("nsubj", "nsubjpass")


def _sentences_between(sents: list[Span], first: int, start: int) -> int:
    """How many sentences on from the one starting at token ``first`` the one at ``start`` is (walks only
    the sentences in between, so resolving a document's statements stays linear)."""
    n = 0
    i = first
    while i < start:
        i = sents[i].end
        n += 1
    return n
