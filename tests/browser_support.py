"""A real browser and a running dashboard, for the browser tests and benchmarks/browser.py.

Debian's Chromium, headless, driven by selenium; the dashboard started as a user starts it
(``verbinder dashboard``) on a free 127.0.0.1 port.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

__all__ = ["NAMES_OVERLAPPING", "chromium", "running_dashboard"]


def chromium(profile: Path, downloads: Path) -> webdriver.Chrome:
    """Headless Chromium with its request log on, downloading into ``downloads``."""
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
        f"--user-data-dir={profile}",
    ):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    options.add_experimental_option("prefs", {"download.default_directory": str(downloads)})
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    driver.execute_cdp_cmd(
        "Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)}
    )
    return driver


@contextmanager
def running_dashboard(command: list[str], *, cwd: Path, env: dict[str, str]) -> Iterator[str]:
    """Start a dashboard with ``command`` (``{port}`` in it is replaced by a free port), wait
    until it answers, yield its URL, stop it and what it started."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(
        [part.replace("{port}", str(port)) for part in command],
        cwd=cwd,
        env={**os.environ, **env},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if urllib.request.urlopen(f"{url}/_stcore/health", timeout=2).read() == b"ok":
                    break
            except OSError:
                time.sleep(0.5)
        else:
            raise RuntimeError(f"the dashboard ({command[0]}) did not start within 60 s")
        yield url
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=20)


NAMES_OVERLAPPING = (
    "var w = document.querySelector('iframe').contentWindow, n = w.network;"
    "var boxes = n.body.nodeIndices.map(function (id) { return n.body.nodes[id]; })"
    ".filter(function (node) { var s = node.options.scaling;"
    " return s && s.label && s.label.drawThreshold === 0; })"
    ".map(function (node) { return node.labelModule.size; });"
    "var pairs = 0;"
    "for (var i = 0; i < boxes.length; i++) { for (var j = i + 1; j < boxes.length; j++) {"
    " var a = boxes[i], b = boxes[j];"
    " if (a.left < b.left + b.width && b.left < a.left + a.width"
    " && a.top < b.top + b.height && b.top < a.top + a.height) { pairs++; } } }"
    "return [boxes.length, pairs];"
)
"""How many names are always shown on the drawn network, and how many pairs of them overlap
(vis-network's own label boxes, in drawing units)."""
