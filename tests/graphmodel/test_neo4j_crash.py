"""SIGKILL of the writing process in the middle of a push to the Bolt server: the server holds
the old or the new dataset, never a mix (issue #7, point 3).

The child process replaces dataset 'crash' on the server (one managed transaction) and is
killed after a random delay (seeded) from the moment it starts writing, until 20 kills have
landed before the push finished; the server rolls the
open transaction back when the connection drops (a COMMIT already sent may still land). The
store's read is itself one transaction checked against the dataset's version, so it never
returns a mix either (found by this test: before, its separate reads could straddle a
commit). Runs on a Bolt server of its own, or on the
genuine Neo4j of NEO4J_URI.
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
from verbinder.graphmodel.store.neo4j import Neo4jStore
from verbinder.loaders.demo import generate_demo

ROOT = Path(__file__).resolve().parents[2]
KILLS = 20
CHILD = """
import json, sys, time
from verbinder.graphmodel.jsoncodec import dataset_from_dict
from verbinder.graphmodel.store.neo4j import Neo4jStore
settings = json.loads(sys.argv[1])
new = dataset_from_dict(json.load(open(sys.argv[2], encoding="utf-8")))
with Neo4jStore(**settings) as store:
    store.datasets()  # connected and the schema is there
    print("start", flush=True)
    began = time.perf_counter()
    store.save(new, replace=True, action="vervangen")
    print("klaar", time.perf_counter() - began, flush=True)
"""


def _push(settings: dict, new_json: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", CHILD, json.dumps(settings), str(new_json)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )


def test_a_killed_push_leaves_the_old_or_the_new_dataset(bolt, tmp_path):
    old = generate_demo(scale=0.2, seed=1, name="crash")
    new = generate_demo(scale=0.2, seed=2, name="crash")
    new_json = tmp_path / "new.json"
    new_json.write_text(json.dumps(dataset_to_dict(new, include_personal=True)), "utf-8")
    with Neo4jStore(**bolt) as store:
        store.save(old, replace=True)
    timings = []
    for _ in range(3):  # the server gets faster after the first pushes: take the quickest
        out, _ = _push(bolt, new_json).communicate(timeout=300)
        timings.append(float(out.split()[-1]))
    write_seconds = min(timings)

    draw = random.Random(20261122)
    outcomes = {"oud": 0, "nieuw": 0}
    during = 0
    kills = 0
    while during < KILLS and kills < 3 * KILLS:  # until 20 kills landed during a push
        kills += 1
        with Neo4jStore(**bolt) as store:
            store.save(old, replace=True)
            version_before = store.info("crash").version
        child = _push(bolt, new_json)
        assert child.stdout.readline().strip() == "start"
        time.sleep(draw.uniform(0, write_seconds))
        child.send_signal(signal.SIGKILL)
        during += "klaar" not in child.stdout.read()
        child.wait()
        with Neo4jStore(**bolt) as store:
            found = store.load("crash")
            # A COMMIT that left before the kill may still land a moment later.
            assert store.info("crash").version in (version_before, version_before + 1)
        if found.same_content(old):
            outcomes["oud"] += 1
        else:
            assert found.same_content(new), "a mix of the old and the new dataset"
            outcomes["nieuw"] += 1
    print(f"{kills} kills, {during} during the push, outcomes {outcomes}")
    assert during == KILLS
