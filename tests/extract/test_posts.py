"""Rule post-holder: a bare post title read as a person joins the one holder the text names, else is dropped."""

from __future__ import annotations

import pytest

from graphbuild.extract.entities import extract_entities
from graphbuild.extract.entity_steps.posts import is_post_title
from graphbuild.model import Document


def _people(nlp, text: str) -> dict[str, set[str]]:  # type: ignore[no-untyped-def]
    """Person label -> the texts of its mentions."""
    ents = extract_entities(nlp(text), Document(id="t", text=text))
    return {e.label: {m.text for m in e.mentions} for e in ents if e.type == "Person"}


@pytest.mark.parametrize(
    ("text", "post", "holder"),
    [
        ("The Lord Chancellor, Lord Hamblin, said the plan was flawed. Critics disagreed.", "Chancellor", "Hamblin"),
        ("Lord Pettigrew, who is Lord Chief Justice of Wales, spoke. The Lord Chief Justice said little else.",
         "Chief Justice", "Pettigrew"),
        ("Chancellor Harold Wexley will present his budget on Monday. The Chancellor told MPs growth was strong.",
         "Chancellor", "Harold Wexley"),
    ],
)
def test_post_joins_its_holder(nlp, text: str, post: str, holder: str) -> None:  # type: ignore[no-untyped-def]
    people = _people(nlp, text)
    assert post not in people
    assert post in people[holder]


@pytest.mark.parametrize(
    "text",
    [
        "The Chief Justice said the ruling would stand. Lawyers for the council disagreed.",
        # someone else's post, or a past holder: no holder of the post itself
        "Shadow Chancellor Oliver Pennock attacked the plan. The Chancellor said growth was strong.",
        "Former Chancellor Kenneth Arbury praised the plan. The Chancellor said growth was strong.",
        # two holders: none is chosen
        "Chancellor Dieter Hallmann met Chancellor Harold Wexley. The Chancellor said growth was strong.",
    ],
)
def test_post_without_a_single_holder_is_dropped(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    people = _people(nlp, text)
    assert not any(is_post_title(label) for label in people)
    assert not any("Chancellor" in texts or "Chief Justice" in texts for texts in people.values())


def test_post_title_words() -> None:
    assert is_post_title("Chancellor") and is_post_title("Lord Chief Justice") and is_post_title("Home Secretary")
    # surnames that are also titles, and names, are not bare posts
    assert not is_post_title("King") and not is_post_title("Judge") and not is_post_title("Gordon Brown")
    assert not is_post_title("Mervyn King") and not is_post_title("Bishop")
