"""A memoised stand-in for spaCy's ``attribute_ruler`` + rule ``lemmatizer``, with exactly their output.

In ``en_core_web_sm`` the attribute ruler (179 Matcher patterns mapping the
tag, the word and the dependency label to POS and morphology) and the rule
lemmatizer cost about 18 ms of a news article's 104 ms, almost all of it
per-token Python (a Span and an attribute dict per match, a Token per
lemma).  Both are functions of few token attributes:

* the ruler applies, in rule order, the rules whose pattern matches; a
  one-token pattern reads only the attributes it names (here TAG, LOWER,
  DEP, IS_SPACE), so tokens alike in those give the same rules.  A word
  read by a LOWER/ORTH/NORM pattern counts as itself; any other word only
  by what the patterns' regular expressions say of it;
* the rule lemmatizer is a pure function of (ORTH, POS, MORPH): its own
  cache is keyed by exactly that.

:class:`TokenAttrs` keeps both as memos filled, on a miss, by the original
components' own Matcher patterns and lemmatizer: a document with a token
unseen before runs the one-token patterns over the document; patterns of
two or more tokens (``"gon na"``, ``"there is"``) run on every document;
an unseen (ORTH, POS, MORPH) calls the lemmatizer itself.  The results go
into the Doc through :meth:`Doc.from_array`.  :func:`install` puts it in
place of the two components when their rules are of the kinds understood
here and leaves the pipeline as it is otherwise.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterable
from typing import Any

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, NORM, ORTH, POS, TAG
from spacy.errors import Errors
from spacy.language import Language
from spacy.lookups import Lookups
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc

log = logging.getLogger(__name__)

FACTORY = "graphbuild_token_attrs"

#: What the one-token patterns may read: raw values (few), and words (many: read through an abstraction).
_RAW_READS = {"TAG": TAG, "DEP": DEP, "POS": POS, "IS_SPACE": IS_SPACE}
_WORD_READS = {"LOWER": LOWER, "ORTH": ORTH, "TEXT": ORTH, "NORM": NORM}
#: What the rules may set (all token-level, written with ``Doc.from_array``).
_SET = (TAG, POS, MORPH, LEMMA, DEP)
_COL = {attr: i for i, attr in enumerate(_SET)}
_READ = (ORTH, *_SET)  # the columns read from the Doc: ORTH, then the settable ones


#: Entries of the lemma memo (and of the lemmatizer's own cache) before they start afresh.
_MEMO_LIMIT = 1_000_000


class Unsupported(ValueError):
    """The components use a feature this stand-in does not reproduce."""


def _word_values(value: Any) -> tuple[set[str], list[re.Pattern[str]]]:
    """The literal words and the regular expressions of one pattern value on a word attribute."""
    if isinstance(value, str):
        return {value}, []
    if isinstance(value, dict) and value and set(value) <= {"IN", "NOT_IN", "REGEX"}:
        words: set[str] = set()
        regexes: list[re.Pattern[str]] = []
        for op, v in value.items():
            if op == "REGEX" and isinstance(v, str):
                regexes.append(re.compile(v))
            elif op != "REGEX" and isinstance(v, list) and all(isinstance(w, str) for w in v):
                words.update(v)
            else:
                raise Unsupported(f"word predicate {value!r}")
        return words, regexes
    raise Unsupported(f"word predicate {value!r}")


class _WordClass:
    """A word as the patterns see it: itself when a pattern names it, else what their regexes say of it."""

    def __init__(self) -> None:
        self.words: set[str] = set()
        self.regexes: list[re.Pattern[str]] = []
        self.memo: dict[int, object] = {}

    def add(self, value: Any) -> None:
        words, regexes = _word_values(value)
        self.words |= words
        self.regexes += [r for r in regexes if r.pattern not in {x.pattern for x in self.regexes}]

    def of(self, h: int, strings: Any) -> object:
        s: str = strings[h]
        if s in self.words:
            return s
        return tuple(bool(r.search(s)) for r in self.regexes)


class TokenAttrs:
    """The attribute ruler and the rule lemmatizer given as arguments, memoised (see the module doc)."""

    def __init__(self, ruler: AttributeRuler, lemmatizer: Lemmatizer) -> None:
        if type(lemmatizer) not in _lemmatizer_classes():  # a subclass may read more than (ORTH, POS, MORPH)
            raise Unsupported(f"lemmatizer class {type(lemmatizer).__name__}")
        if getattr(lemmatizer, "mode", None) != "rule" or lemmatizer.overwrite:
            raise Unsupported("lemmatizer not in rule mode, or overwriting")
        self.ruler = ruler
        vocab = ruler.vocab
        self.vocab = vocab
        self.single = Matcher(vocab, validate=False)  # one-token patterns, and each token of the longer ones
        self.rule_of: dict[int, int] = {}  # matcher key hash -> rule number (the ruler's order)
        self.spec_of: dict[int, int] = {}  # matcher key hash -> token pattern of a longer pattern
        self.index: list[int] = list(ruler.indices)
        self.sets: list[tuple[tuple[int, int], ...]] = []
        self.raw: list[int] = []
        self.words: dict[int, _WordClass] = {}
        specs: dict[str, int] = {}
        #: the patterns of two or more tokens: (rule, its token patterns, the token it sets)
        self.longer: list[tuple[int, tuple[int, ...], int]] = []
        for i, attrs in enumerate(ruler.attrs):
            if not set(attrs) <= set(_SET):
                raise Unsupported(f"rule {i} sets {sorted(attrs)}")
            self.sets.append(tuple((_COL[a], int(v)) for a, v in attrs.items()))
            got = ruler.matcher.get(str(i))
            patterns: list[list[dict[str, Any]]] = got[1] if got else []
            self.rule_of[vocab.strings.add(str(i))] = i
            at = self.index[i]
            for pattern in patterns:
                if not -len(pattern) <= at < len(pattern):
                    raise Unsupported(f"rule {i} sets token {at} of a {len(pattern)}-token pattern")
                for tok in pattern:
                    self._reads(i, tok)
            one = [p for p in patterns if len(p) == 1]
            if one:
                self.single.add(str(i), one)
            for pattern in patterns:
                if len(pattern) == 1:
                    continue
                ids = []
                for tok in pattern:
                    text = json.dumps(tok, sort_keys=True)
                    if text not in specs:
                        specs[text] = len(specs)
                        name = f"graphbuild-token-pattern-{specs[text]}"
                        self.spec_of[vocab.strings.add(name)] = specs[text]
                        self.single.add(name, [[tok]])
                    ids.append(specs[text])
                self.longer.append((i, tuple(ids), at if at >= 0 else len(pattern) + at))
        self.word_attrs = list(self.words)
        self.key_attrs: list[int | str] = [*self.raw, *self.word_attrs]
        #: token key -> (the rules of the one-token patterns it matches, the token patterns it matches)
        self.memo: dict[tuple[Any, ...], tuple[tuple[int, ...], tuple[int, ...]]] = {}
        self.folds: dict[tuple[int, ...], tuple[tuple[int, int], ...]] = {}  # rules -> (column, value) set
        self.lemmas: dict[tuple[int, int, int], int] = {}  # (orth, pos, morph) -> lemma
        self.lemmatizer = _with_index_sets(lemmatizer)

    def _reads(self, rule: int, tok: dict[str, Any]) -> None:
        """Note the attributes a token pattern reads (they make up the token key)."""
        for name, value in tok.items():
            upper = name.upper()
            if upper in _RAW_READS:
                if _RAW_READS[upper] not in self.raw:
                    self.raw.append(_RAW_READS[upper])
            elif upper in _WORD_READS:
                self.words.setdefault(_WORD_READS[upper], _WordClass()).add(value)
            else:  # OP (optional or repeated tokens) among them
                raise Unsupported(f"rule {rule} reads {name}")

    # --- the ruler ---------------------------------------------------------------------------

    def _keys(self, doc: Doc) -> list[tuple[Any, ...]]:
        cols: list[list[int]] = doc.to_array(self.key_attrs).T.tolist()
        n_raw = len(self.raw)
        for j, attr in enumerate(self.word_attrs):
            cls = self.words[attr]
            memo = cls.memo
            col = cols[n_raw + j]
            for t, h in enumerate(col):
                c = memo.get(h)
                if c is None:
                    c = memo[h] = cls.of(h, doc.vocab.strings)
                col[t] = c  # type: ignore[call-overload]
        return list(zip(*cols, strict=True))

    def _rules(self, doc: Doc) -> list[tuple[int, ...]]:
        """For each token, the rules whose patterns set something on it, in order."""
        keys = self._keys(doc)
        memo = self.memo
        rules = [memo.get(k) for k in keys]
        if None in rules:  # the patterns run on one token of each unseen key
            rule_of, spec_of = self.rule_of, self.spec_of
            for t, k in enumerate(keys):
                if rules[t] is not None:
                    continue
                got = memo.get(k)
                if got is None:
                    found: set[int] = set()
                    found_specs: set[int] = set()
                    for match_id, _, _ in self.single(doc[t : t + 1], allow_missing=True, as_spans=False):
                        if match_id in rule_of:
                            found.add(rule_of[match_id])
                        else:
                            found_specs.add(spec_of[match_id])
                    got = memo[k] = (tuple(sorted(found)), tuple(sorted(found_specs)))
                rules[t] = got
        out = [r[0] for r in rules]  # type: ignore[index]
        if self.longer:
            self._longer(rules, out)  # type: ignore[arg-type]
        return out

    def _longer(self, memoed: list[tuple[tuple[int, ...], tuple[int, ...]]], out: list[tuple[int, ...]]) -> None:
        """Add the rules of the longer patterns to the tokens they set (``out``, in place)."""
        at: dict[int, list[int]] = {}  # token pattern -> the tokens it matches
        for t, (_, specs) in enumerate(memoed):
            for j in specs:
                at.setdefault(j, []).append(t)
        if not at:
            return
        n = len(memoed)
        extra: dict[int, set[int]] = {}
        for rule, specs, target in self.longer:
            if any(j not in at for j in specs):
                continue
            k = len(specs)
            for start in at[specs[0]]:
                if start + k <= n and all(j in memoed[start + m][1] for m, j in enumerate(specs)):
                    extra.setdefault(start + target, set()).add(rule)
        for t, more in extra.items():
            out[t] = tuple(sorted(more.union(out[t])))

    def _fold(self, rules: tuple[int, ...]) -> tuple[tuple[int, int], ...]:
        """What the rules set, later rules over earlier ones (the ruler sorts its matches by rule)."""
        result: dict[int, int] = {}
        for i in rules:
            for col, value in self.sets[i]:
                result.pop(col, None)
                result[col] = value
        fold = tuple(result.items())
        self.folds[rules] = fold
        return fold

    # --- the component -----------------------------------------------------------------------

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if not n:
            return doc
        lm = self.lemmatizer
        if len(self.lemmas) > _MEMO_LIMIT:  # bounded by the vocabulary seen; a very long run starts afresh
            self.lemmas.clear()
            lm.cache.clear()
            for cls in self.words.values():
                cls.memo.clear()
        rows: list[list[int]] = doc.to_array(list(_READ)).tolist()
        folds = self.folds
        lemma_col, pos_col, morph_col = 1 + _COL[LEMMA], 1 + _COL[POS], 1 + _COL[MORPH]
        for row, rules in zip(rows, self._rules(doc), strict=True):
            fold = folds.get(rules)
            if fold is None:
                fold = self._fold(rules)
            for col, value in fold:
                row[col + 1] = value
        lemmas = self.lemmas
        missing: list[tuple[int, tuple[int, int, int]]] = []
        for t, row in enumerate(rows):
            if row[lemma_col] == 0:
                key = (row[0], row[pos_col], row[morph_col])
                lemma = lemmas.get(key)
                if lemma is None:
                    missing.append((t, key))
                else:
                    row[lemma_col] = lemma
        values: Any = numpy.array(rows, dtype=numpy.uint64)[:, 1:]
        doc.from_array(list(_SET), values)
        for t, key in missing:  # the lemmatizer on a real Token, as spaCy's own component does
            token = doc[t]
            token.lemma_ = lm.lemmatize(token)[0]
            lemmas[key] = token.lemma
        return doc

    def pipe(self, stream: Iterable[Doc], batch_size: int = 128) -> Iterable[Doc]:
        for doc in stream:
            yield self(doc)


def _with_index_sets(lemmatizer: Lemmatizer) -> Lemmatizer:
    """A copy of the lemmatizer whose word index tables are sets, not lists.

    ``rule_lemmatize`` asks ``form in index`` for each suffix rule that applies;
    on a list of 57,528 nouns that is a scan (about 0.6 ms a new word).  The
    answers, and so the lemmas, are the same; the model's own component is left
    as it is.
    """
    if not lemmatizer._validated:
        lemmatizer._validate_tables(Errors.E1004)
    copy = type(lemmatizer)(lemmatizer.vocab, None, lemmatizer.name, mode="rule", overwrite=False)
    lookups = Lookups()
    for name in lemmatizer.lookups.tables:
        source = lemmatizer.lookups.get_table(name)
        table = lookups.add_table(name)
        for key, value in source.items():
            table[key] = frozenset(value) if name == "lemma_index" else value
    copy.lookups = lookups
    copy._validate_tables(Errors.E1004)
    return copy


def _lemmatizer_classes() -> tuple[type[Lemmatizer], ...]:
    """The lemmatizers whose rule mode is a function of (ORTH, POS, MORPH) alone."""
    from spacy.lang.en.lemmatizer import EnglishLemmatizer

    return (Lemmatizer, EnglishLemmatizer)


@Language.factory(FACTORY)
def make_token_attrs(nlp: Language, name: str) -> TokenAttrs:
    """The stand-in built from the pipeline's (disabled) ``attribute_ruler`` and ``lemmatizer``."""
    ruler = nlp.get_pipe("attribute_ruler")
    lemmatizer = nlp.get_pipe("lemmatizer")
    if not isinstance(ruler, AttributeRuler) or not isinstance(lemmatizer, Lemmatizer):
        raise Unsupported("attribute_ruler or lemmatizer of another kind")
    return TokenAttrs(ruler, lemmatizer)


def install(nlp: Language) -> bool:
    """Replace ``attribute_ruler`` + ``lemmatizer`` (adjacent, in that order) by :class:`TokenAttrs`.

    They stay in the pipeline, disabled.  Returns whether the stand-in is in place; when the
    components are missing, apart, or use something it does not reproduce, nothing changes.
    """
    names = nlp.pipe_names
    if "attribute_ruler" not in names or "lemmatizer" not in names:
        return False
    at = names.index("attribute_ruler")
    if at + 1 >= len(names) or names[at + 1] != "lemmatizer":
        return False
    try:
        nlp.add_pipe(FACTORY, after="lemmatizer")
    except Unsupported as exc:
        log.debug("attribute_ruler and lemmatizer kept: %s", exc)
        return False
    nlp.disable_pipe("attribute_ruler")
    nlp.disable_pipe("lemmatizer")
    return True
