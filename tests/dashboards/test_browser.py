"""The dashboard in a real browser (Debian's Chromium, headless, driven by selenium).

One Streamlit server per test module on a free 127.0.0.1 port, stopped by its own PID. Every
test checks that no request left 127.0.0.1 and saves a screenshot to
``.artifacts/screenshots/`` (looked at by hand after changes to the pages).
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlparse

import pandas as pd
import pytest
from openpyxl import Workbook
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import WebDriverWait

from dashboards import labels
from graphmodel.store import SQLiteStore
from loaders.demo import generate_demo

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / ".artifacts" / "screenshots"
LOCAL_HOSTS = {"127.0.0.1", "localhost", ""}
PAGES = ["" if page == "start" else page for page in labels.PAGES]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


HOSTILE = '<img src=x onerror="window.top.__xss = 1">'
"""The name of one antwerpen member: it must show as text and never run."""


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("browser") / "v.sqlite"
    demo = generate_demo(scale=0.1)
    target = demo.members_of("antwerpen")[0].id
    actors = tuple(replace(a, name=HOSTILE) if a.id == target else a for a in demo.actors)
    with SQLiteStore(path) as opened:
        opened.save(demo.replace(actors=actors))
    return path


@pytest.fixture(scope="module")
def server(store):
    port = _free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(ROOT / "dashboards" / "app.py"),
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--server.headless",
            "true",
            "--browser.gatherUsageStats",
            "false",
            "--global.developmentMode",
            "false",
            "--client.toolbarMode",
            "minimal",
        ],
        cwd=store.parent,
        env={**os.environ, "VERBINDER_DB": str(store)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if urllib.request.urlopen(f"{url}/_stcore/health", timeout=2).read() == b"ok":
                break
        except OSError:
            time.sleep(0.5)
    else:
        process.terminate()
        raise RuntimeError("the dashboard did not start within 60 s")
    yield url
    process.terminate()
    process.wait(timeout=20)


@pytest.fixture(scope="module")
def downloads(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("downloads")


@pytest.fixture(scope="module")
def browser(tmp_path_factory, downloads):
    binary, driver_path = shutil.which("chromium"), shutil.which("chromedriver")
    assert binary and driver_path, "scripts/setup.sh --tests installs Chromium and ChromeDriver"
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1400,1100",
        f"--user-data-dir={tmp_path_factory.mktemp('chrome')}",
    ):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    options.add_experimental_option("prefs", {"download.default_directory": str(downloads)})
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    driver.execute_cdp_cmd(
        "Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)}
    )
    yield driver
    driver.quit()


@pytest.fixture(autouse=True)
def offline_and_screenshot(request, browser):
    browser.get_log("performance")  # forget what earlier tests requested
    yield
    SHOTS.mkdir(parents=True, exist_ok=True)
    browser.save_screenshot(str(SHOTS / f"{request.node.name}.png"))
    urls = []
    for entry in browser.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    outside = [
        u
        for u in urls
        if urlparse(u).scheme in ("http", "https", "ws", "wss")
        and urlparse(u).hostname not in LOCAL_HOSTS
    ]
    assert outside == []


def _wait_text(browser, text: str, timeout: float = 60) -> None:
    WebDriverWait(browser, timeout).until(
        ec.text_to_be_present_in_element((By.TAG_NAME, "body"), text)
    )


def _no_error(browser) -> None:
    assert not browser.find_elements(By.CSS_SELECTOR, "[data-testid='stException']")


@pytest.mark.parametrize("page", PAGES)
def test_every_page_loads_without_error(server, browser, page):
    browser.get(f"{server}/{page}")
    _wait_text(browser, "Synthetische demodata" if page != "gegevens" else "sjabloon")
    _wait_text(browser, "Lokale modus voor één gebruiker (geen aanmelding)")
    time.sleep(1)  # let the page finish its run
    _no_error(browser)


def _network(browser, server):
    browser.get(f"{server}/netwerk")
    frame = WebDriverWait(browser, 90).until(
        ec.presence_of_element_located((By.CSS_SELECTOR, "iframe"))
    )
    browser.switch_to.frame(frame)
    WebDriverWait(browser, 60).until(
        lambda d: d.execute_script("return typeof network !== 'undefined' && network !== null")
    )
    return frame


def _clear_spot(browser, node: str) -> tuple[float, float]:
    """Move ``node`` clear of the others (physics off), fit the view, and return its centre in
    page coordinates, so that a mouse event there reaches this node only. Called inside the
    network's frame; returns in the page's default content."""
    browser.switch_to.default_content()
    browser.execute_script("document.querySelector('iframe').scrollIntoView({block: 'start'});")
    outer = browser.execute_script(
        "var r = document.querySelector('iframe').getBoundingClientRect();return [r.left, r.top];"
    )
    browser.switch_to.frame(browser.find_element(By.CSS_SELECTOR, "iframe"))
    inner = browser.execute_script(
        "network.setOptions({physics: false});"
        "var pos = Object.values(network.getPositions());"
        "var x = Math.max(...pos.map(p => p.x)), y = Math.max(...pos.map(p => p.y));"
        "network.moveNode(arguments[0], x + 150, y + 150);network.fit({animation: false});"
        "var p = network.canvasToDOM(network.getPositions([arguments[0]])[arguments[0]]);"
        "var r = network.canvas.frame.canvas.getBoundingClientRect();"
        "return [r.left + p.x, r.top + p.y];",
        node,
    )
    browser.switch_to.default_content()
    return outer[0] + inner[0], outer[1] + inner[1]


def test_canvas_shows_the_verband_and_a_click_selects_a_node(server, browser, store):
    _network(browser, server)
    try:
        drawn = set(browser.execute_script("return network.body.data.nodes.getIds()"))
        with SQLiteStore(store) as opened:
            members = {a.id for a in opened.load("demo").members_of("antwerpen")}
        assert drawn == members  # the first verband in the sidebar, every member drawn
        node = sorted(drawn)[0]
        x, y = _clear_spot(browser, node)
        for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
            browser.execute_cdp_cmd(
                "Input.dispatchMouseEvent",
                {"type": kind, "x": x, "y": y, "button": "left", "clickCount": 1},
            )
        time.sleep(0.5)
        browser.switch_to.frame(browser.find_element(By.CSS_SELECTOR, "iframe"))
        selected = browser.execute_script("return network.getSelectedNodes()")
        assert selected == [node]
    finally:
        browser.switch_to.default_content()


def test_a_name_with_html_shows_as_text_and_runs_nothing(server, browser):
    _network(browser, server)
    try:
        node = browser.execute_script(
            "return network.body.data.nodes.get().find(n => n.label === arguments[0]).id", HOSTILE
        )
        x, y = _clear_spot(browser, node)
        browser.execute_cdp_cmd(
            "Input.dispatchMouseEvent",
            {"type": "mouseMoved", "x": x, "y": y},
        )
        browser.switch_to.frame(browser.find_element(By.CSS_SELECTOR, "iframe"))
        WebDriverWait(browser, 10).until(
            lambda d: (
                HOSTILE
                in d.execute_script(
                    "var t = document.querySelector('.vis-tooltip');"
                    "return t && t.style.visibility !== 'hidden' ? t.innerText : '';"
                )
            )
        )
        assert browser.execute_script("return document.querySelectorAll('img').length") == 0
    finally:
        browser.switch_to.default_content()
    assert browser.execute_script("return window.__xss") is None
    for page in ("verbinders", "schakels"):
        browser.get(f"{server}/{page}")
        _wait_text(browser, "Synthetische demodata")
        time.sleep(2)
        assert browser.execute_script("return window.__xss") is None
        assert not browser.find_elements(By.CSS_SELECTOR, "img[src='x']")
    # Control: the same text parsed as HTML does run, so the checks above can fail.
    browser.execute_script("document.body.insertAdjacentHTML('beforeend', arguments[0])", HOSTILE)
    WebDriverWait(browser, 10).until(lambda d: d.execute_script("return window.__xss") == 1)


def test_a_filter_changes_the_number_of_drawn_nodes(server, browser):
    _network(browser, server)
    before = browser.execute_script("return network.body.data.nodes.length")
    browser.switch_to.default_content()
    types = browser.find_elements(By.CSS_SELECTOR, "[data-testid='stMultiSelect'] input")[0]
    types.click()
    types.send_keys(Keys.BACKSPACE)  # removes the last chosen type: werkgever
    time.sleep(2)
    frame = browser.find_element(By.CSS_SELECTOR, "iframe")  # drawn anew after the rerun
    browser.switch_to.frame(frame)
    WebDriverWait(browser, 60).until(
        lambda d: d.execute_script("return typeof network !== 'undefined' && network !== null")
    )
    after = browser.execute_script("return network.body.data.nodes.length")
    browser.switch_to.default_content()
    assert after < before


def test_xlsx_download_reads_back(server, browser, downloads):
    browser.get(f"{server}/schakels")
    _wait_text(browser, "Download als Excel")
    button = browser.find_elements(By.XPATH, "//button[.//*[text()='Download als Excel']]")[0]
    button.click()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not list(downloads.glob("*.xlsx")):
        time.sleep(0.5)
    path = next(downloads.glob("ontbrekende-schakels*.xlsx"))
    table = pd.read_excel(path, sheet_name="resultaat")
    assert {"se_naam", "werkgever_naam", "score", "uitleg"} <= set(table.columns)
    assert len(table) == 25
    info = pd.read_excel(path, sheet_name="info", header=None)
    assert "SYNTHETISCHE DEMODATA" in str(info.iloc[0, 1])


def test_upload_with_errors_shows_located_messages_and_imports_nothing(
    server, browser, store, tmp_path
):
    book = Workbook()
    book.active.title = "actoren"
    for row in (["id", "naam", "type"], ["a", "A", "lde"], ["b", "B", "werkgevr"]):
        book["actoren"].append(row)
    book.create_sheet("relaties").append(["bron", "doel", "soort"])
    path = tmp_path / "fouten.xlsx"
    book.save(path)
    with SQLiteStore(store) as opened:
        before = [info.name for info in opened.datasets()]
    browser.get(f"{server}/gegevens")
    _wait_text(browser, "sjabloon")
    upload = browser.find_element(By.CSS_SELECTOR, "input[type='file']")
    upload.send_keys(str(path))
    _wait_text(browser, "1 fout(en)")
    _wait_text(browser, "fouten.xlsx, blad 'actoren', rij 3, kolom 'type' (C)")
    assert not browser.find_elements(By.XPATH, "//button[.//*[text()='Lees in']]")
    with SQLiteStore(store) as opened:
        assert [info.name for info in opened.datasets()] == before
