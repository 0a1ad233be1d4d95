"""Shared helpers of the relation and event rules: token → entity lookup, evidence."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from graphbuild.extract.entity_steps.sexes import sex_of
from graphbuild.model import DocEntity, Evidence, Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

PRONOUNS_PERSON = frozenset({"he", "she", "him", "her", "his", "hers"})
_PRONOUN_SEX = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
_HONORIFIC_SEX = {"mr": "m", "sir": "m", "lord": "m", "king": "m", "prince": "m", "mrs": "f", "ms": "f",
                  "miss": "f", "lady": "f", "dame": "f", "queen": "f", "princess": "f", "baroness": "f"}
RELATIVE = frozenset({"who", "whose", "which", "that", "whom"})
#: Sentences back a chain of subject pronouns is followed to the name it starts from ("Ann Lee ... She was spotted
#: ... She joined ... From here, she toured").
_PRONOUN_CHAIN = 4
#: Quotation marks: in quoted words "he" is not told by the previous sentence's subject, who may be the speaker.
_QUOTES = frozenset({'"', "\u201c", "\u201d", "''", "``"})


@dataclass(frozen=True, slots=True)
class TokenTable:
    """A Doc's per-token attributes as plain lists, read in one pass.

    ``doc[i]`` and ``for tok in doc`` build a new Token object each time, and
    ``doc.text`` is rebuilt from every token on each access; rules that scan
    a whole document for a few cue words look the words up here and make
    Tokens only where they match.
    """

    text: list[str]
    lower: list[str]  # str.lower() of the text
    lemma: list[str]  # lowercased
    pos: list[str]
    idx: list[int]
    doc_text: str
    word_set: frozenset[str]  # the lowercased token texts
    space: list[bool]  # whether a space follows the token (``Token.whitespace_``)


_TABLE_KEY = "graphbuild.token_table"


def token_table(doc: Doc) -> TokenTable:
    """The :class:`TokenTable` of ``doc``, built on first use and kept in ``doc.user_data``."""
    table = doc.user_data.get(_TABLE_KEY)
    if table is None or len(table.text) != len(doc):
        table = _build_table(doc)
        doc.user_data[_TABLE_KEY] = table
    return cast(TokenTable, table)


#: String of a hash, and lowercased string of a hash, shared by all Docs (a hash names one string in
#: every Vocab); looking a hash up here is much cheaper than in the StringStore or through a Token.
_STRINGS: dict[int, str] = {}
_LOWER_STRINGS: dict[int, str] = {}


def strings_of(doc: Doc, hashes: list[int]) -> list[str]:
    """The strings of ``hashes`` (a column of ``Doc.to_array``), through the shared memo."""
    store, strs = doc.vocab.strings, _STRINGS
    return [strs[h] if h in strs else strs.setdefault(h, store[h]) for h in hashes]


def _build_table(doc: Doc) -> TokenTable:
    """The table read from ``Doc.to_array`` (no Token objects)."""
    from spacy.attrs import IDX, LEMMA, ORTH, POS, SPACY
    from spacy.parts_of_speech import NAMES

    if len(_STRINGS) > 1_000_000:  # bounded by the vocabulary seen; a very long run starts afresh
        _STRINGS.clear()
        _LOWER_STRINGS.clear()
    store = doc.vocab.strings
    cols: list[list[int]] = doc.to_array([ORTH, LEMMA, POS, IDX, SPACY]).T.tolist() if len(doc) else [[]] * 5
    lows = _LOWER_STRINGS
    text = strings_of(doc, cols[0])
    lower = [w.lower() for w in text]  # not Token.lower_: empty in Docs built on a bare Vocab
    return TokenTable(
        text=text,
        lower=lower,
        lemma=[lows[h] if h in lows else lows.setdefault(h, store[h].lower()) for h in cols[1]],
        pos=[NAMES[p] for p in cols[2]],
        idx=cols[3],
        doc_text="".join([w + " " if sp else w for w, sp in zip(text, cols[4], strict=True)]),
        word_set=frozenset(lower),
        space=[bool(sp) for sp in cols[4]],
    )


_SENT_KEY = "graphbuild.sentences"


def sentence_of(doc: Doc) -> list[Span]:
    """The sentence of every token, by token index (``Token.sent`` searches for it on every call)."""
    sents = doc.user_data.get(_SENT_KEY)
    if sents is None or len(sents) != len(doc):
        sents = []
        for sent in doc.sents:
            sents += [sent] * len(sent)
        doc.user_data[_SENT_KEY] = sents
    return cast("list[Span]", sents)


#: Every ``doc.user_data`` key the extraction caches under (see :func:`release_tables`).
TABLE_KEYS = (_TABLE_KEY, _SENT_KEY, "graphbuild.dep_parse")


def release_tables(doc: Doc) -> None:
    """Drop the tables extraction cached on ``doc``.

    The sentence table holds Spans, which hold the Doc: left in place it
    makes a reference cycle, and the Doc (with its arrays) would wait for the
    cyclic garbage collector instead of going as soon as spaCy lets go of it
    (on BBC articles a worker then peaks 100 MB higher).
    """
    for key in TABLE_KEYS:
        doc.user_data.pop(key, None)


def doc_text(doc: Doc) -> str:
    """``doc.text``, read once per document."""
    return token_table(doc).doc_text


def span_text(span: Span) -> str:
    """``span.text``, cut from the document text (``Span.text`` makes a Token for every word)."""
    return token_table(span.doc).doc_text[span.start_char : span.end_char]


@dataclass(frozen=True, slots=True)
class Hit:
    """An entity mention found at a token."""

    entity: DocEntity
    mention: Mention


class EntityIndex:
    """Token-level index of a document's entity mentions."""

    def __init__(self, doc: Doc, entities: tuple[DocEntity, ...]) -> None:
        self.doc = doc
        self.entities = entities
        self.by_token: dict[int, Hit] = {}
        self.spans: list[tuple[int, int, Hit]] = []  # token start, end (exclusive), hit
        for ent in entities:
            for m in ent.mentions:
                span = doc.char_span(m.start, m.end, alignment_mode="expand")
                if span is None:
                    continue
                hit = Hit(ent, m)
                self.spans.append((span.start, span.end, hit))
                for i in range(span.start, span.end):
                    self.by_token.setdefault(i, hit)
        self.spans.sort(key=lambda s: (s[0], s[1]))
        # a person's sex when an honorific before one of their mentions says it ("Mr Lammy", "Mrs May")
        self.sex: dict[str, str] = {}
        for s, _e, hit in self.spans:
            if s > 0 and hit.entity.type == "Person":
                sex = _HONORIFIC_SEX.get(doc[s - 1].text.rstrip(".").lower())
                if sex is not None:
                    self.sex.setdefault(hit.entity.key, sex)
        for ent in entities:  # else a common given name ("Anna Berg", "Peter Holm")
            if ent.type == "Person" and ent.key not in self.sex and (given := sex_of(ent.label.split()[0])):
                self.sex[ent.key] = given
        self.start_at = {s: (s, e, h) for s, e, h in self.spans}
        self.end_at = {e: (s, e, h) for s, e, h in self.spans}
        self._starts = [s for s, _e, _h in self.spans]  # for a lookup by token range without a scan of the document
        self._span_of: dict[Mention, tuple[int, int]] = {}
        for s, e, h in self.spans:
            self._span_of.setdefault(h.mention, (s, e))

    def at(self, token: Token) -> Hit | None:
        """The mention covering ``token``."""
        return self.by_token.get(token.i)

    def span_of(self, hit: Hit) -> tuple[int, int]:
        """Token range of a mention."""
        return self._span_of[hit.mention]

    def within(self, start: int, end: int) -> list[tuple[int, int, Hit]]:
        """The mentions inside tokens ``start:end``, in order (a bisection: linear in the document, not per call)."""
        from bisect import bisect_left

        out = []
        for k in range(bisect_left(self._starts, start), len(self.spans)):
            s, e, h = self.spans[k]
            if s >= end:
                break
            if e <= end:
                out.append((s, e, h))
        return out

    def in_subtree(self, token: Token, limit: int = 40) -> list[Hit]:
        """Mentions inside the subtree of ``token`` in token order (closest first by depth)."""
        hits: list[tuple[int, int, Hit]] = []
        seen: set[Mention] = set()
        for t in token.subtree:
            h = self.by_token.get(t.i)
            if h is not None and h.mention not in seen:
                seen.add(h.mention)
                depth = 0
                x = t
                while x.i != token.i and x.head.i != x.i and depth < limit:
                    x = x.head
                    depth += 1
                hits.append((depth, t.i, h))
        hits.sort(key=lambda x: (x[0], x[1]))
        return [h for _, _, h in hits]

    def resolve(self, token: Token) -> Hit | None:
        """The entity a token stands for: its own mention, or for a pronoun/relative the antecedent."""
        hit = self.at(token)
        if hit is not None:
            return hit
        low = token.lower_
        if low in RELATIVE:
            return self.antecedent_relative(token)
        if low in PRONOUNS_PERSON:
            found = self.antecedent_person(token)
            if found is None:
                return None
            sent = token.sent
            if sent.start_char <= found.mention.start and found.mention.end <= sent.end_char:
                return found
            # the antecedent is in another sentence: the evidence names the pronoun, which is in this one
            pron = Mention(token.idx, token.idx + len(token.text), token.text, sent.start_char, sent.end_char, "pronoun")
            return Hit(found.entity, pron)
        return None

    def antecedent_relative(self, token: Token) -> Hit | None:
        """'X, whose/who ...': the mention right before the relative word."""
        j = token.i - 1
        while j >= 0 and self.doc[j].is_punct:
            j -= 1
        if j >= 0:
            return self.by_token.get(j)
        return None

    def antecedent_person(self, token: Token, depth: int = 0) -> Hit | None:
        """A personal pronoun's antecedent: the subject person of its clause, else for a subject pronoun the
        subject of the sentence before when no person comes before it in its own, else the nearest Person
        before it."""
        sent = token.sent
        want = _PRONOUN_SEX.get(token.lower_)

        def fits(h: Hit | None) -> bool:
            """A person of a sex the pronoun allows (an honorific elsewhere in the article says it)."""
            return h is not None and h.entity.type == "Person" and self.sex.get(h.entity.key, want) == want

        # the subject of the verb that governs the pronoun's clause
        head = token.head
        for _ in range(6):
            for child in head.children:
                if child.dep_ in ("nsubj", "nsubjpass") and child.i != token.i:
                    h = self.by_token.get(child.i)
                    if h is not None and fits(h):
                        return h
            if head.head.i == head.i:
                break
            head = head.head
        # a subject pronoun with no person (nor quotation mark) before it in its sentence: the subject of the
        # sentence before ("DiCaprio faces Depp and Foxx. The crowd screamed when he arrived": DiCaprio)
        if token.dep_ in ("nsubj", "nsubjpass") and sent.start > 0 and depth < _PRONOUN_CHAIN and not any(
                fits(self.by_token.get(j)) or self.doc[j].text in _QUOTES for j in range(sent.start, token.i)):
            prev_root = self.doc[sent.start - 1].sent.root
            for _ in range(3):  # quoted words are not the narrative: "He pledged ... 'X would love me.' He finished"
                if not (_in_quote(self.doc, prev_root.idx) and prev_root.sent.start > 0) or _in_quote(
                        self.doc, token.idx):
                    break
                prev_root = self.doc[prev_root.sent.start - 1].sent.root
            for child in prev_root.children:
                if child.dep_ in ("nsubj", "nsubjpass"):
                    h = self.by_token.get(child.i)
                    if h is None and _PRONOUN_SEX.get(child.lower_) == want:
                        h = self.antecedent_person(child, depth + 1)
                    if fits(h):
                        return h
                    break
        # nearest Person mention before the pronoun, in this sentence or the previous one; a name in quoted
        # words is no antecedent of the narrative's pronoun
        start = max(0, sent.start - 60)
        quoted = _in_quote(self.doc, token.idx)
        for j in range(token.i - 1, start - 1, -1):
            h = self.by_token.get(j)
            if h is not None and fits(h) and (quoted or not _in_quote(self.doc, self.doc[j].idx)):
                return h
        return None


def _in_quote(doc: Doc, char: int) -> bool:
    """Whether offset ``char`` is inside quotation marks opened earlier in its paragraph."""
    text = doc.text
    seg = text[text.rfind("\n", 0, char) + 1 : char]
    return seg.count('"') % 2 == 1 or seg.count("\u201c") > seg.count("\u201d")


def evidence(
    doc_id: str,
    sent: Span,
    subject_text: str,
    object_text: str,
    rule: str,
    confidence: float,
) -> Evidence:
    """An Evidence record for one sentence (its text trimmed of trailing whitespace)."""
    text = span_text(sent)
    stripped = text.rstrip()
    lead = len(text) - len(text.lstrip())
    start = sent.start_char + lead
    end = sent.start_char + len(stripped)
    return Evidence(
        doc=doc_id,
        sentence_start=start,
        sentence_end=end,
        subject_text=subject_text,
        object_text=object_text,
        rule=rule,
        confidence=round(confidence, 3),
        sentence=text.strip(),
    )
