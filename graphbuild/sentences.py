"""Sentence starts the parser misses after a closing quote and at a paragraph break.

spaCy's parser finds sentences; news quotes fool it when a quotation ends the sentence:

- ``... on the pitch."`` + a blank line + ``On Saturday, Smith insisted ...`` comes out as one sentence,
  so one speaker's Statement takes the words of the speaker quoted before;
- the closing quote of ``... than ever."`` + a blank line + ``Mr Jones will ...`` is put at the start of
  the next sentence.

:func:`mark_starts` (the ``graphbuild_sentence_starts`` component, run before the parser, which keeps
sentence starts set before it) marks a sentence start

- at the first word after a blank line (a paragraph break), and after a line break that follows
  sentence-final punctuation (``.``, ``!``, ``?``, or a closing quote after one); a single line break
  elsewhere (text wrapped mid-sentence) sets nothing;
- at the word after a closing quote that follows a full stop (``... the pitch." Smith insisted``), when
  that word begins with a capital letter or an opening quote. After ``?"`` or ``!"`` only an opening
  quote starts a sentence: ``"Why now?" Smith asked`` is one sentence.

A closing quote is a ``"`` (or a closing curly quote) written right after the punctuation, with no space
between. It keeps to its own sentence: the token after it is marked as no sentence start. The text and
its offsets are not touched; only the sentence boundaries change.
"""

from __future__ import annotations

from typing import Final

from spacy.language import Language
from spacy.tokens import Doc

FACTORY: Final = "graphbuild_sentence_starts"
_FINAL: Final = frozenset({".", "!", "?"})
_CLOSING: Final = frozenset({'"', "\u201d", "''"})
_OPENING: Final = frozenset({'"', "\u201c", "``"})


def _ends_sentence(doc: Doc, i: int) -> bool:
    """Whether token ``i`` is sentence-final punctuation or a closing quote right after one."""
    return doc[i].text in _FINAL or _closing(doc, i)


def _closing(doc: Doc, i: int) -> bool:
    """Whether token ``i`` is a closing quote written right after sentence-final punctuation."""
    return doc[i].text in _CLOSING and i > 0 and doc[i - 1].text in _FINAL and not doc[i - 1].whitespace_


def mark_starts(doc: Doc) -> Doc:
    """Set the sentence starts described in the module's docstring on ``doc`` (before it is parsed)."""
    n = len(doc)
    for i in range(1, n):
        t = doc[i]
        if t.is_space:
            continue
        if _closing(doc, i):
            t.is_sent_start = False
            continue
        prev = i - 1
        gap = doc[prev].whitespace_
        while prev > 0 and doc[prev].is_space:
            gap = doc[prev].text + gap
            prev -= 1
        if doc[prev].is_space:
            continue
        if "\n" in gap:
            if gap.count("\n") >= 2 or _ends_sentence(doc, prev):
                t.is_sent_start = True
            continue
        if not gap or not _closing(doc, prev):
            continue
        punct = doc[prev - 1]
        if t.text in _OPENING or (punct.text == "." and t.text[:1].isupper()):
            t.is_sent_start = True
    return doc


@Language.component(FACTORY)
def sentence_starts(doc: Doc) -> Doc:
    """The pipeline component: :func:`mark_starts`."""
    return mark_starts(doc)


def install(nlp: Language) -> bool:
    """Put the component in front of the parser (once); returns whether it is in the pipeline."""
    if FACTORY in nlp.pipe_names:
        return True
    if "parser" not in nlp.pipe_names:
        return False
    nlp.add_pipe(FACTORY, before="parser")
    return True
