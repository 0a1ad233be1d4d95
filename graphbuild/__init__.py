"""graphbuild: knowledge graphs from English news, offline and deterministic.

Public API::

    from graphbuild import build, iter_documents
    result = build(["seeds/"], "outputs/")
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
