"""Backups of the embedded store: copies, restore, automatic copies, integrity check at open."""

from __future__ import annotations

import hashlib
import sqlite3

import pytest
from verbinder.graphmodel.store import SQLiteStore, StoreError, sqlite_backup


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_restore_brings_back_exactly_what_was_backed_up(tmp_path, tiny):
    with SQLiteStore(tmp_path / "v.sqlite") as store:
        store.save(tiny.replace(name="a"))
        copy = store.backup(tmp_path / "kopie #1 ?.sqlite")  # URI characters in the name
        store.delete("a")
        store.save(tiny.replace(name="b"))
        safety = store.restore(copy)
        assert [info.name for info in store.datasets()] == ["a"]
        assert store.load("a").same_content(tiny.replace(name="a"))
        store.save(tiny.replace(name="c"))  # the restored store is writable
    with SQLiteStore(safety) as before:
        assert [info.name for info in before.datasets()] == ["b"]


def test_delete_keeps_an_automatic_copy_with_the_dataset(tmp_path, tiny):
    with SQLiteStore(tmp_path / "v.sqlite") as store:
        store.save(tiny)
        store.delete("tiny")
    (copy,) = (tmp_path / "reservekopieën").glob("auto-v-*-verwijderen.sqlite")
    with SQLiteStore(copy) as before:
        assert before.load("tiny").same_content(tiny)


def test_only_the_newest_automatic_copies_are_kept(tmp_path, tiny, monkeypatch):
    monkeypatch.setattr(sqlite_backup, "AUTOMATIC_KEEP", 2)
    with SQLiteStore(tmp_path / "v.sqlite") as store:
        for name in ("a", "b", "c"):
            store.save(tiny.replace(name=name))
            store.delete(name)
    copies = sorted((tmp_path / "reservekopieën").glob("auto-v-*.sqlite"))
    assert len(copies) == 2
    with SQLiteStore(copies[0]) as oldest_kept:
        assert [info.name for info in oldest_kept.datasets()] == ["b"]


@pytest.mark.parametrize("kind", ["missing", "text", "foreign", "newer"])
def test_restore_refuses_what_is_not_a_verbinder_backup(tmp_path, tiny, kind):
    source = tmp_path / "bron.sqlite"
    if kind == "text":
        source.write_bytes(b"geen databank\n" * 500)
    elif kind == "foreign":
        with sqlite3.connect(source) as other:
            other.execute("CREATE TABLE x (y)")
    elif kind == "newer":
        SQLiteStore(source).close()
        with sqlite3.connect(source) as other:
            other.execute("PRAGMA user_version = 99")
    with SQLiteStore(tmp_path / "v.sqlite") as store:
        store.save(tiny)
        with pytest.raises(StoreError, match=r"reservekopie|Verbinder-databank|bestaat niet"):
            store.restore(source)
        assert [info.name for info in store.datasets()] == ["tiny"]
    assert not (tmp_path / "reservekopieën").exists()


def test_a_damaged_file_is_refused_at_open_and_left_as_it_was(tmp_path, demo):
    path = tmp_path / "v.sqlite"
    with SQLiteStore(path) as store:
        store.save(demo)
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA journal_mode = DELETE")
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    data = bytearray(path.read_bytes())
    start = 10 * page_size  # a b-tree page well inside the file: its header and cells
    data[start : start + 200] = b"\xff" * 200
    path.write_bytes(bytes(data))
    before = _digest(path)
    with pytest.raises(StoreError, match=r"beschadigd.*verbinder restore"):
        SQLiteStore(path)
    assert _digest(path) == before
