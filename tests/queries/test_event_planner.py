"""The event planner respects capacity, balance and filters, and explains every invitation."""

from __future__ import annotations

import csv

import openpyxl
import pytest

from graphmodel.model import Actor, Membership, Tie
from graphmodel.types import ActorType, Engagement, TieKind
from loaders.sector_fit import default_sector_fit
from queries.event_planner import INVITE_COLUMNS, plan_event
from queries.export import export_table

FIT = default_sector_fit()


@pytest.mark.parametrize("capacity", [2, 5, 12, 40])
def test_capacity_and_balance(demo, capacity):
    plan = plan_event(demo, "meetjesland", capacity=capacity, fit=FIT)
    assert 2 <= len(plan) <= capacity
    counts = plan["kant"].value_counts()
    se, employers = counts.get("sociale economie", 0), counts.get("werkgever", 0)
    assert abs(se - employers) <= max(1, 0.2 * (se + employers))
    assert counts.get("tussenpersoon", 0) <= int(0.2 * capacity)
    assert plan["reden"].str.len().min() > 10
    assert list(plan.columns) == list(INVITE_COLUMNS)
    assert plan.attrs["verwachte_links"] > 0


def test_filters_keep_to_the_theme(demo):
    plan = plan_event(demo, "gent", capacity=10, fit=FIT, sectors=["H"])
    employers = plan[plan["kant"] == "werkgever"]["actor"]
    assert all(demo.actor_by_id[e].nace[0].startswith(("49", "52")) for e in employers)
    town = plan_event(demo, "meetjesland", capacity=8, fit=FIT, municipalities=["Eeklo"])
    assert {demo.actor_by_id[a].municipality for a in town["actor"]} == {"Eeklo"}


def test_an_intermediary_who_knows_both_sides_is_invited(tiny):
    # vdab knows mwb (toeleiding); tie vdab to an employer in the hotel sector too.
    hotel = Actor(
        "hotel",
        "Hotel Genk",
        ActorType.WERKGEVER,
        "Genk",
        ("55.100",),
        memberships=(Membership("v1", Engagement.PASSIEF),),
    )
    mwb = tiny.actor_by_id["mwb"]
    changed = [
        a if a.id != "mwb" else Actor(**{**vars(mwb), "activities": ("catering",)})
        for a in tiny.actors
    ]
    actors = (*changed, hotel)
    dataset = tiny.replace(
        actors=actors, ties=(*tiny.ties, Tie("t8", "vdab", "hotel", TieKind.OVERLEG))
    )
    plan = plan_event(dataset, "v1", capacity=5, fit=FIT)
    row = plan.set_index("actor").loc["vdab"]
    assert row["kant"] == "tussenpersoon"
    assert row["reden"].startswith("kan 1 uitgenodigde paren aan elkaar voorstellen")


def test_export_neutralises_formulas(tmp_path, demo):
    plan = plan_event(demo, "meetjesland", capacity=4, fit=FIT)
    plan.loc[0, "naam"] = '=HYPERLINK("http://x")'
    plan.loc[1, "naam"] = "+32 bellen"
    text = export_table(plan, tmp_path / "p.csv", synthetic=True).read_text(encoding="utf-8-sig")
    lines = [line for line in text.splitlines() if not line.startswith("#")]  # explanation
    rows = list(csv.reader(lines, delimiter=";"))
    assert rows[1][1] == '\'=HYPERLINK("http://x")' and rows[2][1] == "'+32 bellen"
    book = openpyxl.load_workbook(export_table(plan, tmp_path / "p.xlsx", synthetic=True))
    cells = [
        c
        for row in book["resultaat"].iter_rows()
        for c in row
        if c.value == '=HYPERLINK("http://x")'
    ]
    assert cells and all(c.data_type == "s" for c in cells)
    assert book.sheetnames[0] == "info"


def test_capacity_below_two_is_refused(demo):
    with pytest.raises(ValueError):
        plan_event(demo, "meetjesland", capacity=1, fit=FIT)


def test_expected_links_add_up(demo):
    from queries.missing_links import DEFAULT_WEIGHTS, FEATURES, missing_links

    capacity = 10
    plan = plan_event(demo, "gent", capacity=capacity, fit=FIT)
    invited = set(plan["actor"])
    pool = missing_links(demo, "gent", fit=FIT, top=None).head(20 * capacity)
    total_weight = sum(getattr(DEFAULT_WEIGHTS, f) for f in FEATURES)
    # No intermediary is invited here, so E is the plain sum over invited pairs.
    assert "tussenpersoon" not in set(plan["kant"])
    expected = sum(
        r.score / total_weight
        for r in pool.itertuples()
        if r.se_actor in invited and r.werkgever in invited
    )
    assert plan.attrs["verwachte_links"] == pytest.approx(expected)
    assert plan["bijdrage"].sum() == pytest.approx(expected)


def test_intermediaries_also_come_from_the_chosen_municipalities(demo):
    plan = plan_event(demo, "meetjesland", capacity=10, fit=FIT, municipalities=["Eeklo"])
    assert {demo.actor_by_id[a].municipality for a in plan["actor"]} <= {"Eeklo"}
