"""Benchmark: what a person waits for in the browser, page by page, on the largest verband.

A demo at ``--size`` actors is stored in a temporary database and the dashboard is started as
a user starts it (``verbinder dashboard``); headless Chromium (the test suite's driver,
``tests/browser_support.py``) opens it on the verband with the most members and clicks through
every page in the sidebar twice. Per page it times, from the click, until the page's title is
shown and its run has ended (Streamlit's ``data-test-script-state`` is ``notRunning``), and for
Netwerk until the network is drawn (vis-network's first ``afterDrawing``). The first tour
meets cold caches (the first load of each page), the second warm ones (a page switch). As
after ``verbinder import``, the analyses are prepared and kept before the dashboard starts.
Targets: a first load under 2 s, a page switch under 1 s, the network drawn under 3 s. It
also counts the pairs of always-shown names that overlap on the drawn network. A
screenshot of the network is saved to ``.artifacts/screenshots/benchmark_netwerk.png``.

Usage: ``python benchmarks/browser.py [--size 30000] [--smoke]``.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from browser_support import NAMES_OVERLAPPING, chromium, running_dashboard  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from verbinder.dashboards import labels  # noqa: E402
from verbinder.graphmodel.store import SQLiteStore  # noqa: E402
from verbinder.loaders.demo import generate_demo, scale_for  # noqa: E402
from verbinder.queries.kept import prepare  # noqa: E402

TARGET_FIRST, TARGET_SWITCH, TARGET_DRAWN = 2.0, 1.0, 3.0
DONE = "[data-testid='stApp'][data-test-script-state='notRunning']"
DRAWN = (
    "var f = document.querySelector('iframe');"
    "var w = f && f.contentWindow;"
    "return !!(w && w.network && w.network.body && w.__verbinderDrawn);"
)


def _wait(browser, check, timeout: float = 120.0) -> float:
    """Seconds until ``check(browser)`` holds, polling every 20 ms."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if check(browser):
            return time.perf_counter() - start
        time.sleep(0.02)
    raise SystemExit(f"niet klaar na {timeout:.0f} s")


def _page_done(title: str):
    def check(browser) -> bool:
        heads = browser.find_elements(By.CSS_SELECTOR, "h1")
        shown = any(h.text == title for h in heads)
        return shown and bool(browser.find_elements(By.CSS_SELECTOR, DONE))

    return check


def _visit(browser, key: str) -> tuple[float, float | None]:
    """Click the page's sidebar link; seconds to its content, and to the network drawn."""
    title = labels.PAGES[key]
    link = browser.find_element(
        By.XPATH, f"//a[@data-testid='stSidebarNavLink'][contains(., '{title}')]"
    )
    start = time.perf_counter()
    link.click()
    time.sleep(0.05)  # let the click start the run before checking that it ended
    content = _wait(browser, _page_done(title)) + 0.05
    drawn = None
    if key == "netwerk":
        _wait(browser, lambda b: b.execute_script(DRAWN))
        drawn = time.perf_counter() - start
    return content, drawn


def _largest(dataset) -> str:
    return max(dataset.verbanden, key=lambda v: len(dataset.members_of(v.id))).id


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=30_000)
    parser.add_argument("--smoke", action="store_true", help="tiny size (CI)")
    args = parser.parse_args()
    size = 800 if args.smoke else args.size
    folder = Path(tempfile.mkdtemp(prefix="verbinder-browser-"))
    demo = generate_demo(scale=scale_for(size))
    verband = _largest(demo)
    with SQLiteStore(folder / "v.sqlite") as store:
        store.save(demo)
        began = time.perf_counter()
        prepare(store, demo.name)  # what `verbinder import` and `demo` do after the write
        prepared = time.perf_counter() - began
    members = len(demo.members_of(verband))
    command = [
        str(Path(sys.executable).parent / "verbinder"),
        "--db",
        str(folder / "v.sqlite"),
        "dashboard",
        "--port",
        "{port}",
    ]
    browser = chromium(folder / "chrome", folder / "downloads")
    try:
        with running_dashboard(
            command, cwd=folder, env={"STREAMLIT_SERVER_HEADLESS": "true"}
        ) as url:
            browser.get(f"{url}/?dataset=demo&verband={verband}")
            start = _wait(browser, _page_done(labels.PAGES["start"]))
            tours = [{key: _visit(browser, key) for key in labels.PAGES} for _ in range(2)]
            _visit(browser, "netwerk")
            named, overlaps = browser.execute_script(NAMES_OVERLAPPING)
            browser.execute_script(
                "document.querySelector('iframe').scrollIntoView({block: 'end'})"
            )
            shots = ROOT / ".artifacts" / "screenshots"
            shots.mkdir(parents=True, exist_ok=True)
            browser.save_screenshot(str(shots / "benchmark_netwerk.png"))
    finally:
        browser.quit()
    _report(len(demo.actors), verband, members, start, tours)
    print(f"Analyses voorbereid na het inlezen (zoals `verbinder import`): {prepared:.2f} s")
    print(f"Netwerk: {named} namen altijd getoond, {overlaps} paren daarvan overlappen (doel 0).")


def _report(actors: int, verband: str, members: int, start: float, tours: list[dict]) -> None:
    print(f"Demo van {actors} actoren; verband {verband} met {members} leden.")
    print(f"Eerste bezoek aan Start (via de URL): {start:.2f} s")
    header = f"{'pagina':22} {'eerste s':>9} {'doel':>5} {'wissel s':>9} {'doel':>5}"
    print(header)
    print("-" * len(header))
    for key, title in labels.PAGES.items():
        first, drawn = tours[0][key]
        switch, _ = tours[1][key]
        mark_first = "ok" if first < TARGET_FIRST else "te traag"
        mark_switch = "ok" if switch < TARGET_SWITCH else "te traag"
        print(f"{title:22} {first:9.2f} {mark_first:>5} {switch:9.2f} {mark_switch:>5}")
        if drawn is not None:
            mark = "ok" if drawn < TARGET_DRAWN else "te traag"
            print(f"{'  netwerk getekend':22} {drawn:9.2f} {mark:>5}")
    print(
        f"Doelen: eerste bezoek < {TARGET_FIRST:g} s, wissel < {TARGET_SWITCH:g} s, netwerk "
        f"getekend < {TARGET_DRAWN:g} s."
    )


if __name__ == "__main__":
    main()
