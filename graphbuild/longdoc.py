"""Long documents: parse a text over ``max_chars`` in pieces, each with exact offsets into the text.

spaCy refuses texts over ``nlp.max_length`` (1,000,000 characters) and its
parser's memory grows with the text it holds, so a long document is cut at
paragraph breaks (else line breaks, sentence ends, any whitespace, and as a
last resort anywhere) and each piece is parsed on its own.  Every cut falls
after the whitespace that ends a piece, so the pieces' texts put end to end
are the document's text character for character.

The build extracts each piece as it is parsed and joins the pieces' records
(:class:`Pieces`, :mod:`graphbuild.extract.pieces`): a document of any length
then costs the memory of one piece, as a stream of articles does, where one
Doc joined from every piece grew by about 1 GB for a 5 MB document.
:func:`parse_long` still gives that one joined Doc, for callers who want it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

#: Texts longer than this are parsed in pieces of at most this many characters
#: (far below spaCy's limit of 1,000,000).  The parser's memory grows with the
#: text it holds: a 200 KB article took 380 MB above the loaded model in
#: 100,000-character pieces and 94 MB in 20,000-character ones, with the same
#: entities; news articles are mostly far shorter.
DEFAULT_MAX_CHARS = 20_000

#: The bounds of ``--max-chars``: spaCy's own limit (``nlp.max_length``) above,
#: and below a piece long enough to hold a paragraph (a smaller one would cut
#: most sentences and change what is extracted).
MIN_MAX_CHARS = 1_000
SPACY_MAX_LENGTH = 1_000_000


def check_max_chars(max_chars: int) -> int:
    """``max_chars`` when it is a usable piece length; else a GraphbuildError naming the bounds."""
    from graphbuild.errors import GraphbuildError

    if isinstance(max_chars, bool) or not isinstance(max_chars, int) or not (
        MIN_MAX_CHARS <= max_chars <= SPACY_MAX_LENGTH
    ):
        raise GraphbuildError(
            f"--max-chars {max_chars!r}: give a number of characters from {MIN_MAX_CHARS:,} to "
            f"{SPACY_MAX_LENGTH:,} (spaCy's limit); the default is {DEFAULT_MAX_CHARS:,}"
        )
    return max_chars

_CUTS = (re.compile(r"\n[ \t]*\n\s*"), re.compile(r"\n\s*"), re.compile(r"[.!?][\"')\]]*\s+"), re.compile(r"\s+"))


def split_text(text: str, max_chars: int = DEFAULT_MAX_CHARS) -> list[str]:
    """``text`` cut into pieces of at most ``max_chars`` whose concatenation is ``text``.

    Each cut is the last paragraph break in the window, else the last line
    break, sentence end or whitespace (the whitespace stays with the piece
    before), and only when a window holds none of these a hard cut.
    """
    if max_chars < 1:
        raise ValueError("max_chars must be positive")
    pieces: list[str] = []
    start = 0
    while len(text) - start > max_chars:
        window = text[start : start + max_chars]
        cut = 0
        for pattern in _CUTS:
            ends = [m.end() for m in pattern.finditer(window)]
            if ends and ends[-1] > max_chars // 4:  # not a tiny piece when a better cut exists further on
                cut = ends[-1]
                break
        if cut == 0:
            cut = max_chars
        pieces.append(text[start : start + cut])
        start += cut
    if start < len(text) or not pieces:
        pieces.append(text[start:])
    return pieces


def _pieces(nlp: Language, texts: list[str]) -> Iterator[Doc]:
    for piece in nlp.pipe(texts, batch_size=1):
        piece.tensor = piece.tensor[:0]  # extraction does not use the tok2vec tensor; joining would copy it
        yield piece


class PieceParseError(Exception):
    """spaCy failed on a piece of a long document."""


@dataclass(frozen=True)
class Pieces:
    """A long document to be parsed piece by piece: :meth:`parsed` gives each piece's offset and Doc in turn."""

    nlp: Any  # the spaCy Language
    text: str
    max_chars: int = DEFAULT_MAX_CHARS

    def parsed(self) -> Iterator[tuple[int, Doc]]:
        """``(start offset in the text, Doc)`` of each piece, one at a time (spaCy's failures as PieceParseError)."""
        texts = split_text(self.text, self.max_chars)
        offset = 0
        docs = _pieces(self.nlp, texts)
        for piece in texts:
            try:
                doc = next(docs)
            except Exception as exc:
                raise PieceParseError(str(exc) or type(exc).__name__) from exc
            if doc.text != piece:  # never expected: offsets would be wrong, so refuse rather than mislead
                raise PieceParseError("a parsed piece does not reproduce its text")
            yield offset, doc
            del doc
            offset += len(piece)


def parse_long(nlp: Language, text: str, max_chars: int = DEFAULT_MAX_CHARS) -> Doc:
    """Parse ``text`` (of any length) into one Doc whose text and offsets are exactly ``text``'s."""
    from spacy.tokens import Doc

    texts = split_text(text, max_chars)
    if len(texts) == 1:
        return nlp(text)
    doc = Doc.from_docs(list(_pieces(nlp, texts)), ensure_whitespace=False)
    if doc.text != text:  # never expected: offsets would be wrong, so refuse rather than mislead
        raise ValueError("joined pieces do not reproduce the text")
    return doc
