"""What a user installs is what we test: the built wheel, installed (not editable) in a fresh
virtual environment, runs the demo and serves every dashboard page in Chromium.

The editable install of ``scripts/setup.sh`` reads the checkout, so it hides a module or data
file that the wheel lacks (the dashboard's pages once were). The fresh environment gets its
dependencies from the package index as a user's ``pip install`` does.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import WebDriverWait
from verbinder.dashboards import labels

ROOT = Path(__file__).resolve().parents[1]
PACKAGE_FOLDERS = ("verbinder", "graphmodel", "loaders", "queries", "dashboards")
PAGE_TEXT = {"gegevens": "sjabloon", "woordenlijst": "Poortwachter"}
"""A text each page shows once it has run (the others show the synthetic banner)."""


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("wheel")
    shutil.rmtree(ROOT / "build", ignore_errors=True)  # setuptools would reuse stale files
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(folder), ROOT],
        check=True,
    )
    return next(folder.glob("verbinder-*.whl"))


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> Path:
    """The ``bin`` folder of a fresh virtual environment with the wheel installed."""
    venv = tmp_path_factory.mktemp("venv")
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run(
        [venv / "bin" / "python", "-m", "pip", "install", "--quiet", str(wheel)], check=True
    )
    return venv / "bin"


def _installed_as(path: Path) -> str:
    """Where a file of the repository lands in the wheel: every folder under ``verbinder/``."""
    relative = path.relative_to(ROOT).as_posix()
    return relative if relative.startswith("verbinder/") else f"verbinder/{relative}"


def test_the_wheel_holds_every_module_and_data_file(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {
        _installed_as(path)
        for folder in PACKAGE_FOLDERS
        for path in (ROOT / folder).rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }
    assert expected - names == set()
    assert "verbinder/dashboards/views/start.py" in names  # a page a fresh install once lacked


def test_the_wheel_claims_one_import_name(wheel):
    tops = {name.split("/")[0] for name in zipfile.ZipFile(wheel).namelist()}
    assert {t for t in tops if not t.endswith(".dist-info")} == {"verbinder"}


def test_pip_puts_only_verbinder_into_site_packages(installed):
    (record,) = installed.parent.glob("lib/python*/site-packages/verbinder-*.dist-info/RECORD")
    written = {line.split(",")[0].split("/")[0] for line in record.read_text().splitlines()}
    assert {w for w in written if w != ".."} == {"verbinder", record.parent.name}  # .. = bin/


def test_the_installed_command_runs_from_its_own_files(installed, tmp_path):
    db = tmp_path / "v.sqlite"
    run = subprocess.run(
        [installed / "verbinder", "--db", str(db), "demo", "--schaal", "0.1"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=True,
    )
    assert "Dataset 'demo' aangemaakt" in run.stdout
    where = subprocess.run(
        [installed / "python", "-c", "import verbinder.dashboards as d; print(d.__file__)"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=True,
    )
    assert Path(where.stdout.strip()).is_relative_to(installed.parent)


@pytest.fixture(scope="module")
def installed_dashboard(installed, tmp_path_factory, dashboard_server):
    """``verbinder dashboard`` of the installed wheel, on a small demo."""
    home = tmp_path_factory.mktemp("home")
    db = home / "v.sqlite"
    subprocess.run(
        [installed / "verbinder", "--db", str(db), "demo", "--schaal", "0.1"],
        cwd=home,
        check=True,
        capture_output=True,
    )
    command = [str(installed / "verbinder"), "--db", str(db), "dashboard", "--port", "{port}"]
    env = {"STREAMLIT_SERVER_HEADLESS": "true", "HOME": str(home)}
    with dashboard_server(command, cwd=home, env=env) as url:
        yield url


@pytest.mark.parametrize("page", ["" if page == "start" else page for page in labels.PAGES])
def test_every_page_of_the_installed_dashboard_loads(
    installed_dashboard, browser, outside_requests, page
):
    browser.get_log("performance")
    browser.get(f"{installed_dashboard}/{page}")
    expected = PAGE_TEXT.get(page, "Synthetische demodata")
    WebDriverWait(browser, 60).until(
        ec.text_to_be_present_in_element((By.TAG_NAME, "body"), expected)
    )
    time.sleep(1)  # let the page finish its run
    assert not browser.find_elements(By.CSS_SELECTOR, "[data-testid='stException']")
    assert "could not be found" not in browser.find_element(By.TAG_NAME, "body").text
    assert outside_requests(browser) == []
