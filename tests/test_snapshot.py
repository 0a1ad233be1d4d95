"""Snapshots of derived tables: a new process loads the gazetteer instead of rebuilding it, and never a stale one."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from graphbuild import snapshot
from graphbuild.gazetteer import Gazetteer


class Table:
    def __init__(self, rows: list[str]) -> None:
        self.rows = rows


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(snapshot.ENV, str(tmp_path / "cache"))
    return tmp_path / "cache"


def counting_build(calls: list[int]) -> Table:
    calls.append(1)
    return Table(["a", "b"])


def test_second_load_reads_the_snapshot_without_building(home: Path) -> None:
    calls: list[int] = []
    first = snapshot.load_or_build("table", "k1", lambda: counting_build(calls), Table)
    second = snapshot.load_or_build("table", "k1", lambda: counting_build(calls), Table)
    assert calls == [1]
    assert second.rows == first.rows == ["a", "b"]
    assert [p.name for p in home.iterdir()] == ["table-k1.pickle"]  # no temporary file left behind


def test_a_new_key_builds_again(home: Path) -> None:
    calls: list[int] = []
    snapshot.load_or_build("table", "k1", lambda: counting_build(calls), Table)
    snapshot.load_or_build("table", "k2", lambda: counting_build(calls), Table)
    assert calls == [1, 1]


@pytest.mark.parametrize("content", [b"", b"not a pickle", b"\x80\x05K\x01."])  # empty, garbage, an int
def test_an_unreadable_or_foreign_snapshot_is_rebuilt_and_replaced(home: Path, content: bytes) -> None:
    home.mkdir(parents=True)
    (home / "table-k1.pickle").write_bytes(content)
    calls: list[int] = []
    value = snapshot.load_or_build("table", "k1", lambda: counting_build(calls), Table)
    assert calls == [1] and value.rows == ["a", "b"]
    again = snapshot.load_or_build("table", "k1", lambda: counting_build(calls), Table)
    assert calls == [1] and again.rows == ["a", "b"]


def test_an_empty_setting_turns_snapshots_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(snapshot.ENV, "")
    monkeypatch.chdir(tmp_path)
    calls: list[int] = []
    snapshot.load_or_build("table", "k1", lambda: counting_build(calls), Table)
    snapshot.load_or_build("table", "k1", lambda: counting_build(calls), Table)
    assert calls == [1, 1]
    assert list(tmp_path.iterdir()) == []


def test_an_unwritable_directory_still_gives_the_table(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv(snapshot.ENV, str(blocker / "cache"))  # a directory below a file cannot be made
    calls: list[int] = []
    assert snapshot.load_or_build("table", "k1", lambda: counting_build(calls), Table).rows == ["a", "b"]


def test_the_digest_follows_every_file_byte(tmp_path: Path) -> None:
    a, b = tmp_path / "a.tsv", tmp_path / "b.tsv"
    a.write_text("Kyiv\n")
    b.write_text("Lviv\n")
    before = snapshot.digest([a, b], ["pytest"])
    assert snapshot.digest([b, a], ["pytest"]) == before  # order-free
    b.write_text("Lviv\nOdesa\n")
    assert snapshot.digest([a, b], ["pytest"]) != before
    assert snapshot.digest([a, b], ["pytest"]) != snapshot.digest([a, b], ["pytest", "no-such-distribution-x"])


def test_only_the_newest_snapshots_of_a_table_are_kept(home: Path) -> None:
    for i in range(snapshot.KEEP + 3):
        snapshot.load_or_build("table", f"k{i}", lambda: Table([]), Table)
        os.utime(home / f"table-k{i}.pickle", (time.time() - 100 + i, time.time() - 100 + i))
    snapshot.load_or_build("other", "k0", lambda: Table([]), Table)
    kept = sorted(p.name for p in home.glob("table-*.pickle"))
    assert len(kept) == snapshot.KEEP
    assert f"table-k{snapshot.KEEP + 2}.pickle" in kept and "table-k0.pickle" not in kept
    assert (home / "other-k0.pickle").exists()


def test_a_loaded_gazetteer_answers_like_a_built_one(home: Path) -> None:
    built = snapshot.load_or_build("gazetteer", "test", Gazetteer, Gazetteer)
    loaded = snapshot.load_or_build("gazetteer", "test", lambda: pytest.fail("rebuilt"), Gazetteer)
    assert loaded is not built
    assert loaded.exact == built.exact and loaded.folded == built.folded
    assert loaded.countries == built.countries and loaded.place_countries == built.place_countries
    assert loaded.titles == built.titles and loaded.groups == built.groups
    for name in ("Kyiv", "Ukraine", "Ukrainians", "NATO", "Leeds"):
        assert loaded.lookup(name) == built.lookup(name)
