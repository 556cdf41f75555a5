"""SIGKILL in the middle of a schema migration: the file keeps its data, at any version.

A version-1 file (the schema before coordinates) holding the whole demo is opened by a child
process, which makes the automatic safety copy and migrates; the child is killed after a
random delay (seeded), until 20 kills have landed before the opening finished. After every
kill the file must pass SQLite's integrity check, be at a schema version it knows, open
(finishing the migration) with exactly the expected data, and every finished safety copy must
be a sound version-1 file: a half-written copy never carries a backup's name. Most of an
opening is the safety copy; the migration step itself is one short transaction.
"""

from __future__ import annotations

import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

from verbinder.graphmodel.store import SQLiteStore
from verbinder.graphmodel.store.sqlite_backup import backup_folder
from verbinder.graphmodel.store.sqlite_schema import SCHEMA_VERSION
from verbinder.loaders.demo import generate_demo

ROOT = Path(__file__).resolve().parents[2]
KILLS = 20
CHILD = """
import sys, time
from verbinder.graphmodel.store import SQLiteStore
print("start", flush=True)
began = time.perf_counter()
with SQLiteStore(sys.argv[1]) as store:
    print("klaar", time.perf_counter() - began, flush=True)
"""


def _version_1_file(path: Path) -> None:
    """The demo in a file of schema version 1 (no lat/lon or NIS columns, no merges, surveys,
    results, cycles or roster_responses table)."""
    with SQLiteStore(path) as store:
        store.save(generate_demo(scale=2, name="x"))
    with sqlite3.connect(path) as conn:
        conn.execute("ALTER TABLE actors DROP COLUMN lat")
        conn.execute("ALTER TABLE actors DROP COLUMN lon")
        conn.execute("ALTER TABLE actors DROP COLUMN nis")  # added by version 6
        conn.execute("DROP TABLE merges")  # added by version 3
        conn.execute("DROP TABLE surveys")  # added by version 4
        conn.execute("DROP TABLE results")  # added by version 5
        conn.execute("DROP TABLE cycles")  # added by version 7
        conn.execute("DROP TABLE roster_responses")  # added by version 8
        conn.execute("PRAGMA user_version = 1")
        conn.execute("PRAGMA journal_mode = DELETE")


def _check(path: Path, version: int) -> None:
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA user_version").fetchone()[0] == version


def _open(db: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", CHILD, str(db)], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )


def test_a_kill_at_any_moment_of_a_migration_loses_nothing(tmp_path):
    original = tmp_path / "versie1.sqlite"
    _version_1_file(original)
    expected = generate_demo(scale=2, name="x")
    expected = expected.replace(
        actors=tuple(replace(a, lat=None, lon=None, nis=None) for a in expected.actors),
        surveys=(),  # a version-1 file has no survey table
        roster_responses=(),
    )
    db = tmp_path / "werk" / "v.sqlite"
    db.parent.mkdir()

    timings = []
    for _ in range(3):  # the quickest undisturbed opening sets the window for the kills
        shutil.rmtree(db.parent)
        db.parent.mkdir()
        shutil.copy(original, db)
        out, _ = _open(db).communicate(timeout=120)
        timings.append(float(out.split()[-1]))
    seconds = min(timings)

    draw = random.Random(20261122)
    during = 0
    versions = dict.fromkeys(range(1, SCHEMA_VERSION + 1), 0)
    kills = 0
    while during < KILLS and kills < 3 * KILLS:  # until 20 kills landed during an opening
        kills += 1
        shutil.rmtree(db.parent)
        db.parent.mkdir()
        shutil.copy(original, db)
        child = _open(db)
        assert child.stdout.readline().strip() == "start"
        time.sleep(draw.uniform(0, seconds))
        child.send_signal(signal.SIGKILL)
        during += "klaar" not in child.stdout.read()
        child.wait()
        with sqlite3.connect(db) as conn:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
        versions[version] += 1
        _check(db, version)
        for copy in backup_folder(db).glob("*.sqlite"):
            _check(copy, 1)
        with SQLiteStore(db) as store:
            assert store.schema_version == SCHEMA_VERSION
            assert store.load("x").same_content(expected)
    print(f"{kills} kills, {during} during the opening, schema versions after a kill {versions}")
    assert during == KILLS
