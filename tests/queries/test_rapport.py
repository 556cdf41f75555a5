"""The printable report: self-contained and offline, prints on A4 in Chromium, and its figures
are those of compare and profile."""

from __future__ import annotations

import base64
import re
from dataclasses import replace

import pytest
from click.testing import CliRunner
from verbinder.graphmodel.formatting import count, number, percent
from verbinder.graphmodel.store import SQLiteStore
from verbinder.loaders.demo import generate_demo
from verbinder.loaders.sector_fit import default_sector_fit
from verbinder.queries.compare import compare_verbanden
from verbinder.queries.profile import verband_profile
from verbinder.queries.rapport import flanders_report_html, verband_report_html

from verbinder.cli import main

A4_POINTS = (595, 842)
"""A4 in PostScript points (210 x 297 mm)."""


@pytest.fixture(scope="module")
def small():
    return generate_demo(scale=0.1)


@pytest.fixture(scope="module")
def gent_html(small) -> str:
    return verband_report_html(small, "gent", fit=default_sector_fit())


def _outside_links(html: str) -> list[str]:
    return re.findall(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//[^"' >]+""", html)


def test_the_report_loads_nothing_from_outside_and_says_it_is_synthetic(gent_html, small):
    assert _outside_links(gent_html) == []
    assert "<script" not in gent_html  # a report, not an application
    assert gent_html.count("SYNTHETISCHE DEMODATA") == 2  # at the top and at the bottom
    assert "<svg" in gent_html  # the network and the funnel, inline
    assert _outside_links(flanders_report_html(small)) == []


def test_its_figures_are_those_of_profile_and_compare(gent_html, small):
    measures = verband_profile(small, "gent").measures
    row = f"<td>{count(measures['actoren'])}</td>"
    assert row in gent_html
    assert f"<td>{percent(measures['regisseur_se_regulier_aandeel'])}</td>" in gent_html
    gent = compare_verbanden(small).set_index("verband").loc["gent"]
    assert f"<td>{number(gent['se_regulier_verhouding'])}</td>" in gent_html
    assert "Subsidie per jaar: € 100.000. Beleidsperiode: 2017-2019." in gent_html


def test_an_organisation_name_is_text_in_the_report(small):
    name = '<img src=x onerror="alert(1)">'
    target = small.members_of("gent")[0].id
    actors = tuple(replace(a, name=name) if a.id == target else a for a in small.actors)
    html = verband_report_html(small.replace(actors=actors), "gent", fit=default_sector_fit())
    assert name not in html and "&lt;img src=x" in html


def test_the_cli_writes_it_and_chromium_prints_it_on_a4_without_outside_requests(
    tmp_path, small, browser, outside_requests
):
    db = tmp_path / "v.sqlite"
    with SQLiteStore(db) as store:
        store.save(small)
    target = tmp_path / "rapport-gent.html"
    result = CliRunner().invoke(
        main, ["--db", str(db), "rapport", "--verband", "gent", "--to", str(target)]
    )
    assert result.exit_code == 0, result.output
    browser.get_log("performance")
    browser.get(target.as_uri())
    assert "Verband" in browser.title
    pdf = base64.b64decode(
        browser.execute_cdp_cmd(
            "Page.printToPDF", {"preferCSSPageSize": True, "printBackground": True}
        )["data"]
    )
    (tmp_path / "rapport-gent.pdf").write_bytes(pdf)
    assert pdf.startswith(b"%PDF")
    boxes = {
        tuple(round(float(v)) for v in box.split()[2:4])
        for box in re.findall(rb"/MediaBox\s*\[\s*([\d.\s]+)\]", pdf)[:3]
        for box in [box.decode()]
    }
    assert boxes == {A4_POINTS}
    assert outside_requests(browser) == []
