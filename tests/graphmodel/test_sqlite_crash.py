"""SIGKILL in the middle of a replace: the embedded store holds the old or the new dataset.

A child process replaces dataset 'x' (old: the demo with one seed, new: with another seed) and
is killed with SIGKILL after a random delay from the moment it starts writing. After every kill
the store must open (integrity check) and hold exactly the old or exactly the new dataset, with
an import history that matches. The delays are drawn with a fixed seed so that a failure can
be repeated; kills go on until 20 of them landed while the write was under way.
"""

from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from verbinder.graphmodel.jsoncodec import dataset_to_dict
from verbinder.graphmodel.store import SQLiteStore
from verbinder.loaders.demo import generate_demo

ROOT = Path(__file__).resolve().parents[2]
KILLS = 20
CHILD = """
import json, sys, time
from verbinder.graphmodel.jsoncodec import dataset_from_dict
from verbinder.graphmodel.store import SQLiteStore
new = dataset_from_dict(json.load(open(sys.argv[2], encoding="utf-8")))
with SQLiteStore(sys.argv[1]) as store:
    print("start", flush=True)
    began = time.perf_counter()
    store.save(new, replace=True, action="vervangen")
    print("klaar", time.perf_counter() - began, flush=True)
"""


def _replace(db: Path, new_json: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", CHILD, str(db), str(new_json)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )


def test_a_kill_at_any_moment_leaves_the_old_or_the_new_dataset(tmp_path):
    old = generate_demo(scale=0.5, seed=1, name="x")
    new = generate_demo(scale=0.5, seed=2, name="x")
    assert not old.same_content(new)
    new_json = tmp_path / "new.json"
    new_json.write_text(json.dumps(dataset_to_dict(new, include_personal=True)), "utf-8")
    db = tmp_path / "v.sqlite"

    # One undisturbed run: how long the write itself takes.
    with SQLiteStore(db) as store:
        store.save(old)
    child = _replace(db, new_json)
    out, _ = child.communicate(timeout=120)
    write_seconds = float(out.split()[-1])

    draw = random.Random(20261121)
    outcomes = {"oud": 0, "nieuw": 0}
    during = 0
    kills = 0
    while during < KILLS and kills < 3 * KILLS:  # until 20 kills landed during a write
        kills += 1
        with SQLiteStore(db) as store:
            store.save(old, replace=True)
            versions_before = store.info("x").version
        child = _replace(db, new_json)
        assert child.stdout.readline().strip() == "start"
        time.sleep(draw.uniform(0, 1.2 * write_seconds))
        child.send_signal(signal.SIGKILL)
        rest = child.stdout.read()
        child.wait()
        during += "klaar" not in rest
        with SQLiteStore(db) as store:  # opens: the integrity check passed
            found = store.load("x")
            version = store.info("x").version
            last = store.history("x")[-1].action
        if found.same_content(old):
            outcomes["oud"] += 1
            assert version == versions_before and last != "vervangen"
        else:
            assert found.same_content(new), "a mix of the old and the new dataset"
            outcomes["nieuw"] += 1
            assert version == versions_before + 1 and last == "vervangen"
    print(f"{kills} kills, {during} during the write, outcomes {outcomes}")
    assert during == KILLS
