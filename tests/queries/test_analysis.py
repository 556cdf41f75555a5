"""Each verband is analysed once per dataset object: compare after brokers builds nothing again,
and what one caller changes in a result never reaches the next."""

from __future__ import annotations

import pytest
from verbinder.graphmodel.model import Dataset
from verbinder.loaders.demo import generate_demo
from verbinder.queries import network as queries_network
from verbinder.queries.brokers import brokers
from verbinder.queries.compare import compare_verbanden
from verbinder.queries.profile import verband_profile


@pytest.fixture
def demo() -> Dataset:
    return generate_demo(scale=0.02)


def test_ties_by_verband_are_the_ties_between_two_members(demo):
    for verband in demo.verbanden:
        members = {a.id for a in demo.members_of(verband.id)}
        expected = [t for t in demo.ties if t.source in members and t.target in members]
        assert list(demo.ties_by_verband.get(verband.id, ())) == expected


def test_brokers_profile_and_compare_build_each_network_once(demo, monkeypatch):
    built = []
    original = queries_network._built
    monkeypatch.setattr(
        queries_network, "_built", lambda *args: built.append(args[1]) or original(*args)
    )
    for verband in demo.verbanden:
        brokers(demo, verband.id)
        verband_profile(demo, verband.id)
    compare_verbanden(demo)
    compare_verbanden(demo)
    assert sorted(built) == sorted(v.id for v in demo.verbanden)


def test_a_new_dataset_object_is_analysed_afresh(demo):
    verband = demo.verbanden[0].id
    first = brokers(demo, verband)
    assert first["graad"].sum() > 0
    assert brokers(demo.replace(ties=()), verband)["graad"].sum() == 0


def test_changing_a_result_does_not_change_the_next(demo):
    verband = demo.verbanden[0].id
    first = brokers(demo, verband)
    expected = first["graad"].tolist()
    first["graad"] = -1
    first.attrs["se_regulier_paren"] = -1
    again = brokers(demo, verband)
    assert again["graad"].tolist() == expected
    assert again.attrs["se_regulier_paren"] >= 0


def test_remembered_results_equal_a_fresh_computation(demo):
    verband = demo.verbanden[1].id
    brokers(demo, verband)  # the dependency view first: compare reads its shares
    remembered = compare_verbanden(demo)
    fresh = compare_verbanden(demo.replace())
    assert remembered.equals(fresh)


PARALLEL = """
import os
from pandas.testing import assert_frame_equal
from verbinder.graphmodel.metrics.centrality import centrality
from verbinder.graphmodel.views import to_multidigraph
from verbinder.loaders.demo import generate_demo
from verbinder.queries.analysis import remember_all, remembered
from verbinder.queries.brokers import brokers_by_verband
from verbinder.queries.compare import compare_verbanden

data = generate_demo(scale=0.05)
centrality(to_multidigraph(data))  # what runs in the parent before it forks (OpenMP, BLAS)
remember_all(data, [(i, os.getpid, 1) for i in range(8)], step="pids", workers=2)
pids = {remembered(data, i, os.getpid) for i in range(8)}
assert len(pids) == 2 and os.getpid() not in pids, pids
forked, alone = brokers_by_verband(data, workers=2), brokers_by_verband(data.replace(), workers=1)
assert forked.keys() == alone.keys()
# Equal up to the last bits: ARPACK (PageRank, eigenvector) starts from a random vector.
for verband, frame in forked.items():
    assert_frame_equal(frame, alone[verband], rtol=1e-12)
assert_frame_equal(compare_verbanden(data, workers=2), compare_verbanden(data.replace(), workers=1))
print("ok")
"""


def test_two_processes_give_what_one_gives_and_do_not_hang():
    import subprocess
    import sys

    # A process of its own: forking needs a process without other threads, and a hang (an
    # OpenMP pool copied into the children) shows as the timeout.
    done = subprocess.run(
        [sys.executable, "-c", PARALLEL], capture_output=True, text=True, timeout=120
    )
    assert done.stdout.strip() == "ok", done.stderr
