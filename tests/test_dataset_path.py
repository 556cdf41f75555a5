"""A dataset id chosen in the CLI and on a page reaches the store through the same calls (#17).

Both ask the store for the kept broker table of the dataset's stored version and, when nothing
is kept, load the dataset once, compute and keep the result under the same key. The calls to
the embedded store are recorded for ``verbinder brokers`` and for the Verbinders page, each on
its own copy of one store, and compared. (The page reads the version from the dataset list it
shows and loads the dataset for the Start page first; the CLI asks for the version itself.)
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from streamlit.testing.v1 import AppTest
from verbinder.graphmodel.model import Dataset
from verbinder.graphmodel.store import SQLiteStore
from verbinder.loaders.demo import generate_demo

from verbinder.cli import main

ROOT = Path(__file__).resolve().parents[1]
_DATASET_CALLS = ("dataset_version", "load", "kept", "keep")


@pytest.fixture
def stores(tmp_path):
    """Two copies of one store holding the small demo, for the CLI and for the page."""
    first = tmp_path / "cli.sqlite"
    with SQLiteStore(first) as store:
        store.save(generate_demo(scale=0.1))
    second = tmp_path / "page.sqlite"
    shutil.copyfile(first, second)
    return first, second


def _shown(value: object) -> object:
    if isinstance(value, Dataset):
        return f"dataset {value.name}"
    return "bytes" if isinstance(value, bytes) else value


@pytest.fixture
def calls(monkeypatch) -> dict[str, list[tuple]]:
    """The dataset calls each store file received: (method, arguments, answered or not)."""
    seen: dict[str, list[tuple]] = {}
    for method in _DATASET_CALLS:
        original = getattr(SQLiteStore, method)

        def spy(self, *args, _original=original, _method=method):
            result = _original(self, *args)
            answered = result is not None if _method == "kept" else None
            call = (_method, tuple(_shown(a) for a in args), answered)
            seen.setdefault(Path(self.path).stem, []).append(call)
            return result

        monkeypatch.setattr(SQLiteStore, method, spy)
    return seen


def test_the_cli_and_the_verbinders_page_ask_the_store_the_same(stores, calls, monkeypatch):
    cli_store, page_store = stores
    result = CliRunner().invoke(
        main, ["--db", str(cli_store), "brokers", "--dataset", "demo", "--verband", "gent"]
    )
    assert result.exit_code == 0, result.output

    monkeypatch.setenv("VERBINDER_DB", str(page_store))
    app = AppTest.from_file(str(ROOT / "dashboards" / "app.py"), default_timeout=60)
    app.query_params["verband"] = "gent"
    app.run()
    app.switch_page(str(ROOT / "dashboards" / "views" / "verbinders.py")).run()
    assert not app.exception, app.exception

    answers = {}
    for store in ("cli", "page"):
        asked = calls[store]
        assert [c for c in asked if c[0] == "load"] == [("load", ("demo",), None)], store
        answers[store] = [c for c in asked if "brokers" in c[1]]
    (kept, keep) = answers["cli"]
    assert kept[0] == "kept" and kept[1][:3] == ("demo", 1, "brokers") and kept[2] is False
    # the release, the verband, the grouping, then the fingerprint of the table's columns
    assert kept[1][3].split("|")[1:3] == ["gent", "sector"]
    assert keep == ("keep", ("dataset demo", "brokers", kept[1][3], "bytes"), None)
    assert answers["page"] == answers["cli"]
