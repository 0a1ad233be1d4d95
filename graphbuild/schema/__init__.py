"""The JSON Schema of graph.json (``graph.schema.json``, JSON Schema 2020-12).

The schema describes what graphbuild writes; readers must accept keys it
does not list (the contract allows additions).  ``docs/graph-json.md``
explains every field.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

SCHEMA_FILE = "graph.schema.json"


@lru_cache(maxsize=1)
def _schema_text() -> str:
    return (resources.files("graphbuild") / "schema" / SCHEMA_FILE).read_text(encoding="utf-8")


def graph_schema() -> dict[str, Any]:
    """The JSON Schema of graph.json, as a fresh dict."""
    schema: dict[str, Any] = json.loads(_schema_text())
    return schema


def validate_graph_json(data: Any) -> list[str]:
    """Problems of a decoded graph.json against the schema, one line each (empty when it conforms).

    Needs the ``jsonschema`` package (in the ``dev`` extra).
    """
    import jsonschema

    validator = jsonschema.Draft202012Validator(graph_schema())
    return [
        f"{'/'.join(str(p) for p in err.absolute_path) or '(root)'}: {err.message}"
        for err in sorted(validator.iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path])
    ]
