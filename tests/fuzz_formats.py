"""Fuzzed articles and a check of every output format a build writes, in every parser at hand.

Shared by ``tests/test_fuzz_formats.py`` (a small sample in the suite) and
``benchmarks/fuzz_formats.py`` (the 2,000-article run of issue 13).  The
articles are made up here: sentences of a few fixed shapes whose names,
places and organisations carry the characters that break IRIs and literals
(quotes, brackets, backslashes, percent signs, control and format
characters, exotic spaces, right-to-left text, emoji, lone surrogates),
with hostile ids, urls, titles and dates beside them.
"""

from __future__ import annotations

import json
import random
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

#: Every format ``graphbuild build`` writes besides graph.json, with its file name and each parser's name for it.
RDF_FORMATS: dict[str, dict[str, str]] = {
    "turtle": {"file": "graph.ttl", "rdflib": "turtle", "oxigraph": "TURTLE", "rapper": "turtle"},
    "ntriples": {"file": "graph.nt", "rdflib": "nt", "oxigraph": "N_TRIPLES", "rapper": "ntriples"},
    "nquads": {"file": "graph.nq", "rdflib": "nquads", "oxigraph": "N_QUADS", "rapper": "nquads"},
    "trig": {"file": "graph.trig", "rdflib": "trig", "oxigraph": "TRIG", "rapper": "trig"},
    "jsonld": {"file": "graph.jsonld", "rdflib": "json-ld", "oxigraph": "JSON_LD"},
}

_SPACES = ["\u00a0", "\u3000", "\u2028", "\u2029", "\u200b", "\u2009", "\t", "\u0085", "\u180e", "\ufeff"]
_ODD = [*'<>"{}|^`\\%#?&=/:;@$*+!~[]\'', "%20", "%zz", "%", "..", "/../", "#x#y", "\\u0041", "\\n"]
_FORMAT = ["\u200d", "\u200e", "\u202e", "\u2066", "\ufe0f", "\u0301", "\u0000", "\u0001", "\u001b", "\u007f", "\ufffe"]
_SCRIPTS = ["שלום", "عربي", "Ωμέγα", "Жуков", "李伟", "한국", "😀", "👩\u200d👩\u200d👧", "🇺🇦", "ǅ", "ß", "İ", "ﬁ"]
_SURROGATE = "\ud83d"  # half an emoji, as scraped feeds cut them; written as a JSON escape
_FIRST = ["David", "Antony", "Maria", "Jean", "Olena", "Kwame", "Siobhan", "Zoë", "José", "Ngozi", "Li", "Ahmed"]
_LAST = ["Lammy", "Blinken", "Okafor", "O'Brien", "Müller", "García", "Nakamura", "Kowalski", "Haddad", "Smith"]
_TITLES = ["President", "Prime Minister", "Foreign Secretary", "Chief Executive", "Minister", "Senator", "General"]
_PLACES = ["London", "Kyiv", "Paris", "Lagos", "Berlin", "Tokyo", "Gaza", "Ohio", "Brazil", "Wales"]
_ORGS = ["Acme Holdings", "the United Nations", "Nato", "Reuters", "Tesco", "the Red Cross", "Barclays"]
_SENTENCES = [
    "{t1} {p1} met {t2} {p2} in {pl} on Tuesday.",
    "{p1}, the chief executive of {o1}, said {o1} would cut 500 jobs in {pl}.",
    '"We will not back down," {p2} told reporters in {pl}.',
    "{p1} was born in {pl} and later moved to {pl2}, where {p1} joined {o1}.",
    "{o1} announced that {p2} will visit {pl2} next month to sign an agreement with {p1}.",
    "Police in {pl} said {p1} had been arrested after protests outside the {o1} offices.",
    "{t2} {p2} resigned on Friday, {o1} said in a statement.",
]


def _odd_piece(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.3:
        return rng.choice(_ODD)
    if kind < 0.5:
        return rng.choice(_SPACES)
    if kind < 0.7:
        return rng.choice(_FORMAT)
    if kind < 0.9:
        return rng.choice(_SCRIPTS)
    return _SURROGATE


def _hostile(rng: random.Random, word: str) -> str:
    """``word`` with one or two awkward pieces inserted, or (rarely) left alone."""
    if rng.random() < 0.15:
        return word
    for _ in range(rng.randint(1, 2)):
        at = rng.randint(0, len(word))
        word = word[:at] + _odd_piece(rng) + word[at:]
    return word


def _name(rng: random.Random) -> str:
    first, last = rng.choice(_FIRST), rng.choice(_LAST)
    return f"{_hostile(rng, first)} {_hostile(rng, last)}" if rng.random() < 0.7 else f"{first} {_hostile(rng, last)}"


def _id(rng: random.Random, n: int) -> str:
    shapes: list[Callable[[], str]] = [
        lambda: f"doc-{n}",
        lambda: f"../{n}/..",
        lambda: f"a/b#{n}%zz",
        lambda: f"{n} {rng.choice(_SPACES)}x",
        lambda: f"{rng.choice(_SCRIPTS)}-{n}",
        lambda: f"<{n}>\"'\\{{}}|^`",
        lambda: f"%{n}%25%2F",
        lambda: f"?q={n}&r=<s>",
        lambda: f"{n}" + "x" * rng.choice([300, 10_000]),
        lambda: f"{n}{_SURROGATE}",
        lambda: f"{_hostile(rng, 'id')}{n}",
    ]
    return rng.choice(shapes)()


def _url(rng: random.Random, n: int) -> str | None:
    shapes: list[Callable[[], str | None]] = [
        lambda: None,
        lambda: "",
        lambda: f"https://www.bbc.co.uk/news/{n}",
        lambda: f"https://example.org/a{rng.choice(_SPACES)}b/{n}",
        lambda: f"https://example.org/{_hostile(rng, 'path')}?q={_hostile(rng, 'v')}#{_hostile(rng, 'f')}",
        lambda: f"http://[::1]:8080/{n}",
        lambda: f"https://例え.jp/パス/{n}",
        lambda: f"javascript:alert({n})",
        lambda: f"not a url {n}",
        lambda: f"http://x/%zz%{n}",
        lambda: f"mailto:a{n}@example.org",
        lambda: f"ftp://a/b#frag#frag2{n}",
        lambda: f"https://a.org/?q=a b&c=<d>&e=\"{n}\"",
        lambda: f"HTTPS://EXAMPLE.ORG/{n}{rng.choice(_FORMAT)}",
    ]
    return rng.choice(shapes)()


def _title(rng: random.Random) -> str | None:
    shapes: list[Callable[[], str | None]] = [
        lambda: None,
        lambda: "",
        lambda: f"{_name(rng)} visits {rng.choice(_PLACES)}",
        lambda: '"""' + _hostile(rng, "Quoted") + "'''",
        lambda: f"Line one\nline two\r\n{_hostile(rng, 'three')}\\",
        lambda: "".join(_odd_piece(rng) for _ in range(rng.randint(1, 12))),
        lambda: "T" * 5000,
    ]
    return rng.choice(shapes)()


def _date(rng: random.Random) -> str | None:
    """Mostly dates at the edges of what a date can be; now and then one the reader refuses (one error line)."""
    if rng.random() < 0.05:
        return rng.choice(["2024-02-30", "Wednesday", "20240911", "2024-13-01"])
    return rng.choice([None, "2024-09-11", "0001-01-01", "0001-03-05", "9999-12-31", "1970-01-01", "2024-02-29"])


def fuzz_article(rng: random.Random, n: int) -> dict[str, Any]:
    """One JSONL record: a short article whose names are hostile, with a hostile id, url, title and date."""
    people = [_name(rng) for _ in range(2)]
    fill = {
        "t1": rng.choice(_TITLES), "t2": rng.choice(_TITLES), "p1": people[0], "p2": people[1],
        "pl": _hostile(rng, rng.choice(_PLACES)), "pl2": rng.choice(_PLACES), "o1": _hostile(rng, rng.choice(_ORGS)),
    }
    text = " ".join(s.format(**fill) for s in rng.sample(_SENTENCES, rng.randint(2, 5)))
    if rng.random() < 0.2:
        text += "\n\n" + _hostile(rng, "Ends with odd text")
    record: dict[str, Any] = {"id": _id(rng, n), "text": text}
    for key, value in (("title", _title(rng)), ("url", _url(rng, n)),
                       ("date", _date(rng))):
        if value is not None:
            record[key] = value
    return record


def write_articles(path: Path, count: int, seed: int, start: int = 0) -> None:
    """``count`` fuzzed articles as JSONL (lone surrogates as JSON escapes, as feeds write them)."""
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as fh:
        for n in range(start, start + count):
            fh.write(json.dumps(fuzz_article(rng, n), ensure_ascii=True) + "\n")


def _count_rdflib(path: Path, fmt: str) -> int:
    import rdflib

    ds = rdflib.Dataset()
    ds.parse(path, format=fmt)
    return len({q[:3] for q in ds.quads((None, None, None, None))})


def _count_oxigraph(path: Path, fmt: str) -> int:
    import pyoxigraph as ox

    return len({q.triple for q in ox.parse(path=str(path), format=getattr(ox.RdfFormat, fmt))})


def _count_rapper(path: Path, fmt: str, exe: str) -> int:
    proc = subprocess.run([exe, "-i", fmt, "-c", path.as_uri()], capture_output=True, text=True, timeout=600, check=False)
    if proc.returncode != 0 or "Error" in proc.stderr or "Warning" in proc.stderr:
        raise ValueError(" ".join(proc.stderr.split())[-600:])
    for word in proc.stderr.split("returned")[1:]:
        return int(word.split()[0])
    raise ValueError(f"no count in rapper's answer: {proc.stderr[-300:]!r}")


def check_outputs(outdir: Path, formats: tuple[str, ...] = tuple(RDF_FORMATS)) -> tuple[dict[str, int], list[str]]:
    """Parse every output of ``outdir`` in every parser at hand; (triple counts by "format/parser", problems).

    Every RDF file goes through rdflib and pyoxigraph, and Turtle, N-Triples,
    N-Quads and TriG through rapper when it is installed; graph.json is
    checked against its JSON Schema.  A problem is a parser refusing a file,
    or two parsers (or two formats of the same triples) disagreeing on the
    number of distinct triples.
    """
    from graphbuild.schema import validate_graph_json

    counts: dict[str, int] = {}
    problems: list[str] = []
    rapper = shutil.which("rapper")
    for name in formats:
        spec = RDF_FORMATS[name]
        path = outdir / spec["file"]
        if not path.is_file():
            problems.append(f"{spec['file']}: not written")
            continue
        readers: list[tuple[str, Callable[[], int]]] = [
            ("rdflib", lambda p=path, f=spec["rdflib"]: _count_rdflib(p, f)),
            ("oxigraph", lambda p=path, f=spec["oxigraph"]: _count_oxigraph(p, f)),
        ]
        if rapper and "rapper" in spec:
            readers.append(("rapper", lambda p=path, f=spec["rapper"], e=rapper: _count_rapper(p, f, e)))
        for reader, count in readers:
            try:
                counts[f"{name}/{reader}"] = count()
            except Exception as exc:
                problems.append(f"{spec['file']}: {reader} refuses it: {type(exc).__name__}: {' '.join(str(exc).split())[:600]}")
    distinct = set(counts.values())
    if len(distinct) > 1:
        problems.append(f"parsers or formats disagree on the number of triples: {counts}")
    try:
        data = json.loads((outdir / "graph.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        problems.append(f"graph.json: unreadable: {exc}")
    else:
        problems += [f"graph.json: {p}" for p in validate_graph_json(data)[:20]]
        counts["graph.json/nodes"] = len(data.get("nodes", []))
    return counts, problems
