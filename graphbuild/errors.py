"""Every error graphbuild raises, in one place, each naming the bad value."""

from __future__ import annotations


class GraphbuildError(Exception):
    """Base class: a problem the user can act on, shown as one line."""


class InputError(GraphbuildError):
    """An input path or document that cannot be read.

    ``where`` names the file (and line) so the message can point at it.
    """

    def __init__(self, where: str, problem: str) -> None:
        self.where = where
        self.problem = problem
        super().__init__(f"{where}: {problem}")


class ModelNotFoundError(GraphbuildError):
    """No spaCy English model is installed."""


class ExportError(GraphbuildError):
    """An output format could not be written."""


class QueryError(GraphbuildError):
    """A SPARQL query or its data source failed."""


class PushError(GraphbuildError):
    """An upload to a triple store was refused or could not be made."""
