"""The Dask engine: same graph as a local build, and a build that survives losing a worker."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest

from graphbuild.model import DocResult
from graphbuild.pipeline import BuildOptions, assemble, build, write_outputs

from .scale_corpus import write_corpus

distributed = pytest.importorskip("distributed")

pytestmark = [pytest.mark.model, pytest.mark.slow]

N_DOCS = 20


@pytest.fixture(scope="module")
def cluster() -> Iterator[object]:
    """A two-worker local Dask cluster of separate processes."""
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40
    ) as c:
        yield c


@pytest.fixture(scope="module")
def local_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The corpus and its graph.json built locally with one process."""
    tmp = tmp_path_factory.mktemp("dask-local")
    corpus = write_corpus(tmp / "corpus.jsonl", range(N_DOCS))
    report = build([corpus], BuildOptions(outdir=tmp / "out", formats=(), html=False, processes=1, use_cache=False))
    assert report.documents == N_DOCS
    return corpus, tmp / "out" / "graph.json"


def test_dask_build_equals_local_build(
    cluster: distributed.LocalCluster, local_build: tuple[Path, Path], tmp_path: Path
) -> None:
    """`--dask ADDRESS` writes the same graph.json as a local build."""
    corpus, expected = local_build
    opts = BuildOptions(
        outdir=tmp_path, formats=(), html=False, engine="dask", dask_address=cluster.scheduler_address, batch_size=4
    )
    report = build([corpus], opts)
    assert report.documents == N_DOCS and report.extracted == N_DOCS and not report.errors
    assert (tmp_path / "graph.json").read_text(encoding="utf-8") == expected.read_text(encoding="utf-8")


def test_build_survives_a_killed_worker(
    cluster: distributed.LocalCluster, local_build: tuple[Path, Path], tmp_path: Path
) -> None:
    """Killing a worker process in the middle of a build still completes it with the same output."""
    from graphbuild.distributed import extract_dask
    from graphbuild.sources import iter_documents

    corpus, expected = local_build
    address = cluster.scheduler_address
    results: list[DocResult] = []
    killed = None
    with distributed.Client(address) as client:
        for i, (_, res) in enumerate(extract_dask(iter_documents([corpus]), address, None, batch_size=2)):
            assert isinstance(res, DocResult), res
            results.append(res)
            if i == 0:  # a worker still busy with tasks of this build dies
                busy = [w for w, keys in client.processing().items() if keys]
                assert busy, "no task was in flight"
                killed = busy[0]
                pid = client.run(os.getpid, workers=[killed])[killed]
                os.kill(pid, signal.SIGKILL)
    assert killed is not None and len(results) == N_DOCS
    graph = assemble(results)
    write_outputs(graph, BuildOptions(outdir=tmp_path, formats=(), html=False))
    assert (tmp_path / "graph.json").read_text(encoding="utf-8") == expected.read_text(encoding="utf-8")
