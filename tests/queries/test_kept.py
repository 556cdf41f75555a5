"""Tables kept in the embedded store by dataset version: the second read answers from the
store, a write in between is never answered with the old table, and users with other rights
never share a table."""

from __future__ import annotations

import pandas as pd
import pytest
from verbinder.graphmodel.access import Principal, Role
from verbinder.graphmodel.store import SQLiteStore
from verbinder.graphmodel.store.guarded import GuardedStore
from verbinder.loaders.demo import generate_demo
from verbinder.queries.compare import compare_verbanden
from verbinder.queries.kept import kept_frame


@pytest.fixture
def store(tmp_path):
    with SQLiteStore(tmp_path / "v.sqlite") as opened:
        opened.save(generate_demo(scale=0.05, name="demo"))
        yield opened


def _compare(store, calls: list):
    def compute(dataset):
        calls.append(dataset.version)
        return compare_verbanden(dataset)

    version = store.dataset_version("demo")
    return kept_frame(store, "demo", version, "compare", "", lambda: store.load("demo"), compute)


def test_the_second_read_is_the_kept_table(store):
    calls: list = []
    first = _compare(store, calls)
    second = _compare(store, calls)
    assert calls == [1]
    pd.testing.assert_frame_equal(first, second)
    assert second.attrs == first.attrs == {"synthetic": True, "perioden": [[2017, 2019]]}


def test_a_write_between_two_reads_is_never_answered_with_the_old_table(store):
    calls: list = []
    before = _compare(store, calls)
    data = store.load("demo")
    store.save(data.replace(ties=data.ties[:10]), replace=True)
    after = _compare(store, calls)
    assert calls == [1, 2]
    assert after["relaties"].sum() == 10 < before["relaties"].sum()


def test_a_computation_overtaken_by_a_write_keeps_nothing(store):
    old = store.load("demo")
    store.save(old, replace=True)  # version 2 now
    assert not store.keep(old, "compare", "x", b"table of version 1")
    assert store.kept("demo", 1, "compare", "x") is None
    assert store.kept("demo", 2, "compare", "x") is None


def test_deleting_the_dataset_removes_its_tables(store):
    calls: list = []
    _compare(store, calls)
    store.delete("demo")
    store.save(generate_demo(scale=0.05, name="demo"))  # version 1 again, other content
    assert store.kept("demo", 1, "compare", "") is None


def test_users_with_other_rights_never_share_a_table(store):
    verband = store.load("demo").verbanden[0].id
    analist = GuardedStore(store, Principal("a", Role.ANALIST, frozenset()))
    regisseur = GuardedStore(store, Principal("r", Role.REGISSEUR, frozenset({verband})))
    calls: list = []
    _compare(analist, calls)
    _compare(regisseur, calls)
    _compare(analist, calls)
    assert calls == [1, 1]


def test_a_dataset_from_elsewhere_is_not_kept(store):
    outside = generate_demo(scale=0.05, name="demo")  # not loaded from the store
    assert not store.keep(outside, "compare", "", b"x")


def test_after_prepare_the_first_visits_load_nothing(store):
    from verbinder.queries.ambitions import ambitions
    from verbinder.queries.kept import (
        ambitions_table,
        brokers_table,
        compare_table,
        mixing_table,
        prepare,
    )
    from verbinder.queries.mixing import MIXINGS, mixing_comparison

    data = prepare(store, "demo")

    def load():
        raise AssertionError("the dataset was loaded: nothing was kept")

    version = store.dataset_version("demo")
    compared = compare_table(store, "demo", version, load)
    pd.testing.assert_frame_equal(compared, compare_verbanden(data.replace()))
    for verband in data.verbanden:
        assert len(brokers_table(store, "demo", version, load, verband.id)) == len(
            data.members_of(verband.id)
        )
    for kind in MIXINGS:
        pd.testing.assert_frame_equal(
            mixing_table(store, "demo", version, load, kind),
            mixing_comparison(data.replace(), kind),
        )
    kept_ambitions = ambitions_table(store, "demo", version, load)
    pd.testing.assert_frame_equal(kept_ambitions, ambitions(data.replace()))
    assert kept_ambitions.attrs["mediaan"] == ambitions(data.replace()).attrs["mediaan"]


def test_a_broker_table_kept_with_other_columns_is_not_served(store, monkeypatch):
    from verbinder.queries import kept

    version = store.dataset_version("demo")
    verband = store.load("demo").verbanden[0].id
    loads: list = []

    def load():
        loads.append(1)
        return store.load("demo")

    kept.brokers_table(store, "demo", version, load, verband)
    kept.brokers_table(store, "demo", version, load, verband)
    assert len(loads) == 1  # kept
    # A checkout with another set of columns under the same release number computes afresh.
    monkeypatch.setattr(kept, "BROKER_COLUMNS", (*kept.BROKER_COLUMNS[:-1],))
    kept.brokers_table(store, "demo", version, load, verband)
    assert len(loads) == 2
