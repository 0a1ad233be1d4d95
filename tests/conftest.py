"""Shared fixtures: the spaCy model, the seed, paths to shared data, outside programs."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED = SEEDS / "kyiv-blinken-lammy.txt"
SHARED = ROOT.parent / "shared"
SHARED_DATA = SHARED / "data"
STRICT = os.environ.get("GRAPHBUILD_STRICT") == "1"


def require_program(name: str) -> str:
    """Path of an outside program; skip without it (fail under GRAPHBUILD_STRICT=1)."""
    path = shutil.which(name)
    if path is None:
        if STRICT:
            pytest.fail(f"{name} is required under GRAPHBUILD_STRICT=1 but is not installed")
        pytest.skip(f"{name} is not installed")
    return path


def require_shared(*parts: str) -> Path:
    """A path under ../shared; skip cleanly when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not available")
    return path


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    """The spaCy pipeline graphbuild uses."""
    from graphbuild.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """A fresh build of seeds/ (all formats), shared by the tests that read it."""
    from graphbuild.pipeline import BuildOptions, build

    out = tmp_path_factory.mktemp("seed-build")
    report = build([SEEDS], BuildOptions(outdir=out, use_cache=False, processes=1))
    assert report.documents == 1, report.errors
    return out, report


@pytest.fixture(scope="session")
def bbc_extracted():  # type: ignore[no-untyped-def]
    """BBC politics and 30 articles of each other category, extracted once per session (tests/bbc150.py)."""
    from tests.bbc150 import extract_bbc

    return extract_bbc()


@pytest.fixture(scope="session")
def bbc150(bbc_extracted):  # type: ignore[no-untyped-def]
    """A KnowledgeGraph of 150 BBC articles (30 per category), built once per session; skips without ../shared/data."""
    from tests.bbc150 import build_bbc150

    return build_bbc150(bbc_extracted)
