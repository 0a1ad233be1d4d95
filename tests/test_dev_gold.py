"""The project's dev gold (eval/dev_gold.jsonl): its format, and that its texts rebuild from ../shared/data."""

from __future__ import annotations

import gzip
import importlib.util
import json
import re
import sys
import unicodedata
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.conftest import ROOT, require_shared

EVAL = ROOT / "eval"
GOLD = EVAL / "dev_gold.jsonl"
DOCS_TSV = EVAL / "dev_docs.tsv"
ENTITY_TYPES = {"Person", "Country", "Place", "Organization"}
RELATIONS = {"holds_position", "affiliated_with", "based_in", "located_in", "lives_in", "killed"}
EVENT_TYPES = {
    "Travel", "Meet", "Statement", "Request", "Attack", "Support", "Agreement",
    "Sanction", "Transfer", "Personnel", "Death", "Protest", "Other",
}


def norm(text: str) -> str:
    """Name matching as ../shared/eval/score.py does it: case, accents, punctuation, leading 'the'/'Mr'."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"'s\b", "", text.lower().replace("\u2019", "'"))
    words = re.sub(r"[^\w\s]", " ", text).split()
    while words and words[0] in {"the", "mr", "mrs", "ms", "dr"}:
        words = words[1:]
    return " ".join(words)


def load_corpus_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("dev_corpus", EVAL / "dev_corpus.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["dev_corpus"] = module
    spec.loader.exec_module(module)
    return module


def gold_records() -> list[dict[str, Any]]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


def names_of(entity: dict[str, Any]) -> list[str]:
    return [entity["name"], *entity.get("aliases", [])]


def test_every_line_is_a_gold_document_in_the_scorer_format() -> None:
    records = gold_records()
    assert len(records) >= 25
    for rec in records:
        where = rec.get("id", "?")
        assert set(rec) <= {"id", "entities", "relations", "events"}, where
        assert isinstance(rec["id"], str) and rec["id"], where
        assert rec["entities"], where
        for e in rec["entities"]:
            assert set(e) <= {"name", "type", "types", "aliases", "optional"}, (where, e)
            assert e["type"] in ENTITY_TYPES, (where, e)
            assert set(e.get("types", [e["type"]])) <= ENTITY_TYPES, (where, e)
            assert e["type"] in e.get("types", [e["type"]]), (where, e)
            assert all(isinstance(a, str) and a.strip() for a in e.get("aliases", [])), (where, e)
        for r in rec["relations"]:
            assert r["r"] in RELATIONS, (where, r)
            if r["r"] == "holds_position":
                assert set(r) <= {"s", "r", "title", "optional"} and r["title"].strip(), (where, r)
            else:
                assert set(r) <= {"s", "r", "o", "optional"} and "o" in r, (where, r)
        for ev in rec["events"]:
            assert set(ev) <= {"type", "types", "args", "optional", "note"}, (where, ev)
            assert ev["type"] in EVENT_TYPES and ev["type"] in ev.get("types", [ev["type"]]), (where, ev)
            assert set(ev.get("types", [])) <= EVENT_TYPES, (where, ev)
            assert ev["args"] and ev.get("note"), (where, ev)


def test_ids_are_unique_and_match_the_document_list() -> None:
    corpus = load_corpus_module()
    refs = corpus.read_refs(DOCS_TSV)
    listed = [doc_id for doc_id, _, _ in refs]
    ids = [rec["id"] for rec in gold_records()]
    assert len(ids) == len(set(ids)), "duplicate gold ids"
    assert len(listed) == len(set(listed)), "duplicate ids in dev_docs.tsv"
    assert set(ids) == set(listed)
    assert {source for _, source, _ in refs} == {"conll2003", "wikievents", "rams"}


def test_relations_and_event_arguments_name_gold_entities_unambiguously() -> None:
    for rec in gold_records():
        alias: dict[str, str] = {}
        for e in rec["entities"]:
            for n in names_of(e):
                key = norm(n)
                assert key, (rec["id"], n)
                assert alias.setdefault(key, e["name"]) == e["name"], f"{rec['id']}: {n!r} names two entities"
        optional = {e["name"] for e in rec["entities"] if e.get("optional")}
        for r in rec["relations"]:
            ends = [r["s"]] if r["r"] == "holds_position" else [r["s"], r["o"]]
            for name in ends:
                assert norm(name) in alias, f"{rec['id']}: relation names unknown entity {name!r}"
            if not r.get("optional"):
                assert not {alias[norm(n)] for n in ends} & optional, f"{rec['id']}: required relation on an optional entity {r}"
            if r["r"] != "holds_position":
                assert alias[norm(r["s"])] != alias[norm(r["o"])], f"{rec['id']}: self-relation {r}"
        for ev in rec["events"]:
            for name in ev["args"]:
                assert norm(name) in alias, f"{rec['id']}: event argument {name!r} is not a gold entity"


@pytest.mark.data
def test_no_bbc_article_is_annotated() -> None:
    """Held-back checks draw on BBC News: the RAMS windows chosen must come from other outlets."""
    path = require_shared("data", "rams", "dev.jsonlines.gz")
    keys = {ref.partition(":")[2] for _, source, ref in load_corpus_module().read_refs(DOCS_TSV) if source == "rams"}
    with gzip.open(path, "rt", encoding="utf-8") as f:
        urls = {d["doc_key"]: d["source_url"] for d in map(json.loads, f) if d["doc_key"] in keys}
    assert set(urls) == keys
    assert not [u for u in urls.values() if "bbc." in u]


def test_detokenise_joins_punctuation_quotes_and_clitics() -> None:
    corpus = load_corpus_module()
    toks = ['"', "We", "condemn", "it", ",", '"', "said", "Iraq", "'s", "envoy", "(", "U.N.", ")", "."]
    assert corpus.detokenise(toks) == '"We condemn it," said Iraq\'s envoy (U.N.).'
    assert corpus.detokenise(["pro", "-", "coup", "troops"], join_hyphens=True) == "pro-coup troops"
    assert corpus.detokenise(["Lebed", "-", "agency"]) == "Lebed - agency"
    assert corpus.detokenise(["there", ",", '"', "Isik", "said"], in_quote=True) == 'there," Isik said'
    assert corpus.url_date("https://www.theguardian.com/world/2016/jul/24/x") == "2016-07-24"
    assert corpus.url_date("http://www.nytimes.com/2016/10/04/world/x.html") == "2016-10-04"
    assert corpus.url_date("http://reuters.com/article/worldNews/idUSKCN10Z07J") is None


def test_bad_reference_lists_fail_with_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = load_corpus_module()
    bad = tmp_path / "docs.tsv"
    bad.write_text("x\tbbc\tdev:1\n", encoding="utf-8")
    assert corpus.main(["--docs", str(bad), "--shared", str(tmp_path), "--out", str(tmp_path / "o.jsonl")]) == 1
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and "unknown source 'bbc'" in err and str(bad) in err
    assert corpus.main(["--shared", str(tmp_path / "nowhere"), "--out", str(tmp_path / "o.jsonl")]) == 1
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and "shared datasets are not available" in err
    assert not (tmp_path / "o.jsonl").exists()


@pytest.mark.data
def test_corpus_rebuilds_texts_that_contain_every_gold_entity(tmp_path: Path) -> None:
    shared = require_shared("data")
    for sub in ("conll2003/eng.testa", "wikievents/dev.jsonl.gz", "rams/dev.jsonlines.gz"):
        require_shared("data", *sub.split("/"))
    corpus = load_corpus_module()
    out = tmp_path / "dev.jsonl"
    assert corpus.main(["--shared", str(shared.parent), "--out", str(out)]) == 0
    texts = {}
    for line in out.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        assert set(rec) <= {"id", "text", "date"}
        if "date" in rec:
            assert re.fullmatch(r"\d{4}-\d\d-\d\d", rec["date"])
        texts[rec["id"]] = rec["text"]
    assert set(texts) == {rec["id"] for rec in gold_records()}
    for rec in gold_records():
        text = f" {norm(texts[rec['id']])} "
        assert "\ufffd" not in texts[rec["id"]] and len(texts[rec["id"]]) > 300, rec["id"]
        for e in rec["entities"]:
            assert any(f" {norm(n)} " in text for n in names_of(e)), f"{rec['id']}: {e['name']!r} is not in the text"
    # the CoNLL articles carry their Reuters dateline's date
    dated = {json.loads(line)["id"]: json.loads(line).get("date") for line in out.read_text(encoding="utf-8").splitlines()}
    assert dated["testa044-yeltsin-lebed-plan"] == "1996-08-30"
