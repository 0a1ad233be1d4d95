"""SPARQL over a build: a file, a pyoxigraph store directory or an HTTP endpoint.

Parameters (``--param name=value``) are bound as RDF terms, never pasted into
the query text as raw user input: an IRI when the value is ``<...>`` or starts
with ``http://``/``https://``, otherwise a plain string literal.  Locally and
remotely a ``VALUES`` block of properly serialised terms is put at the start
of the WHERE group, where every pattern and FILTER of the group sees it (so a
local store and an endpoint get the same query text).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import logging
import re
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final, Literal

import pyoxigraph as ox

from graphbuild.errors import ExportError, QueryError

log = logging.getLogger(__name__)

Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple
Kind = Literal["select", "ask", "graph"]

_VAR_NAME: Final = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_XSD_STRING: Final = "http://www.w3.org/2001/XMLSchema#string"
_RDF_LANG_STRING: Final = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
USER_AGENT: Final = "graphbuild-query"


@dataclass
class QueryResult:
    """The answer of a query: solutions (SELECT), a boolean (ASK) or triples (CONSTRUCT/DESCRIBE)."""

    kind: Kind
    variables: list[str] = field(default_factory=list)
    rows: list[list[Term | None]] = field(default_factory=list)
    boolean: bool | None = None
    triples: list[ox.Triple] = field(default_factory=list)

    def __len__(self) -> int:
        if self.kind == "select":
            return len(self.rows)
        if self.kind == "graph":
            return len(self.triples)
        return 1

    def records(self) -> list[dict[str, str | None]]:
        """SELECT rows as ``{variable: plain value}`` dicts (IRIs and literal values as strings)."""
        return [{v: term_text(t) for v, t in zip(self.variables, row, strict=True)} for row in self.rows]


# ---------------------------------------------------------------- terms


def term_text(term: Term | None) -> str | None:
    """A term as plain text: the IRI, the literal's value, ``_:id`` for blank nodes."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode | ox.Literal):
        return term.value
    return str(term)


def sparql_literal(value: str) -> str:
    """A SPARQL string literal for ``value`` using only the ECHAR escapes.

    No ``\\u`` escapes are produced, so SPARQL's codepoint-escape pre-processing
    cannot turn any part of the value into syntax.
    """
    out = ['"']
    for ch in value:
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def sparql_term(term: Term) -> str:
    """``term`` in SPARQL syntax (IRIs are validated by pyoxigraph, so they hold no ``>``)."""
    if isinstance(term, ox.NamedNode):
        return f"<{term.value}>"
    if isinstance(term, ox.Literal):
        text = sparql_literal(term.value)
        if term.language:
            return f"{text}@{term.language}"
        if term.datatype.value != _XSD_STRING:
            return f"{text}^^<{term.datatype.value}>"
        return text
    raise QueryError(f"cannot bind {term} as a query parameter")


def parse_param(text: str) -> tuple[str, ox.NamedNode | ox.Literal]:
    """``name=value`` as (variable name, RDF term)."""
    name, sep, value = text.partition("=")
    name = name.strip().lstrip("?$")
    if not sep or not _VAR_NAME.fullmatch(name):
        raise QueryError(f"--param {text!r}: expected NAME=VALUE with NAME a SPARQL variable name")
    return name, param_term(value)


def param_term(value: str) -> ox.NamedNode | ox.Literal:
    """A parameter value as an RDF term: IRI for ``<...>`` and http(s) URLs, else a string literal."""
    if value.startswith("<") and value.endswith(">") and len(value) > 2:
        try:
            return ox.NamedNode(value[1:-1])
        except ValueError as exc:
            raise QueryError(f"{value!r} is not a valid IRI: {exc}") from None
    if value.startswith(("http://", "https://")):
        try:
            return ox.NamedNode(value)
        except ValueError:
            log.info("%r is not a valid IRI; bound as a string literal", value)
    return ox.Literal(value)


# ---------------------------------------------------------------- VALUES injection

_TOKEN: Final = re.compile(
    r"""
    (?P<comment>\#[^\n]*)
  | (?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
              |'''(?:[^'\\]|\\.|'(?!''))*'''
              |"(?:[^"\\\n\r]|\\.)*"
              |'(?:[^'\\\n\r]|\\.)*')
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<word>[A-Za-z_][A-Za-z0-9_\-]*)
  | (?P<open>\{)
  | (?P<close>\})
  | (?P<other>.)
    """,
    re.X | re.S,
)


def _where_brace(query: str) -> int:
    """Offset of the ``{`` opening the query's WHERE group."""
    depth = 0
    construct = False
    where = False
    prev = ""
    for m in _TOKEN.finditer(query):
        kind = m.lastgroup
        text = m.group()
        if kind == "word" and depth == 0 and prev not in ("?", "$", ":"):
            upper = text.upper()
            if upper == "CONSTRUCT":
                construct = True
            elif upper == "WHERE":
                where = True
        elif kind == "open":
            if depth == 0 and (where or not construct):
                return m.start()
            depth += 1
        elif kind == "close":
            depth = max(0, depth - 1)
        if kind not in ("comment",) and not text.isspace():
            prev = text[-1] if kind == "other" else kind or ""
    raise QueryError("cannot bind parameters: the query has no WHERE group")


def inject_values(query: str, bindings: Mapping[str, ox.NamedNode | ox.Literal]) -> str:
    """``query`` with a VALUES block binding ``bindings`` first in its WHERE group."""
    if not bindings:
        return query
    names = sorted(bindings)
    block = "VALUES ({}) {{ ({}) }}".format(
        " ".join(f"?{n}" for n in names), " ".join(sparql_term(bindings[n]) for n in names)
    )
    at = _where_brace(query) + 1
    return f"{query[:at]} {block}\n{query[at:]}"


# ---------------------------------------------------------------- canned queries


@dataclass(frozen=True)
class NamedQuery:
    """A shipped ``.rq`` file."""

    name: str
    description: str
    text: str
    params: tuple[tuple[str, bool, str], ...]  # (name, required, description)


def _parse_named(name: str, text: str) -> NamedQuery:
    description = ""
    params: list[tuple[str, bool, str]] = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        body = line[1:].strip()
        if body.startswith("param "):
            head, _, desc = body[len("param ") :].partition(":")
            words = head.split()
            params.append((words[0], "optional" not in words[1:], desc.strip()))
        elif not description:
            description = body
    return NamedQuery(name, description, text, tuple(params))


def named_queries() -> dict[str, NamedQuery]:
    """The shipped queries by name (``graphbuild/queries/*.rq``)."""
    out: dict[str, NamedQuery] = {}
    folder: Any = Path(__file__).with_name("queries")
    if not folder.is_dir():  # installed in a zip: through importlib.resources (slower to import, so not first)
        from importlib import resources

        folder = resources.files("graphbuild") / "queries"
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".rq"):
            name = entry.name[: -len(".rq")]
            out[name] = _parse_named(name, entry.read_text(encoding="utf-8"))
    return out


def get_named(name: str) -> NamedQuery:
    """One shipped query; an unknown name fails with the list of valid ones."""
    queries = named_queries()
    try:
        return queries[name]
    except KeyError:
        raise QueryError(f"no shipped query named {name!r}; choose one of: {', '.join(queries)}") from None


# ---------------------------------------------------------------- data sources


def is_endpoint(data: str | Path) -> bool:
    """True when ``data`` is an http(s) URL."""
    return isinstance(data, str) and data.startswith(("http://", "https://"))


#: Build files a build directory is queried through, in order of preference (named graphs first).
BUILD_FILES: Final = ("graph.nq", "graph.trig", "graph.ttl", "graph.nt")

#: Where ``query`` keeps the store it loads a build directory into (under the build's cache directory).
QUERY_STORE: Final = Path(".cache") / "query-store"


def _is_store(path: Path) -> bool:
    """True when ``path`` is a pyoxigraph (RocksDB) store directory."""
    return (path / "CURRENT").is_file()


def _stamp(path: Path) -> dict[str, Any]:
    st = path.stat()
    return {"file": path.name, "size": st.st_size, "mtime_ns": st.st_mtime_ns}


def build_store(outdir: Path) -> ox.Store:
    """The store of a build directory: loaded once from its RDF file into ``outdir/.cache/query-store``, then
    reused (read-only) until that file changes, so a query on a large build does not parse it again.

    When the directory cannot be written, the file is loaded in memory instead.
    """
    source = next((outdir / name for name in BUILD_FILES if (outdir / name).is_file()), None)
    if source is None:
        raise QueryError(f"{outdir}: no {', '.join(BUILD_FILES)} in this directory; run graphbuild build first "
                         "(or pass --data FILE, a store directory or an endpoint URL)")
    where = outdir / QUERY_STORE
    stamp_path = where.with_name(where.name + ".json")
    stamp = _stamp(source)
    try:
        if where.is_dir() and json.loads(stamp_path.read_text(encoding="utf-8")) == stamp:
            return ox.Store.read_only(str(where))
    except (OSError, ValueError):
        pass
    import shutil
    import tempfile

    from graphbuild.exporters.rdf import rdf_format

    try:
        where.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=".query-store.", dir=where.parent))
    except OSError as exc:
        log.warning("%s: cannot keep a query store there (%s); loading %s in memory", outdir, exc, source.name)
        return open_data(source)
    try:
        store = ox.Store(str(tmp))
        store.bulk_load(path=str(source), format=rdf_format(source))
        store.flush()
        # compacted once, so every later query reads fewer, larger files: a fresh `query --named posts` on a
        # whole-BBC build needs about 0.3 s of CPU instead of 0.5 (the compaction costs ~15% of the load)
        store.optimize()
        del store
        shutil.rmtree(where, ignore_errors=True)
        tmp.rename(where)
        stamp_path.write_text(json.dumps(stamp), encoding="utf-8")
    except SyntaxError as exc:
        raise QueryError(f"{source}: not valid RDF: {exc}") from None
    except OSError as exc:
        log.warning("%s: cannot keep a query store there (%s); loading %s in memory", outdir, exc, source.name)
        return open_data(source)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    log.info("loaded %s into %s (reused until it changes)", source, where)
    return ox.Store.read_only(str(where))


def open_data(data: str | Path) -> ox.Store:
    """A pyoxigraph store over a file (loaded in memory), a store directory (read-only) or a build directory
    (see :func:`build_store`)."""
    path = Path(data)
    if path.is_dir():
        if not _is_store(path) and any((path / name).is_file() for name in BUILD_FILES):
            return build_store(path)
        try:
            return ox.Store.read_only(str(path))
        except OSError as exc:
            raise QueryError(f"{path}: not a readable pyoxigraph store or build directory: {exc}") from None
    if not path.exists():
        raise QueryError(f"{path}: no such file; run graphbuild build first (or pass --data)")
    from graphbuild.exporters.rdf import read_rdf

    try:
        return read_rdf(path)
    except ExportError as exc:
        raise QueryError(str(exc)) from None
    except OSError as exc:
        raise QueryError(f"{path}: cannot read: {exc}") from None


def _syntax_message(exc: BaseException) -> str:
    return " ".join(str(exc).split())


def default_prefixes() -> dict[str, str]:
    """Prefixes every query may use without declaring them (the output's vocabularies)."""
    from graphbuild.namespaces import PREFIXES

    return dict(PREFIXES)


def with_prefixes(sparql: str) -> str:
    """``sparql`` with PREFIX lines for :func:`default_prefixes` put in front (for endpoints)."""
    head = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in default_prefixes().items())
    return head + sparql


def query_store(
    store: ox.Store, sparql: str, params: Mapping[str, ox.NamedNode | ox.Literal] | None = None
) -> QueryResult:
    """Run ``sparql`` on a pyoxigraph store (the default graph is the union of all graphs)."""
    params = dict(params or {})
    try:
        # parameters as a VALUES block, as endpoints get them: pyoxigraph's substitutions give the same rows but
        # can plan a FILTER on a substituted variable very badly (minutes instead of milliseconds on 150 articles)
        answer = store.query(
            inject_values(sparql, params) if params else sparql,
            use_default_graph_as_union=True,
            prefixes=default_prefixes(),
        )
    except SyntaxError as exc:
        raise QueryError(f"SPARQL syntax error: {_syntax_message(exc)}") from None
    except (RuntimeError, OSError, ValueError) as exc:
        raise QueryError(f"query failed: {_syntax_message(exc)}") from None
    if isinstance(answer, ox.QuerySolutions):
        variables = [v.value for v in answer.variables]
        rows: list[list[Term | None]] = [[sol[v] for v in variables] for sol in answer]
        return QueryResult("select", variables, rows)
    if isinstance(answer, ox.QueryBoolean):
        return QueryResult("ask", boolean=bool(answer))
    return QueryResult("graph", triples=list(answer))


def _json_term(obj: Mapping[str, Any]) -> Term:
    kind = obj.get("type")
    value = str(obj.get("value", ""))
    if kind == "uri":
        return ox.NamedNode(value)
    if kind == "bnode":
        return ox.BlankNode(value)
    if kind in ("literal", "typed-literal"):
        lang = obj.get("xml:lang")
        if lang:
            return ox.Literal(value, language=str(lang))
        dt = obj.get("datatype")
        if dt and dt not in (_XSD_STRING, _RDF_LANG_STRING):
            return ox.Literal(value, datatype=ox.NamedNode(str(dt)))
        return ox.Literal(value)
    if kind == "triple":
        inner = obj["value"]
        s, p, o = (_json_term(inner[k]) for k in ("subject", "predicate", "object"))
        return ox.Triple(s, p, o)  # type: ignore[arg-type]
    raise QueryError(f"unexpected term in SPARQL JSON results: {obj!r}")


def query_endpoint(
    url: str,
    sparql: str,
    params: Mapping[str, ox.NamedNode | ox.Literal] | None = None,
    timeout: float = 30.0,
    headers: Mapping[str, str] | None = None,
) -> QueryResult:
    """Run ``sparql`` on a SPARQL 1.1 Protocol endpoint (POST ``application/sparql-query``)."""
    text = with_prefixes(inject_values(sparql, dict(params or {})))
    import urllib.error
    import urllib.request

    req = urllib.request.Request(
        url,
        data=text.encode("utf-8"),
        method="POST",
        headers={
            "Content-Type": "application/sparql-query; charset=utf-8",
            "Accept": "application/sparql-results+json, application/n-triples;q=0.9, text/turtle;q=0.8",
            "User-Agent": USER_AGENT,
            **(headers or {}),
        },
    )
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            ctype = resp.headers.get_content_type()
            body = resp.read()
    except urllib.error.HTTPError as exc:
        detail = " ".join(exc.read(300).decode("utf-8", "replace").split())
        raise QueryError(f"{url}: HTTP {exc.code} {exc.reason}: {detail}") from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise QueryError(f"{url}: endpoint unreachable: {reason}") from None
    if ctype in ("application/sparql-results+json", "application/json"):
        try:
            doc = json.loads(body)
        except ValueError as exc:
            raise QueryError(f"{url}: invalid JSON results: {exc}") from None
        if "boolean" in doc:
            return QueryResult("ask", boolean=bool(doc["boolean"]))
        variables = list(doc.get("head", {}).get("vars", []))
        rows: list[list[Term | None]] = []
        for b in doc.get("results", {}).get("bindings", []):
            rows.append([_json_term(b[v]) if v in b else None for v in variables])
        return QueryResult("select", variables, rows)
    fmt = ox.RdfFormat.from_media_type(ctype)
    if fmt is None:
        raise QueryError(f"{url}: unexpected response type {ctype!r}")
    try:
        triples = [q.triple for q in ox.parse(body, format=fmt)]
    except SyntaxError as exc:
        raise QueryError(f"{url}: invalid {ctype} response: {exc}") from None
    return QueryResult("graph", triples=triples)


def run_query(
    sparql: str,
    data: str | Path | ox.Store,
    params: Mapping[str, ox.NamedNode | ox.Literal | str] | None = None,
    timeout: float = 30.0,
) -> QueryResult:
    """Run ``sparql`` over a file, a store directory, an open store or an endpoint URL.

    ``params`` values that are strings are converted with :func:`param_term`.
    """
    bound = {k: (param_term(v) if isinstance(v, str) else v) for k, v in (params or {}).items()}
    for name in bound:
        if not _VAR_NAME.fullmatch(name):
            raise QueryError(f"parameter name {name!r} is not a SPARQL variable name")
    if isinstance(data, ox.Store):
        return query_store(data, sparql, bound)
    if is_endpoint(data):
        return query_endpoint(str(data), sparql, bound, timeout=timeout)
    return query_store(open_data(data), sparql, bound)


# ---------------------------------------------------------------- output


def _cell(term: Term | None) -> str:
    text = term_text(term)
    if text is None:
        return ""
    return text.replace("\r\n", " ").replace("\n", " ").replace("\r", " ").replace("\t", " ")


def format_table(result: QueryResult) -> str:
    """Aligned plain-text table (ASK: ``true``/``false``; CONSTRUCT: N-Triples)."""
    if result.kind == "ask":
        return "true" if result.boolean else "false"
    if result.kind == "graph":
        data = ox.serialize(result.triples, format=ox.RdfFormat.N_TRIPLES) or b""
        return data.decode("utf-8").rstrip("\n")
    cells = [[_cell(t) for t in row] for row in result.rows]
    widths = [max([len(v)] + [len(r[i]) for r in cells]) for i, v in enumerate(result.variables)]
    lines = ["  ".join(v.ljust(w) for v, w in zip(result.variables, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines.extend("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in cells)
    lines.append(f"({len(cells)} row{'s' if len(cells) != 1 else ''})")
    return "\n".join(lines)


def format_csv(result: QueryResult) -> str:
    """CSV (SPARQL 1.1 CSV results for SELECT; subject,predicate,object for graphs)."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    if result.kind == "ask":
        w.writerow(["boolean"])
        w.writerow(["true" if result.boolean else "false"])
    elif result.kind == "graph":
        w.writerow(["subject", "predicate", "object"])
        for t in result.triples:
            w.writerow([term_text(t.subject), term_text(t.predicate), term_text(t.object)])
    else:
        w.writerow(result.variables)
        for row in result.rows:
            w.writerow([term_text(t) or "" for t in row])
    return buf.getvalue()


def _json_value(term: Term) -> dict[str, Any]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out: dict[str, Any] = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != _XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    return {
        "type": "triple",
        "value": {k: _json_value(getattr(term, k)) for k in ("subject", "predicate", "object")},
    }


def result_json(result: QueryResult) -> dict[str, Any]:
    """SPARQL 1.1 JSON results (SELECT/ASK); graphs as a list of term triples."""
    if result.kind == "ask":
        return {"head": {}, "boolean": bool(result.boolean)}
    if result.kind == "graph":
        return {
            "triples": [
                {k: _json_value(getattr(t, k)) for k in ("subject", "predicate", "object")} for t in result.triples
            ]
        }
    bindings = [
        {v: _json_value(t) for v, t in zip(result.variables, row, strict=True) if t is not None}
        for row in result.rows
    ]
    return {"head": {"vars": result.variables}, "results": {"bindings": bindings}}


def format_json(result: QueryResult) -> str:
    """:func:`result_json` as indented JSON text."""
    return json.dumps(result_json(result), ensure_ascii=False, indent=1)


FORMATTERS: Final = {"table": format_table, "csv": format_csv, "json": format_json}


def format_result(result: QueryResult, fmt: str = "table") -> str:
    """``result`` as ``table``, ``csv`` or ``json`` text."""
    try:
        return FORMATTERS[fmt](result)
    except KeyError:
        raise QueryError(f"unknown output format {fmt!r}; choose one of: {', '.join(FORMATTERS)}") from None


def list_text(queries: Iterable[NamedQuery]) -> str:
    """The ``--list`` text: name, description and parameters of each shipped query."""
    items = list(queries)
    width = max((len(q.name) for q in items), default=0)
    lines = []
    for q in items:
        lines.append(f"{q.name.ljust(width)}  {q.description}")
        for pname, required, desc in q.params:
            flag = "" if required else " (optional)"
            lines.append(f"{'':{width}}    --param {pname}=...{flag}  {desc}")
    return "\n".join(lines)


def _select_query(args: argparse.Namespace) -> tuple[str, NamedQuery | None]:
    if args.sparql and (args.file or args.named) and (is_endpoint(args.sparql) or Path(args.sparql).exists()):
        args.data, args.sparql = args.sparql, None  # `query --named posts DIR`: the positional is the data
    given = [x for x in (args.sparql, args.file, args.named) if x]
    if len(given) != 1:
        raise QueryError("give exactly one of: a SPARQL query, --file Q.rq, --named NAME (or --list)")
    if args.named:
        nq = get_named(args.named)
        return nq.text, nq
    if args.file:
        try:
            return Path(args.file).read_text(encoding="utf-8"), None
        except OSError as exc:
            raise QueryError(f"{args.file}: cannot read query: {exc.strerror}") from None
    return str(args.sparql), None


def main_query(args: argparse.Namespace) -> int:
    """``graphbuild query``: print the results; 0 on success (ASK false is still 0)."""
    if getattr(args, "list", False):
        print(list_text(named_queries().values()))
        return 0
    sparql, nq = _select_query(args)
    params = dict(parse_param(p) for p in (args.param or []))
    if nq is not None:
        known = {p[0] for p in nq.params}
        missing = [p[0] for p in nq.params if p[1] and p[0] not in params]
        if missing:
            raise QueryError(f"query {nq.name!r} needs " + " ".join(f"--param {m}=VALUE" for m in missing))
        extra = sorted(set(params) - known)
        if extra:
            raise QueryError(f"query {nq.name!r} takes no parameter {', '.join(extra)}")
    if getattr(args, "show", False):
        text = inject_values(sparql, params) if params else sparql
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        return 0
    result = run_query(sparql, args.data, params)
    text = format_result(result, args.format or "table")
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return 0

