"""Command-line interface: a thin skin over the library functions.

Heavy libraries (spaCy, rdflib, pyoxigraph, pyvis) are imported inside the
commands, so ``graphbuild --help`` answers at once.  Each command lives in
its own ``cmd_*`` function; errors print as one line on stderr.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from graphbuild import __version__
from graphbuild.errors import GraphbuildError

DEFAULT_INPUT = "seeds"
DEFAULT_OUTDIR = "outputs"

#: Exit codes (the table in README.md): success; nothing built, or a failed document under
#: --strict; a usage error or a one-line error (bad input, unknown format, unreachable endpoint...);
#: interrupted.
EXIT_OK = 0
EXIT_FAILED = 1
EXIT_ERROR = 2
EXIT_INTERRUPTED = 130


def _add_build(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from graphbuild.longdoc import DEFAULT_MAX_CHARS, MIN_MAX_CHARS, SPACY_MAX_LENGTH

    p = sub.add_parser(
        "build",
        help="read articles and write graph.ttl, graph.json and graph.html",
        description="Read articles (.txt files, directories, .jsonl or .csv files, or - for JSONL on stdin) "
        "and write the knowledge graph to OUTDIR.",
    )
    p.add_argument("inputs", nargs="*", metavar="INPUT", help=f"inputs (default: {DEFAULT_INPUT}/)")
    p.add_argument("-o", "--outdir", default=DEFAULT_OUTDIR, help=f"output directory (default: {DEFAULT_OUTDIR}/)")
    p.add_argument(
        "--format",
        action="append",
        dest="formats",
        metavar="FMT",
        help="format(s) to write besides graph.json and graph.html: "
        "turtle (default), ntriples, nquads, trig, jsonld, graphml, gexf, csv; repeatable",
    )
    p.add_argument("--base-iri", default=None, help="base IRI for minted node IRIs")
    p.add_argument("--date", default=None, metavar="YYYY-MM-DD",
                   help="publication date of documents that give none (anchors 'Wednesday', 'in December'...)")
    p.add_argument("--no-html", action="store_true", help="skip graph.html")
    p.add_argument("--html-max-nodes", type=int, default=None, metavar="N",
                   help="keep the N most-mentioned entities in the page")
    p.add_argument("--processes", type=int, default=None, metavar="N", help="extraction processes (default: CPU cores)")
    # the default is pipeline.DEFAULT_BATCH_SIZE (not imported here: --help stays instant)
    p.add_argument("--batch-size", type=int, default=12, metavar="N", help="documents per nlp.pipe batch (default 12)")
    p.add_argument("--max-chars", type=int, default=DEFAULT_MAX_CHARS, metavar="N",
                   help=f"parse a document longer than N characters in pieces cut at paragraph or sentence breaks "
                        f"(default {DEFAULT_MAX_CHARS}; {MIN_MAX_CHARS} to {SPACY_MAX_LENGTH}, spaCy's limit)")
    p.add_argument("--cache", default=None, metavar="DIR", help="per-document extraction cache (default: OUTDIR/.cache)")
    p.add_argument("--no-cache", action="store_true", help="do not read or write the extraction cache")
    p.add_argument("--store", default=None, metavar="DIR", help="also keep a pyoxigraph store in DIR up to date")
    p.add_argument("--engine", choices=["local", "dask"], default="local", help="where extraction runs")
    p.add_argument("--dask", default=None, metavar="ADDRESS", help="Dask scheduler address (implies --engine dask)")
    p.add_argument("--model", default=None, help="spaCy model package to load")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    wk = p.add_mutually_exclusive_group()
    wk.add_argument("--world-knowledge", dest="world_knowledge", action="store_true", default=True,
                    help="keep relations no sentence states, each marked inferred: a town's country from the place "
                         "table, containment chains, a country's post from its title (the default)")
    wk.add_argument("--stated-only", dest="world_knowledge", action="store_false",
                    help="leave out the inferred relations: every edge is stated by a sentence")
    p.add_argument("--strict", action="store_true",
                   help="exit with code 1 when any document could not be read or extracted (the rest is still written)")
    p.set_defaults(func=cmd_build)


def cmd_build(args: argparse.Namespace) -> int:
    """Run ``graphbuild build``."""
    import datetime
    import re

    from graphbuild.errors import InputError
    from graphbuild.pipeline import BuildOptions, build

    default_date: str | None = args.date or None
    if default_date is not None:
        try:
            ok = bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", default_date)) and bool(datetime.date.fromisoformat(default_date))
        except ValueError:
            ok = False
        if not ok:
            raise InputError("--date", f"{default_date!r} is not a calendar date YYYY-MM-DD")
    opts = BuildOptions(
        outdir=Path(args.outdir),
        formats=tuple(args.formats or ("turtle",)),
        base_iri=args.base_iri,
        html=not args.no_html,
        html_max_nodes=args.html_max_nodes,
        processes=args.processes,
        batch_size=args.batch_size,
        cache_dir=None if args.no_cache else (Path(args.cache) if args.cache else None),
        use_cache=not args.no_cache,
        store_dir=Path(args.store) if args.store else None,
        engine="dask" if args.dask else args.engine,
        dask_address=args.dask,
        model=args.model,
        progress=not args.quiet,
        default_date=default_date,
        max_chars=args.max_chars,
        world_knowledge=args.world_knowledge,
    )
    inputs = args.inputs or [DEFAULT_INPUT]
    report = build(inputs, opts)
    for err in report.errors:
        print(f"graphbuild: error: {err}", file=sys.stderr)
    print(report.summary(), file=sys.stderr)
    if not report.documents:
        return EXIT_FAILED
    return EXIT_FAILED if args.strict and report.errors else EXIT_OK


def _add_query(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "query",
        help="run a SPARQL query over a build, a store or an endpoint",
        description="Run a SPARQL query over a Turtle/N-Triples/N-Quads file, a store directory, "
        "or a SPARQL endpoint URL, and print the results.",
    )
    p.add_argument("sparql", nargs="?",
                   help="the SPARQL query text (with --named or --file: the data, as --data)")
    p.add_argument("--file", metavar="Q.rq", help="read the query from a file")
    p.add_argument("--named", metavar="NAME", help="run a shipped query (see --list)")
    p.add_argument("--list", action="store_true", help="list the shipped queries")
    p.add_argument("--param", action="append", default=[], metavar="NAME=VALUE",
                   help="bind ?NAME to VALUE (repeatable)")
    p.add_argument("--data", default=DEFAULT_OUTDIR,
                   help="build directory (loaded once into a store kept in its .cache), RDF file, store directory "
                        "or endpoint URL (default: %(default)s/)")
    p.add_argument("--format", choices=["table", "csv", "json"], default="table", help="output format")
    p.add_argument("--show", action="store_true",
                   help="print the query text (prefixes declared, --param values as a VALUES block) instead of "
                        "running it, e.g. to send it with curl")
    p.set_defaults(func=cmd_query)


def cmd_query(args: argparse.Namespace) -> int:
    """Run ``graphbuild query``."""
    from graphbuild.query import main_query

    return main_query(args)


def _add_export(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("export", help="write an existing build in another format")
    p.add_argument("outdir", nargs="?", default=DEFAULT_OUTDIR, help="build directory holding graph.json")
    p.add_argument("--format", dest="formats", action="append", required=True, metavar="FMT",
                   help="turtle, ntriples, nquads, trig, jsonld, json, html, graphml, gexf, csv; repeatable")
    p.add_argument("-o", "--output", default=None, help="output file (one format) or directory")
    p.add_argument("--base-iri", default=None, help="base IRI for minted node IRIs")
    p.set_defaults(func=cmd_export)


def cmd_export(args: argparse.Namespace) -> int:
    """Run ``graphbuild export``."""
    from graphbuild.pipeline import export_build

    for path in export_build(Path(args.outdir), args.formats, args.output, args.base_iri):
        print(path)
    return 0


def _add_push(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("push", help="upload a build to a running triple store (Graph Store Protocol)")
    p.add_argument("outdir", nargs="?", default=DEFAULT_OUTDIR, help="build directory")
    p.add_argument("--endpoint", required=True, help="Graph Store Protocol URL, e.g. http://127.0.0.1:7878/store")
    p.add_argument("--mode", choices=["graphs", "default"], default="graphs",
                   help="PUT one named graph per document (default) or POST all to the default graph")
    p.add_argument("--user", default=None, help="basic-auth user (password from GRAPHBUILD_PASSWORD)")
    p.add_argument("--token", default=None, help="bearer token (or GRAPHBUILD_TOKEN)")
    p.add_argument("--timeout", type=float, default=30.0, help="seconds per request")
    p.add_argument("--retries", type=int, default=3, help="retries for a failed request")
    p.add_argument("--query-endpoint", default=None,
                   help="SPARQL query URL of the store, to find graphs of removed documents "
                        "(default: the endpoint with /store or /data replaced by /query)")
    p.add_argument("--keep-removed", action="store_true",
                   help="graphs mode: leave the graphs of documents no longer in the build in the store")
    p.set_defaults(func=cmd_push)


def cmd_push(args: argparse.Namespace) -> int:
    """Run ``graphbuild push``."""
    from graphbuild.push import main_push

    return main_push(args)


def _add_serve(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("serve", help="serve a build as a read-only SPARQL endpoint")
    p.add_argument("--data", default=DEFAULT_OUTDIR,
                   help="build directory, RDF file or store directory (default: %(default)s/)")
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=7879, help="port (default 7879)")
    p.add_argument("--timeout", type=float, default=30.0, metavar="SECONDS",
                   help="stop a query after SECONDS (default 30; 0: no limit)")
    p.add_argument("--max-queries", type=int, default=None, metavar="N",
                   help="queries running at once (default: twice the CPU cores, at least 4)")
    p.set_defaults(func=cmd_serve)


def cmd_serve(args: argparse.Namespace) -> int:
    """Run ``graphbuild serve``."""
    from graphbuild.serve import main_serve

    return main_serve(args)


def make_parser() -> argparse.ArgumentParser:
    """The ``graphbuild`` argument parser."""
    parser = argparse.ArgumentParser(
        prog="graphbuild",
        description="Build a knowledge graph of people, countries, places, organisations and events "
        "from English news, with provenance for every fact.",
    )
    parser.add_argument("--version", action="version", version=f"graphbuild {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress details")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _add_build(sub)
    _add_query(sub)
    _add_export(sub)
    _add_push(sub)
    _add_serve(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``graphbuild`` console script."""
    parser = make_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="graphbuild: %(levelname)s: %(message)s",
    )
    try:
        rc: int = args.func(args)
    except GraphbuildError as exc:
        print(f"graphbuild: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("graphbuild: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return 0
    except OSError as exc:  # a full disk, a vanished directory: one line, never a traceback
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"graphbuild: error: {where}{exc.strerror or exc}", file=sys.stderr)
        return 2
    return rc


if __name__ == "__main__":
    raise SystemExit(main())
