"""Shared fixtures: a tiny typed dataset, stores in temporary files, a workbook writer, and
headless Chromium for the browser tests."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from datetime import date
from pathlib import Path
from urllib.parse import urlparse

import pytest
from browser_support import chromium, running_dashboard
from openpyxl import Workbook
from verbinder.graphmodel.model import (
    Actor,
    Dataset,
    Event,
    Membership,
    Participation,
    Tie,
    Verband,
)
from verbinder.graphmodel.store import SQLiteStore
from verbinder.graphmodel.types import ActorType, Engagement, Provenance, TieKind
from verbinder.loaders.demo import generate_demo

ROOT = Path(__file__).resolve().parents[1]
# The folders install as verbinder.graphmodel, verbinder.queries, ...; with the checkout itself
# on sys.path (``python -m pytest`` puts it there) they would also import as graphmodel,
# queries, ... and a missed import name would pass here and fail in the wheel.
sys.path[:] = [p for p in sys.path if Path(p or os.curdir).resolve() != ROOT]


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
                nis="71016",
                memberships=(Membership("v1", e.ZEER_ACTIEF),),
            ),
            Actor(
                "genk",
                "Stad Genk",
                ActorType.GEMEENTE,
                "Genk",
                nis="71016",
                memberships=(Membership("v1", e.ACTIEF, e.ZEER_ACTIEF, e.PASSIEF),),
            ),
            Actor(
                "mwb",
                "Maatwerk De Sleutel",
                ActorType.MAATWERKBEDRIJF,
                "As",
                nis="71002",
                nace=("81.300",),
                activities=("groenonderhoud",),
                fte=120.5,
                target_group_workers=90,
                memberships=(Membership("v1", e.ACTIEF), Membership("v2", e.PASSIEF)),
            ),
            Actor(
                "wg",
                "Transport Peeters",
                ActorType.WERKGEVER,
                "Genk",
                nis="71016",
                nace=("49.410",),
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
                nis="71016",
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


LOCAL_HOSTS = {"127.0.0.1", "localhost", ""}


def _outside(browser) -> list[str]:
    urls = []
    for entry in browser.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return [
        u
        for u in urls
        if urlparse(u).scheme in ("http", "https", "ws", "wss")
        and urlparse(u).hostname not in LOCAL_HOSTS
    ]


@pytest.fixture
def outside_requests():
    """A function: the URLs a browser requested since its log was last read that leave this
    machine (the dashboard must make none)."""
    return _outside


@pytest.fixture(scope="module")
def downloads(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("downloads")


@pytest.fixture(scope="module")
def browser(tmp_path_factory, downloads):
    driver = chromium(tmp_path_factory.mktemp("chrome"), downloads)
    yield driver
    driver.quit()


def _in_terminal(args: list[str], env: dict[str, str] | None = None) -> tuple[int, str]:
    """Run ``verbinder args`` with a pseudo-terminal as its standard output and error, as a
    person at a terminal does; its exit code and all it wrote."""
    master, slave = pty.openpty()
    command = [str(Path(sys.executable).parent / "verbinder"), *args]
    process = subprocess.Popen(
        command, stdin=slave, stdout=slave, stderr=slave, env={**os.environ, **(env or {})}
    )
    os.close(slave)
    chunks = []
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:  # the terminal closes when the process ends
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(master)
    return process.wait(timeout=120), b"".join(chunks).decode("utf-8", "replace")


@pytest.fixture
def in_terminal():
    """A function: run ``verbinder`` under a pseudo-terminal, return (exit code, output)."""
    return _in_terminal


@pytest.fixture(scope="session")
def dashboard_server():
    """A context manager: a running dashboard's URL (see :func:`running_dashboard`)."""
    return running_dashboard
