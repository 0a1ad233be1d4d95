"""How many documents a build will read, counted before it starts (for a progress bar with a total and an ETA).

Counting is cheap: files are listed and JSONL lines counted without being
decoded.  Standard input cannot be counted in advance, so a build that reads
``-`` gets a bar without a total.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

#: The suffixes :mod:`graphbuild.sources` reads (text files, JSONL, CSV).
TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
CSV_SUFFIXES = frozenset({".csv"})


def _jsonl_lines(path: Path) -> int:
    """Non-blank lines of a JSONL file (each is one document, or one reported error)."""
    with path.open("rb") as fh:
        return sum(1 for line in fh if line.strip())


def _files(path: Path) -> Iterable[Path]:
    if not path.is_dir():
        return [path]
    return (
        child
        for child in sorted(path.rglob("*"))
        if child.is_file()
        and child.suffix.lower() in TEXT_SUFFIXES | JSONL_SUFFIXES | CSV_SUFFIXES
        and not any(part.startswith(".") for part in child.relative_to(path).parts)
    )


def count_documents(inputs: Iterable[str | Path]) -> int | None:
    """How many documents ``inputs`` hold (files, directories, JSONL lines, CSV records); None when one is standard input."""
    total = 0
    for item in inputs:
        if str(item) == "-":
            return None
        path = Path(item)
        if not path.exists():
            continue
        for file in _files(path):
            try:
                suffix = file.suffix.lower()
                if suffix in CSV_SUFFIXES:
                    from graphbuild.csv_input import count_csv_records

                    total += count_csv_records(file)
                else:
                    total += _jsonl_lines(file) if suffix in JSONL_SUFFIXES else 1
            except OSError:
                total += 1  # reported as an error when read
    return total
