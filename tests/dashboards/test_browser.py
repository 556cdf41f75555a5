"""The dashboard in a real browser (Debian's Chromium, headless, driven by selenium).

One dashboard per test module, started as a user starts it (`verbinder dashboard`) on a free
127.0.0.1 port and stopped with what it started. Every
test checks that no request left 127.0.0.1 and saves a screenshot to
``.artifacts/screenshots/`` (looked at by hand after changes to the pages).
"""

from __future__ import annotations

import re
import sys
import time
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest
from browser_support import NAMES_OVERLAPPING
from openpyxl import Workbook
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import WebDriverWait
from verbinder.dashboards import labels
from verbinder.dashboards.network_view import SURVEY_COLOURS
from verbinder.graphmodel.store import SQLiteStore
from verbinder.loaders.demo import generate_demo
from verbinder.queries.ambitions import AMBITIONS

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / ".artifacts" / "screenshots"
PAGES = ["" if page == "start" else page for page in labels.PAGES]
PAGE_TEXT = {"gegevens": "sjabloon", "woordenlijst": "Poortwachter"}
"""A text each page shows once it has run (the others show the synthetic banner)."""


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
def server(store, dashboard_server):
    verbinder = Path(sys.executable).parent / "verbinder"  # the command a user runs
    command = [str(verbinder), "--db", str(store), "dashboard", "--port", "{port}"]
    env = {"STREAMLIT_SERVER_HEADLESS": "true"}
    with dashboard_server(command, cwd=store.parent, env=env) as url:
        yield url


@pytest.fixture(autouse=True)
def offline_and_screenshot(request, browser, outside_requests):
    browser.get_log("performance")  # forget what earlier tests requested
    yield
    SHOTS.mkdir(parents=True, exist_ok=True)
    browser.save_screenshot(str(SHOTS / f"{request.node.name}.png"))
    assert outside_requests(browser) == []


def _wait_text(browser, text: str, timeout: float = 60) -> None:
    WebDriverWait(browser, timeout).until(
        ec.text_to_be_present_in_element((By.TAG_NAME, "body"), text)
    )


def _wait_cell(browser, text: str, timeout: float = 60) -> None:
    """Wait for ``text`` in a table: a dataframe draws on a canvas and keeps its cells in an
    accessible table that is in the page but not visible."""
    WebDriverWait(browser, timeout).until(
        lambda d: text in d.execute_script("return document.body.textContent")
    )


def _no_error(browser) -> None:
    assert not browser.find_elements(By.CSS_SELECTOR, "[data-testid='stException']")


@pytest.mark.parametrize("page", PAGES)
def test_every_page_loads_without_error(server, browser, page):
    browser.get(f"{server}/{page}")
    _wait_text(browser, PAGE_TEXT.get(page, "Synthetische demodata"))
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
            demo = opened.load("demo")
        members = {a.id for a in demo.members_of("antwerpen")}
        tied = {
            end
            for t in demo.ties
            if t.source in members and t.target in members and t.source != t.target
            for end in (t.source, t.target)
        }
        assert drawn == tied  # the first verband in the sidebar, every tied member drawn
        browser.switch_to.default_content()
        _wait_text(browser, labels.ALONE_HIDDEN.split("{count}")[1][:30])  # isolates counted
        browser.switch_to.frame(browser.find_element(By.CSS_SELECTOR, "iframe"))
        regisseur = next(a.id for a in demo.members_of("antwerpen") if a.type.value == "regisseur")
        # The regisseur's name is readable at the first view: drawn at 8 px or more.
        WebDriverWait(browser, 30).until(
            lambda d: (
                d.execute_script(
                    "return network.getScale()"
                    " * network.body.nodes[arguments[0]].options.font.size",
                    regisseur,
                )
                >= 8
            )
        )
        node = sorted(drawn)[0]
        x, y = _clear_spot(browser, node)
        for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
            browser.execute_cdp_cmd(
                "Input.dispatchMouseEvent",
                {"type": kind, "x": x, "y": y, "button": "left", "clickCount": 1},
            )
    finally:
        browser.switch_to.default_content()
    # The click reaches the page: the organisation's card opens, its id is in the URL and the
    # network, drawn anew beside the card, has it selected.
    WebDriverWait(browser, 30).until(lambda d: f"actor={node}" in d.current_url)
    _wait_text(browser, labels.CARD_ROLES)
    assert _fresh_network(browser, f"network.getSelectedNodes()[0] === '{node}'")


def test_names_always_shown_are_moved_apart_where_physics_places_the_nodes(server, browser):
    _network(browser, server)
    try:
        assert browser.execute_script("return network.physics.options.enabled")
        WebDriverWait(browser, 60).until(
            lambda d: d.execute_script("return window.__verbinderApart === true")
        )
        browser.execute_script("network.redraw()")  # label boxes at the moved positions
    finally:
        browser.switch_to.default_content()
    named, overlapping = browser.execute_script(NAMES_OVERLAPPING)
    assert named >= 3 and overlapping == 0, (named, overlapping)
    browser.execute_script("document.querySelector('iframe').scrollIntoView({block: 'end'})")


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


_SHOWN_TEXT = """
const parts = [];
for (const el of document.querySelector('[data-testid="stFileUploader"]').querySelectorAll('*')) {
  const own = [...el.childNodes].filter(n => n.nodeType === 3).map(n => n.textContent).join('');
  if (own.trim() && parseFloat(getComputedStyle(el).fontSize) > 0) parts.push(own.trim());
  const after = getComputedStyle(el, '::after').content;
  if (after.startsWith('"')) parts.push(JSON.parse(after));
}
return parts;
"""
"""The texts the uploader shows: its elements' own text where it is drawn at a size above 0,
and the text its style sheet adds after an element."""


def test_the_uploader_speaks_dutch(server, browser):
    browser.get(f"{server}/gegevens")
    WebDriverWait(browser, 60).until(
        ec.presence_of_element_located((By.CSS_SELECTOR, '[data-testid="stFileUploaderDropzone"]'))
    )
    shown = browser.execute_script(_SHOWN_TEXT)
    assert labels.UPLOAD in shown and labels.UPLOAD_BUTTON in shown
    assert labels.UPLOAD_LIMIT.format(mb="100") in shown  # the loaders' own limit
    english = [text for text in shown if re.search(r"Upload|per file|Drag|Browse", text)]
    assert english == [], shown


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
    upload = WebDriverWait(browser, 30).until(
        ec.presence_of_element_located((By.CSS_SELECTOR, "input[type='file']"))
    )
    upload.send_keys(str(path))
    _wait_text(browser, "1 fout(en)")
    _wait_text(browser, "fouten.xlsx, blad 'actoren', rij 3, kolom 'type' (C)")
    shown = browser.execute_script(_SHOWN_TEXT)  # the uploaded file, and no stray Dutch text
    assert "fouten.xlsx" in shown and len(shown) == len(set(shown)), shown
    assert not browser.find_elements(By.XPATH, "//button[.//*[text()='Lees in']]")
    with SQLiteStore(store) as opened:
        assert [info.name for info in opened.datasets()] == before


def test_vergelijken_draws_the_funnel_and_the_reading_per_verband(server, browser):
    browser.get(f"{server}/vergelijken")
    _wait_text(browser, "Trechterplot: sociale economie en reguliere werkgevers")
    charts = WebDriverWait(browser, 60).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, ".vega-embed canvas, .vega-embed svg")
    )
    assert len(charts) >= 2  # the funnel and the density chart
    _wait_text(browser, labels.FUNNEL_READINGS)
    _wait_cell(browser, "binnen de verwachting")
    _wait_text(browser, labels.AMBITIONS.format(name="Stad Antwerpen"))
    for ambition in AMBITIONS.values():  # the scorecard of the chosen verband
        _wait_cell(browser, ambition)
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'});", charts[0])
    time.sleep(1)
    _no_error(browser)


def _verband_box(browser):
    return WebDriverWait(browser, 60).until(
        ec.presence_of_element_located(
            (By.CSS_SELECTOR, f"input[role='combobox'][aria-label*='{labels.VERBAND}']")
        )
    )


def test_the_chosen_verband_survives_a_tour_of_all_pages_and_a_reload(server, browser):
    browser.get(server)
    box = _verband_box(browser)
    box.click()
    box.send_keys("gent - Stad")
    box.send_keys(Keys.ENTER)
    WebDriverWait(browser, 30).until(lambda d: "verband=gent" in d.current_url)
    for key, title in labels.PAGES.items():
        if key in ("start", "gegevens", "woordenlijst"):  # no verband there
            continue
        link = f"//a[@data-testid='stSidebarNavLink'][contains(., '{title}')]"
        WebDriverWait(browser, 60).until(ec.element_to_be_clickable((By.XPATH, link))).click()
        _wait_text(browser, "Synthetische demodata")
        WebDriverWait(browser, 30).until(
            lambda d: _verband_box(d).get_attribute("value").startswith("gent - ")
        )
    copied = browser.current_url
    assert "verband=gent" in copied
    browser.get(copied)  # a new session from a bookmarked or shared link
    WebDriverWait(browser, 60).until(
        lambda d: _verband_box(d).get_attribute("value").startswith("gent - ")
    )


def _toggle(browser, label: str) -> None:
    browser.switch_to.default_content()
    switch = f'//label[contains(., "{label}")]'
    WebDriverWait(browser, 60).until(ec.element_to_be_clickable((By.XPATH, switch))).click()


def _fresh_network(browser, check: str) -> object:
    """Wait until the redrawn network's frame satisfies the script ``check``; its value."""

    def ready(d):
        d.switch_to.default_content()
        d.switch_to.frame(d.find_element(By.CSS_SELECTOR, "iframe"))
        try:
            return d.execute_script(f"return typeof network !== 'undefined' && ({check})")
        finally:
            d.switch_to.default_content()

    return WebDriverWait(browser, 60).until(ready)


def test_suggested_links_are_drawn_dashed_on_demand(server, browser):
    _network(browser, server)
    dashed = "network.body.data.edges.get({filter: e => e.dashes}).length"
    assert browser.execute_script(f"return {dashed}") == 0
    _toggle(browser, labels.SHOW_ALONE)
    _wait_text(browser, "Synthetische demodata")
    _toggle(browser, labels.SHOW_SUGGESTIONS)
    count = _fresh_network(browser, f"{dashed} > 0 && {dashed}")
    assert 0 < count <= labels.SUGGESTIONS_DRAWN
    browser.switch_to.frame(browser.find_element(By.CSS_SELECTOR, "iframe"))
    legend = browser.execute_script("return document.getElementById('legende').innerText")
    browser.switch_to.default_content()
    assert "voorgestelde schakel" in legend


def test_searching_an_actor_focuses_it_and_shows_its_card(server, browser):
    _network(browser, server)
    browser.switch_to.default_content()
    box = WebDriverWait(browser, 60).until(
        ec.presence_of_element_located(
            (By.CSS_SELECTOR, f"input[role='combobox'][aria-label*='{labels.SEARCH_ACTOR}']")
        )
    )
    box.click()
    box.send_keys("VDAB")
    box.send_keys(Keys.ENTER)
    WebDriverWait(browser, 30).until(lambda d: "actor=" in d.current_url)
    _wait_text(browser, labels.CARD_ROLES)
    chosen = browser.current_url.split("actor=")[1].split("&")[0]
    selected = _fresh_network(browser, f"network.getSelectedNodes()[0] === '{chosen}'")
    assert selected


def test_matchmaking_view_shows_the_reason_of_a_clicked_link(server, browser):
    browser.get(f"{server}/schakels")
    _wait_text(browser, labels.MATCH_MAP)
    frame = WebDriverWait(browser, 90).until(
        ec.presence_of_element_located((By.CSS_SELECTOR, "iframe"))
    )
    browser.execute_script("arguments[0].scrollIntoView({block: 'start'});", frame)
    time.sleep(1)
    outer = browser.execute_script(
        "var r = arguments[0].getBoundingClientRect(); return [r.left, r.top];", frame
    )
    browser.switch_to.frame(frame)
    try:
        WebDriverWait(browser, 60).until(
            lambda d: d.execute_script("return typeof network !== 'undefined'")
        )
        edge, x, y = browser.execute_script(
            "network.fit({animation: false});"
            "var e = network.body.data.edges.get({filter: e => e.dashes})[0];"
            "var p = network.getPositions([e.from, e.to]);"
            "var m = network.canvasToDOM({x: (p[e.from].x + p[e.to].x) / 2,"
            " y: (p[e.from].y + p[e.to].y) / 2});"
            "var r = network.canvas.frame.canvas.getBoundingClientRect();"
            "return [e, r.left + m.x, r.top + m.y];"
        )
    finally:
        browser.switch_to.default_content()
    for kind in ("mousePressed", "mouseReleased"):
        browser.execute_cdp_cmd(
            "Input.dispatchMouseEvent",
            {"type": kind, "x": outer[0] + x, "y": outer[1] + y, "button": "left", "clickCount": 1},
        )
    browser.switch_to.frame(frame)
    try:
        titles = browser.execute_script(
            "return network.body.data.edges.get({filter: e => e.dashes}).map(e => e.title)"
        )
        assert edge["title"] in titles
        WebDriverWait(browser, 10).until(
            lambda d: (
                d.execute_script("return document.getElementById('reden').textContent") in titles
            )
        )
    finally:
        browser.switch_to.default_content()


def test_ties_from_the_network_survey_are_coloured_by_confirmation(server, browser):
    browser.get(f"{server}/netwerk?verband=kina")  # kina has the demo's survey round
    browser.switch_to.frame(
        WebDriverWait(browser, 90).until(
            ec.presence_of_element_located((By.CSS_SELECTOR, "iframe"))
        )
    )
    coloured = "network.body.data.edges.get({filter: e => e.color === '%s'}).length"
    confirmed = _fresh_network(browser, coloured % SURVEY_COLOURS["bevestigd"])
    one_sided = _fresh_network(browser, coloured % SURVEY_COLOURS["eenzijdig"])
    assert confirmed > 0 and one_sided > 0
    browser.switch_to.frame(browser.find_element(By.CSS_SELECTOR, "iframe"))
    legend = browser.execute_script("return document.getElementById('legende').innerText")
    title = browser.execute_script(
        f"return network.body.data.edges.get({{filter: e => e.color === "
        f"'{SURVEY_COLOURS['bevestigd']}'}})[0].title"
    )
    browser.switch_to.default_content()
    frame = browser.find_element(By.CSS_SELECTOR, "iframe")
    browser.execute_script("arguments[0].scrollIntoView()", frame)  # for the screenshot
    assert "door beide genoemd" in legend and "door één kant genoemd" in legend
    assert title.endswith("netwerkbevraging: bevestigd")


def test_netwerkbevraging_reads_uploaded_forms_and_shows_the_round(
    server, browser, store, tmp_path
):
    import io
    import zipfile

    from openpyxl import load_workbook
    from verbinder.dashboards.data import roster_forms_zip

    with SQLiteStore(store) as opened:
        data = opened.load("demo")
    paths = []
    with zipfile.ZipFile(io.BytesIO(roster_forms_zip(data, "gent"))) as archive:
        for name in sorted(archive.namelist())[:2]:
            book = load_workbook(io.BytesIO(archive.read(name)))
            sheet = book.worksheets[0]
            for row in range(2, sheet.max_row + 1):
                sheet.cell(row, 5, "ja")
            paths.append(tmp_path / name)
            book.save(paths[-1])
    browser.get(f"{server}/netwerkbevraging?verband=gent")
    _wait_text(browser, labels.ROSTER_NONE)
    assert labels.UPLOAD_BUTTON_MANY in browser.execute_script(_SHOWN_TEXT)
    upload = WebDriverWait(browser, 30).until(
        ec.presence_of_element_located((By.CSS_SELECTOR, "input[type='file']"))
    )
    upload.send_keys("\n".join(str(p) for p in paths))
    button = f"//button[.//*[text()='{labels.ROSTER_READ}']]"
    WebDriverWait(browser, 60).until(ec.element_to_be_clickable((By.XPATH, button))).click()
    _wait_text(browser, labels.ROSTER_SAVED.format(count=2, verband="gent"))
    _wait_text(browser, "Slechts")  # two forms: far below 70%
    _wait_cell(browser, "Bevestigd door beide?")
    _no_error(browser)
    heading = browser.find_element(By.XPATH, f"//h3[contains(., '{labels.ROSTER_OVERVIEW}')]")
    browser.execute_script("arguments[0].scrollIntoView()", heading)  # for the screenshot
    with SQLiteStore(store) as opened:
        responses = opened.load("demo").roster_responses
    assert sum(r.verband_id == "gent" for r in responses) == 2
