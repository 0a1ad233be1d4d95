"""graphbuild: knowledge graphs from English news, offline and deterministic.

Public API::

    from graphbuild import BuildOptions, build
    report = build(["seeds/"], BuildOptions(outdir=Path("outputs")))
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["BuildOptions", "BuildReport", "__version__", "build", "iter_documents"]


def __getattr__(name: str) -> object:
    """Lazy public API, so importing graphbuild stays cheap."""
    if name in ("build", "BuildOptions", "BuildReport"):
        from graphbuild import pipeline

        return getattr(pipeline, name)
    if name == "iter_documents":
        from graphbuild.sources import iter_documents

        return iter_documents
    raise AttributeError(f"module 'graphbuild' has no attribute {name!r}")
