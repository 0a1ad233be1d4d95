#!/usr/bin/env python3
"""Derive graphbuild/data/cameo_triggers.tsv from PETRARCH2's CAMEO verb dictionary (MIT).

    python3 scripts/derive_cameo_triggers.py ../shared/data/petrarch/CAMEO.2.0.txt > graphbuild/data/cameo_triggers.tsv

Rows (tab-separated): ``verb  object  cameo  type``.

- ``object`` ``*``: the verb's own code (the block default, or the code written after the verb form).
- ``object`` a word or ``prep:word``: a phrase pattern of the block (``- * DEAL [057] # STRIKE`` →
  ``strike deal 057 Agreement``; ``- * (WITH OFFICIALS) [110]`` → ``clash with:officials``), kept only
  when it changes the verb's graphbuild type; type ``-`` means "not an event" (CAMEO ``[---]``).

Only single-word verb forms and single-word (or one preposition + one word) patterns are kept: graphbuild
reads the dependency parse, not the PETRARCH phrase grammar.  CAMEO codes map to graphbuild types by
:func:`gb_type` (the table in ../shared/data/petrarch/README.md).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

NOTICE = """# Event triggers derived from the PETRARCH2 CAMEO verb dictionary (CAMEO.2.0.txt,
# openeventdata/petrarch2 commit 676801cd9cb2924bbbad09f86d15c9323e7097bf) by scripts/derive_cameo_triggers.py.
# Columns: verb lemma, object ("*" = the verb alone; "word" = its direct object; "prep:word" = a
# prepositional phrase), CAMEO code, graphbuild event type ("-" = not an event in that sense).
#
# The MIT License (MIT)
# Copyright (c) 2015 Open Event Data Alliance
# Permission is hereby granted, free of charge, to any person obtaining a copy of this software and
# associated documentation files (the "Software"), to deal in the Software without restriction, including
# without limitation the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
# copies of the Software, and to permit persons to whom the Software is furnished to do so, subject to the
# following conditions:
# The above copyright notice and this permission notice shall be included in all copies or substantial
# portions of the Software.
# THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT
# LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO
# EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER
# IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE
# USE OR OTHER DEALINGS IN THE SOFTWARE."""


def gb_type(code: str) -> str | None:
    """graphbuild event type of a CAMEO code ("057", "042:043", "---"); None when it has none."""
    code = code.split(":")[0].strip()
    if not code or code.startswith("-"):
        return "-"
    if not code[:2].isdigit():
        return None
    top, three = code[:2], code[:3]
    if top == "01" or top in ("03", "11", "12", "13"):
        return "Statement"
    if top in ("02", "10"):
        return "Request"
    if top == "04":
        return "Travel" if three == "042" else "Meet"
    if top == "05":
        if three == "057":
            return "Agreement"
        return "Statement" if three in ("051", "052", "055") else "Support"
    if top in ("06", "07"):
        return "Support"
    if top == "14":
        return "Protest"
    if three == "163" or three == "172":
        return "Sanction"
    if top in ("18", "19", "20"):
        return "Attack"
    return None


_HEADER = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---")
_FORM = re.compile(r"^([A-Z][A-Z_]*)\b[^\[#]*(?:\[([^\]]*)\])?")
_PATTERN = re.compile(r"^-\s+\*\s+(.*?)\s*\[([^\]]*)\]\s*(?:#\s*(.*))?$")


def _object(rest: str) -> str | None:
    """The object of a pattern tail: one WORD, or (PREP WORD); None for anything longer."""
    rest = rest.strip()
    m = re.fullmatch(r"([A-Z]+)", rest)
    if m:
        return m.group(1).lower()
    m = re.fullmatch(r"\(([A-Z]+) ([A-Z]+)\)", rest)
    if m:
        return f"{m.group(1).lower()}:{m.group(2).lower()}"
    return None


def derive(text: str) -> list[tuple[str, str, str, str]]:
    rows: dict[tuple[str, str], tuple[str, str]] = {}
    default = ""
    verbs: dict[str, str] = {}  # verb lemma -> its code within the current block
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].rstrip() if not raw.startswith("-") else raw.rstrip()
        h = _HEADER.match(raw)
        if h:
            default, verbs = h.group(2).strip(), {}
            continue
        if not line.strip():
            continue
        if line.startswith("-"):
            p = _PATTERN.match(line)
            if not p:
                continue
            obj = _object(p.group(1))
            code = p.group(2).strip()
            owners = [v.strip().lower() for v in (p.group(3) or "").split(",") if v.strip()]
            if obj is None or not owners:
                continue
            t = gb_type(code)
            for v in owners:
                base = verbs.get(v)
                if base is None or t is None:
                    continue
                if t != gb_type(base):
                    rows.setdefault((v, obj), (code or "---", t))
            continue
        f = _FORM.match(line)
        if f and not line.startswith("+") and "_" not in f.group(1):
            verb = f.group(1).lower()
            code = (f.group(2) or default).strip()
            verbs[verb] = code
            t = gb_type(code)
            if t is not None and t != "-":
                rows.setdefault((verb, "*"), (code, t))
    return sorted((v, o, c, t) for (v, o), (c, t) in rows.items())


def main() -> None:
    src = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/petrarch/CAMEO.2.0.txt")
    print(NOTICE)
    for row in derive(src.read_text(encoding="utf-8", errors="replace")):
        print("\t".join(row))


if __name__ == "__main__":
    main()
