"""The embedded store: lossless round trip, all-or-nothing writes, WAL readers, history, schema."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import UTC

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from verbinder.graphmodel.model import (
    Actor,
    Dataset,
    Event,
    Membership,
    Participation,
    Tie,
    Verband,
)
from verbinder.graphmodel.store import (
    DatasetExistsError,
    DatasetNotFoundError,
    SQLiteStore,
    StoreError,
)
from verbinder.graphmodel.store.sqlite_schema import SCHEMA_VERSION
from verbinder.graphmodel.types import ActorType, Engagement, Provenance, TieKind

text = st.text(st.characters(exclude_categories=("Cs",)), max_size=12)
maybe_text = st.none() | text
texts = st.lists(text, max_size=3).map(tuple)
numbers = st.floats(allow_nan=False, allow_infinity=False)
counts = st.integers(min_value=-(2**63), max_value=2**63 - 1)
levels = st.sampled_from(Engagement)


@st.composite
def datasets(draw) -> Dataset:
    verband_ids = draw(st.lists(text, min_size=1, max_size=3, unique=True))
    verbanden = tuple(
        Verband(
            vid,
            draw(text),
            draw(maybe_text),
            draw(maybe_text),
            draw(texts),
            draw(st.none() | counts),
            draw(st.none() | numbers),
            draw(st.none() | st.integers(1900, 2100)),
            draw(st.none() | st.integers(1900, 2100)),
            draw(maybe_text),
            draw(maybe_text),
            draw(maybe_text),
        )
        for vid in verband_ids
    )
    actor_ids = draw(st.lists(text, min_size=2, max_size=6, unique=True))
    actors = tuple(
        Actor(
            aid,
            draw(text),
            draw(st.sampled_from(ActorType)),
            draw(maybe_text),
            nace=draw(texts),
            activities=draw(texts),
            kbo=draw(maybe_text),
            fte=draw(st.none() | numbers),
            target_group_workers=draw(st.none() | counts),
            memberships=tuple(
                Membership(v, draw(levels), draw(st.none() | levels), draw(st.none() | levels))
                for v in draw(st.lists(st.sampled_from(verband_ids), unique=True, max_size=3))
            ),
            tags=draw(texts),
            contact_name=draw(maybe_text),
            contact_email=draw(maybe_text),
            note=draw(maybe_text),
            lat=draw(st.none() | numbers),
            lon=draw(st.none() | numbers),
        )
        for aid in actor_ids
    )
    pairs = draw(
        st.lists(
            st.tuples(st.sampled_from(actor_ids), st.sampled_from(actor_ids)).filter(
                lambda p: p[0] != p[1]
            ),
            max_size=8,
        )
    )
    ties = tuple(
        Tie(
            f"t{i}",
            a,
            b,
            draw(st.sampled_from(TieKind)),
            draw(numbers),
            draw(st.none() | st.dates()),
            draw(st.none() | st.dates()),
            draw(st.sampled_from(Provenance)),
            draw(maybe_text),
        )
        for i, (a, b) in enumerate(pairs)
    )
    event_ids = draw(st.lists(text, max_size=3, unique=True))
    events = tuple(
        Event(
            eid,
            draw(text),
            draw(st.none() | st.dates()),
            draw(maybe_text),
            draw(maybe_text),
            draw(maybe_text),
        )
        for eid in event_ids
    )
    participations = ()
    if event_ids:
        chosen = draw(
            st.lists(
                st.tuples(st.sampled_from(event_ids), st.sampled_from(actor_ids)),
                unique=True,
                max_size=5,
            )
        )
        participations = tuple(Participation(e, a) for e, a in chosen)
    return Dataset(
        name=draw(text.filter(bool)),
        actors=actors,
        ties=ties,
        verbanden=verbanden,
        events=events,
        participations=participations,
        synthetic=draw(st.booleans()),
        description=draw(text),
        created=draw(st.datetimes(timezones=st.just(UTC))),
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(datasets())
def test_any_dataset_round_trips_exactly(tmp_path_factory, dataset):
    path = tmp_path_factory.mktemp("store") / "v.sqlite"
    with SQLiteStore(path) as store:
        store.save(dataset)
    with SQLiteStore(path) as store:
        assert store.load(dataset.name) == dataset


def test_tiny_dataset_round_trips_with_order_and_personal_data(store, tiny):
    info = store.save(tiny)
    assert info.counts == {
        "actoren": 5,
        "relaties": 4,
        "verbanden": 2,
        "evenementen": 1,
        "deelnames": 2,
    }
    loaded = store.load("tiny")
    assert loaded.replace(created=None) == tiny
    assert [a.id for a in loaded.actors] == ["reg", "genk", "mwb", "wg", "vdab"]
    assert loaded.actor_by_id["wg"].contact_name == "Zoë Peeters"


def test_saving_over_an_existing_name_needs_replace(store, tiny):
    store.save(tiny)
    with pytest.raises(DatasetExistsError):
        store.save(tiny)
    info = store.save(tiny.replace(description="nieuw"), replace=True)
    assert info.version == 2
    assert store.load("tiny").description == "nieuw"


def test_a_failing_write_leaves_nothing(store, tiny):
    broken = tiny.replace(ties=(*tiny.ties, Tie("bad", "reg", "nobody", TieKind.OVERLEG)))
    with pytest.raises(StoreError, match="niet samenhangend"):
        store.save(broken)
    assert store.datasets() == []
    assert store.history() == []


def test_a_failing_replace_keeps_the_old_version(store, tiny):
    store.save(tiny)
    broken = tiny.replace(ties=(*tiny.ties, Tie("bad", "reg", "nobody", TieKind.OVERLEG)))
    with pytest.raises(StoreError, match="niet samenhangend"):
        store.save(broken, replace=True)
    assert store.load("tiny").replace(created=None) == tiny
    assert store.info("tiny").version == 1


def test_readers_see_the_last_committed_state_during_a_write(tmp_path, tiny):
    path = tmp_path / "v.sqlite"
    with SQLiteStore(path) as writer, SQLiteStore(path) as reader:
        writer.save(tiny)
        writer._conn.execute("BEGIN IMMEDIATE")
        writer._conn.execute("DELETE FROM actors WHERE id = 'wg'")
        assert len(reader.load("tiny").actors) == 5
        writer._conn.execute("ROLLBACK")
        assert reader._conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_history_records_file_hash_and_counts_and_survives_delete(store, tiny):
    store.save(tiny, file="verband.xlsx", sha256="ab" * 32)
    store.delete("tiny")
    first, second = store.history("tiny")
    assert (first.action, first.file, first.sha256) == ("import", "verband.xlsx", "ab" * 32)
    assert first.counts["actoren"] == 5
    assert second.action == "verwijderd"
    with pytest.raises(DatasetNotFoundError):
        store.load("tiny")


def test_delete_removes_every_row_of_the_dataset(store, tiny):
    store.save(tiny)
    store.save(tiny.replace(name="other"))
    store.delete("tiny")
    conn = store._conn
    for table in ("actors", "ties", "memberships", "verbanden", "events", "participations"):
        per_dataset = conn.execute(f"SELECT count(DISTINCT dataset_id) FROM {table}").fetchone()
        assert per_dataset[0] == 1, table
    assert store.load("other").replace(name="tiny", created=None) == tiny


def test_a_version_1_file_is_migrated_and_keeps_its_data(tmp_path):
    from verbinder.graphmodel.store.sqlite_schema import MIGRATIONS

    path = tmp_path / "oud.sqlite"
    conn = sqlite3.connect(path)
    conn.executescript(MIGRATIONS[0])
    conn.execute("INSERT INTO datasets VALUES (1, 'oud', 0, '', '2019-01-01T00:00:00', 1)")
    conn.execute(
        "INSERT INTO actors VALUES (1, 'a', 0, 'A', 'lde', NULL, '[]', '[]', NULL, 12.5, NULL, "
        "'[]', NULL, NULL, NULL)"
    )
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    with SQLiteStore(path) as store:
        assert store.schema_version == SCHEMA_VERSION == 8
        actor = store.load("oud").actors[0]
        assert store.cycles() == [] and store.cycle((2020, 2025)) is None
    assert (actor.id, actor.fte, actor.lat, actor.lon, actor.nis) == ("a", 12.5, None, None, None)
    (copy,) = (tmp_path / "reservekopieën").glob("auto-oud-*-migratie.sqlite")
    with sqlite3.connect(copy) as before:
        assert before.execute("PRAGMA user_version").fetchone()[0] == 1
        assert before.execute("SELECT id, fte FROM actors").fetchall() == [("a", 12.5)]


def test_schema_is_versioned_and_a_newer_file_is_refused(tmp_path):
    path = tmp_path / "v.sqlite"
    with SQLiteStore(path) as store:
        assert store.schema_version == SCHEMA_VERSION
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(StoreError, match="nieuwer"):
        SQLiteStore(path)


def test_a_file_that_is_not_a_database_gives_a_clear_error(tmp_path):
    path = tmp_path / "kapot.sqlite"
    path.write_bytes(b"dit is geen databank" * 100)
    with pytest.raises(StoreError, match="geen bruikbare Verbinder-databank"):
        SQLiteStore(path)


def test_default_path_follows_the_environment(tmp_path, monkeypatch):
    from verbinder.graphmodel.store import default_store_path

    monkeypatch.setenv("VERBINDER_DB", str(tmp_path / "x.sqlite"))
    assert default_store_path() == tmp_path / "x.sqlite"


def test_a_cycle_s_verbanden_are_kept_replaced_and_recorded(store, tiny):
    first = tuple(replace(v, period_start=2020, period_end=2025) for v in tiny.verbanden)
    store.save_cycle((2020, 2025), first, file="verbanden.csv")
    store.save_cycle((2026, 2031), first[:1])
    assert store.cycle((2020, 2025)) == first and store.cycle((2017, 2019)) is None
    store.save_cycle((2020, 2025), first[1:])
    assert store.cycle((2020, 2025)) == first[1:]
    assert store.cycles() == [(2020, 2025), (2026, 2031)]
    lines = [(r.dataset, r.action, r.file, r.counts) for r in store.history()]
    assert lines[0] == ("verbanden 2020-2025", "referentie", "verbanden.csv", {"verbanden": 2})
    assert len(lines) == 3
