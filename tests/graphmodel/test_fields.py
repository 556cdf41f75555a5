"""Adding a field to the model is one line plus a migration (issue #17).

A throw-away actor field is declared the way a developer would add it to ``Actor``; with only
that and one ``ALTER TABLE`` migration, it appears in the template's columns and survives the
workbook, the CSV folder, the JSON export and the embedded store, and a merge fills it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from verbinder.graphmodel import model
from verbinder.graphmodel.fields import column, header_fields, sheet_columns
from verbinder.graphmodel.jsoncodec import dataset_from_dict, dataset_to_dict
from verbinder.graphmodel.model import Actor, Dataset
from verbinder.graphmodel.store import sqlite as sqlite_store
from verbinder.graphmodel.store.sqlite import SQLiteStore
from verbinder.graphmodel.tables import SHEETS, dataset_to_frames
from verbinder.graphmodel.types import ActorType
from verbinder.loaders import load_dataset
from verbinder.queries.export import export_dataset
from verbinder.queries.merging import merge_actors


@dataclass(frozen=True)
class WideActor(Actor):
    """An actor with one more field, written as it would be in ``Actor`` itself."""

    erkenning: str | None = field(
        default=None,
        metadata=column("erkenningsnummer", "text", "Nummer van de erkenning.", "recognition"),
    )


_MIGRATION = "ALTER TABLE actors ADD COLUMN erkenning TEXT"


@pytest.fixture
def wide(monkeypatch, tiny) -> Dataset:
    """The model with the extra field (and its migration); ``tiny`` with two values in it."""
    monkeypatch.setitem(model.RECORDS, "actors", WideActor)
    monkeypatch.setattr(sqlite_store, "MIGRATIONS", (*sqlite_store.MIGRATIONS, _MIGRATION))
    monkeypatch.setattr(sqlite_store, "SCHEMA_VERSION", sqlite_store.SCHEMA_VERSION + 1)
    numbers = {"mwb": "MWB-0042", "genk": "ERK 7; bis"}
    actors = tuple(
        WideActor(
            **{f: getattr(a, f) for f in header_fields(Actor).values()},
            memberships=a.memberships,
            erkenning=numbers.get(a.id),
        )
        for a in tiny.actors
    )
    return tiny.replace(actors=actors)


def _numbers(dataset: Dataset) -> dict[str, str | None]:
    return {a.id: getattr(a, "erkenning", "ontbreekt") for a in dataset.actors}


def test_the_field_is_a_column_of_the_sheet_and_the_frames(wide):
    headers = [c.header for c in SHEETS["actoren"]]
    assert headers[-1] == "erkenningsnummer"
    assert headers[:-1] == [c.header for c in sheet_columns(Actor)]
    frame = dataset_to_frames(wide)["actoren"].set_index("id")
    assert frame.loc["mwb", "erkenningsnummer"] == "MWB-0042"
    assert frame.loc["reg", "erkenningsnummer"] is None


@pytest.mark.parametrize("target", ["data.xlsx", "data.json", "map"])
def test_the_field_survives_every_export_and_import(tmp_path, wide, target):
    path = export_dataset(wide, tmp_path / target, include_personal=True)
    loaded = load_dataset(path, name="tiny").dataset
    assert _numbers(loaded) == _numbers(wide)
    assert loaded.same_content(wide)


def test_the_field_survives_json_and_the_store_after_its_migration(tmp_path, wide):
    again = dataset_from_dict(dataset_to_dict(wide, include_personal=True))
    assert _numbers(again) == _numbers(wide)
    with SQLiteStore(tmp_path / "v.sqlite") as store:
        assert store.schema_version == sqlite_store.SCHEMA_VERSION
        store.save(wide)
        assert _numbers(store.load("tiny")) == _numbers(wide)


def test_without_its_migration_the_store_refuses_and_keeps_nothing(tmp_path, wide, monkeypatch):
    monkeypatch.setattr(sqlite_store, "MIGRATIONS", sqlite_store.MIGRATIONS[:-1])
    monkeypatch.setattr(sqlite_store, "SCHEMA_VERSION", sqlite_store.SCHEMA_VERSION - 1)
    with SQLiteStore(tmp_path / "v.sqlite") as store:
        with pytest.raises(Exception, match="erkenning"):
            store.save(wide)
        assert store.datasets() == []


def test_a_merge_fills_the_field_from_the_dropped_actor():
    twin = WideActor(
        "mwb2", "Maatwerk De Sleutel", ActorType.MAATWERKBEDRIJF, "As", erkenning="MWB-0042"
    )
    bare = WideActor("mwb3", "Maatwerk De Sleutel", ActorType.MAATWERKBEDRIJF, "As")
    merged = merge_actors(Dataset("m", actors=(twin, bare)), "mwb3", "mwb2", reason="dubbel")
    assert _numbers(merged) == {"mwb3": "MWB-0042"}
