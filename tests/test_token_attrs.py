"""graphbuild.token_attrs: the memoised attribute_ruler + lemmatizer gives exactly the model's annotations."""

from __future__ import annotations

from typing import Any

import pytest
import spacy
from spacy.attrs import DEP, LEMMA, MORPH, POS, TAG

from graphbuild.nlp import load_pipeline
from graphbuild.token_attrs import FACTORY, TokenAttrs, Unsupported, install

ATTRS = [TAG, POS, MORPH, LEMMA, DEP]

#: Sentences with the model's two-token patterns ("gon na", "let 's", "ai n't", "c'm on", "y' all",
#: "there is"), its one-token word and dependency patterns (pronoun case, "nothin'", auxiliaries,
#: "but" as an adverb), space tokens and new words; repeated so that the memo is used as well as filled.
SENTENCES = [
    "I'm gonna tell you what I told him: let's go, we ain't waiting.",
    "C'mon y'all, there is nothin' to see and there were no cars, it isn't here.",
    "They gotta leave.  He gets what he got, but she did not do it.\n\nIt was done by it.",
    "The Blorvatian ministers were quickly outflanking the Zentrix consortium's shareholders.",
    "She has had enough; does he? What have they done with the biggest, best-known pubs?",
    "   \n  Spaces\tbefore and after.  \n",
    "",
]


def _annotations(doc: Any) -> list[list[int]]:
    return doc.to_array(ATTRS).tolist()  # type: ignore[no-any-return]


def _both(nlp: Any, text: str) -> tuple[Any, Any]:
    """The Doc after the model's own components and after the stand-in, parsed once."""
    doc = nlp.make_doc(text)
    for name in ("tok2vec", "tagger", "parser"):
        doc = nlp.get_pipe(name)(doc)
    a, b = doc.copy(), doc.copy()
    nlp.get_pipe("lemmatizer")(nlp.get_pipe("attribute_ruler")(a))
    nlp.get_pipe(FACTORY)(b)
    return a, b


def test_installed_in_place_of_the_two(nlp: Any) -> None:
    assert nlp.pipe_names == ["tok2vec", "tagger", "graphbuild_sentence_starts", "parser", FACTORY, "ner"]
    assert set(nlp.disabled) == {"attribute_ruler", "lemmatizer"}


@pytest.mark.parametrize("text", SENTENCES)
def test_same_annotations_as_the_model(nlp: Any, text: str) -> None:
    for _ in range(2):  # the second time from the memo
        a, b = _both(nlp, text)
        assert _annotations(a) == _annotations(b)
        assert [(t.pos_, str(t.morph), t.lemma_) for t in a] == [(t.pos_, str(t.morph), t.lemma_) for t in b]


def test_two_token_patterns_apply(nlp: Any) -> None:
    _, b = _both(nlp, "I'm gonna go, let's see, there is time.")
    by_text = {t.text: t for t in b}
    assert by_text["gon"].lemma_ == "go" and by_text["na"].lemma_ == "to"
    assert by_text["'s"].lemma_ == "us"
    assert by_text["is"].pos_ == "VERB"  # "there is": the expletive pattern over the auxiliary rule


def test_a_models_own_extra_rules() -> None:
    """Rules a user adds to the model's ruler (a regex, a negative index) are honoured, not memoised away."""
    own = load_pipeline.__wrapped__(stock=True)  # a fresh copy, as the model ships
    assert "attribute_ruler" in own.pipe_names and FACTORY not in own.pipe_names
    ruler = own.get_pipe("attribute_ruler")
    ruler.add([[{"LOWER": {"REGEX": "^zz"}}]], {"POS": "PROPN", "LEMMA": "zed"})
    ruler.add([[{"LOWER": "new"}, {"LOWER": "york"}]], {"POS": "PROPN"}, index=-1)
    assert install(own)
    for _ in range(2):
        for text in ("Zzyzx and Zzap went to New York, new york and york.", "The new york is old."):
            a, b = _both(own, text)
            assert _annotations(a) == _annotations(b)
    assert [t.lemma_ for t in own("Zzyzx fell.")][:1] == ["zed"]


def test_unsupported_rules_leave_the_pipeline_alone() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "a", "OP": "+"}]], {"POS": "DET"})
    lemmatizer = nlp.add_pipe("lemmatizer", config={"mode": "rule"})
    with pytest.raises(Unsupported):
        TokenAttrs(ruler, lemmatizer)
    assert not install(nlp)
    assert nlp.pipe_names == ["attribute_ruler", "lemmatizer"]


def test_rules_setting_other_attributes_are_unsupported() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "a"}]], {"NORM": "an"})
    with pytest.raises(Unsupported):
        TokenAttrs(ruler, nlp.add_pipe("lemmatizer", config={"mode": "rule"}))


def test_components_apart_are_left_alone() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("attribute_ruler")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("lemmatizer", config={"mode": "rule"})
    assert not install(nlp)
    assert nlp.pipe_names == ["attribute_ruler", "sentencizer", "lemmatizer"]


def test_memos_start_afresh_when_full(nlp: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    import graphbuild.token_attrs as token_attrs

    monkeypatch.setattr(token_attrs, "_MEMO_LIMIT", 5)
    for text in SENTENCES[:4]:
        a, b = _both(nlp, text)
        assert _annotations(a) == _annotations(b)
    assert len(nlp.get_pipe(FACTORY).lemmas) <= len(b)  # only the last text's words
