"""Shared fixtures: a tiny typed dataset, stores in temporary files, a workbook writer."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook

from graphmodel.model import Actor, Dataset, Event, Membership, Participation, Tie, Verband
from graphmodel.store import SQLiteStore
from graphmodel.types import ActorType, Engagement, Provenance, TieKind
from loaders.demo import generate_demo


@pytest.fixture
def tiny() -> Dataset:
    """Five organisations in verband 'v1' (one also in 'v2'), four ties, one event."""
    e = Engagement
    return Dataset(
        name="tiny",
        verbanden=(
            Verband(
                "v1",
                "Verband Een",
                "interlokale vereniging",
                "Limburg",
                ("Genk", "As"),
                100000,
                50000.0,
                2017,
                2019,
                "Genk",
            ),
            Verband("v2", "Verband Twee", province="Limburg", municipalities=("Hasselt",)),
        ),
        actors=(
            Actor(
                "reg",
                "Regie Een",
                ActorType.REGISSEUR,
                "Genk",
                memberships=(Membership("v1", e.ZEER_ACTIEF),),
            ),
            Actor(
                "genk",
                "Stad Genk",
                ActorType.GEMEENTE,
                "Genk",
                memberships=(Membership("v1", e.ACTIEF, e.ZEER_ACTIEF, e.PASSIEF),),
            ),
            Actor(
                "mwb",
                "Maatwerk De Sleutel",
                ActorType.MAATWERKBEDRIJF,
                "As",
                ("81.300",),
                ("groenonderhoud",),
                None,
                120.5,
                90,
                (Membership("v1", e.ACTIEF), Membership("v2", e.PASSIEF)),
            ),
            Actor(
                "wg",
                "Transport Peeters",
                ActorType.WERKGEVER,
                "Genk",
                ("49.410",),
                kbo="0403170701",
                fte=12.5,
                memberships=(Membership("v1", e.GEEN),),
                tags=("MVO",),
                contact_name="Zoë Peeters",
                contact_email="zoe@peeters.example",
            ),
            Actor(
                "vdab",
                "VDAB Genk",
                ActorType.VDAB,
                "Genk",
                memberships=(Membership("v1", e.PASSIEF),),
            ),
        ),
        ties=(
            Tie("t1", "reg", "genk", TieKind.OVERLEG, 2.0, date(2018, 1, 1)),
            Tie(
                "t2",
                "genk",
                "mwb",
                TieKind.AANKOOP,
                1.0,
                date(2017, 3, 1),
                date(2018, 12, 31),
                Provenance.BEVRAGING,
                "groenwerken",
            ),
            Tie("t3", "vdab", "mwb", TieKind.TOELEIDING),
            Tie("t4", "mwb", "wg", TieKind.DOORSTROOM, 0.5),
        ),
        events=(
            Event(
                "ev1", "Matchmaking logistiek", date(2019, 5, 14), "v1", "matchmaking", "logistiek"
            ),
        ),
        participations=(Participation("ev1", "mwb"), Participation("ev1", "wg")),
        description="klein testnetwerk",
    )


@pytest.fixture
def store(tmp_path: Path) -> SQLiteStore:
    """An embedded store in a temporary file."""
    with SQLiteStore(tmp_path / "verbinder.sqlite") as opened:
        yield opened


@pytest.fixture(scope="session")
def demo() -> Dataset:
    """The default synthetic demo dataset (generated once per test run)."""
    return generate_demo()


def _write_workbook(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(row)
    workbook.save(path)
    return path


@pytest.fixture
def write_workbook():
    """A function that writes rows per sheet (first row = header) into a new .xlsx."""
    return _write_workbook


SHARED_ROLES = """
[[gebruiker]]
naam = "an@gent.be"
rol = "regisseur"
verbanden = ["gent"]

[[gebruiker]]
naam = "wse@vlaanderen.be"
rol = "analist"

[[gebruiker]]
naam = "beheer@vlaanderen.be"
rol = "beheerder"
"""


@pytest.fixture(scope="session")
def roles_text() -> str:
    """A roles file: regisseur an@gent.be (gent), analist wse@…, beheerder beheer@…."""
    return SHARED_ROLES
