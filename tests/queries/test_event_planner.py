"""The event planner respects capacity, balance and filters, and explains every invitation."""

from __future__ import annotations

import csv
import itertools
import random

import openpyxl
import pytest
from verbinder.graphmodel.model import Actor, Dataset, Membership, Tie, Verband
from verbinder.graphmodel.types import ActorType, Engagement, TieKind
from verbinder.loaders.sector_fit import default_sector_fit
from verbinder.queries.event_planner import INVITE_COLUMNS, plan_event
from verbinder.queries.export import export_table
from verbinder.queries.missing_links import DEFAULT_WEIGHTS, FEATURES, missing_links

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
        nace=("55.100",),
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
    assert "kan hen aan elkaar voorstellen: Maatwerk De Sleutel en Hotel Genk." in row["reden"]


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


def _expected(dataset, verband, invited, capacity, bonus=0.5):
    """E of an invite list, from missing_links and the ties, written out independently."""
    total_weight = sum(getattr(DEFAULT_WEIGHTS, f) for f in FEATURES)
    pool = missing_links(dataset, verband, fit=FIT, top=None)
    partners = {}
    for tie in dataset.ties:
        partners.setdefault(tie.source, set()).add(tie.target)
        partners.setdefault(tie.target, set()).add(tie.source)
    brokers = {
        a.id
        for a in dataset.members_of(verband)
        if a.type in (ActorType.VDAB, ActorType.WERKGEVERSORGANISATIE, ActorType.GEMEENTE)
    }
    value = 0.0
    for r in pool.itertuples():
        if r.se_actor in invited and r.werkgever in invited:
            helped = any(
                r.se_actor in partners.get(z, ()) and r.werkgever in partners.get(z, ())
                for z in invited & brokers
            )
            value += min(1.0, r.score / total_weight * (1 + bonus * helped))
    return value


def test_expected_links_add_up(demo):
    plan = plan_event(demo, "gent", capacity=10, fit=FIT)
    expected = _expected(demo, "gent", set(plan["actor"]), 10)
    assert plan.attrs["verwachte_links"] == pytest.approx(expected)
    assert plan["bijdrage"].sum() == pytest.approx(expected)


@pytest.mark.parametrize("capacity", [10, 20])
def test_the_room_fills_and_intermediaries_come(demo, capacity):
    plan = plan_event(demo, "gent", capacity=capacity, fit=FIT)
    assert len(plan) == capacity
    types = set(plan["type"])
    assert {"vdab", "werkgeversorganisatie"} <= types
    assert plan["reden"].str.contains("...", regex=False).sum() == 0
    tables = plan.groupby("tafel").size()
    assert tables.max() <= 6 and tables.max() - tables.min() <= 1


def test_the_workbook_holds_every_reason_in_full(demo, tmp_path):
    plan = plan_event(demo, "gent", capacity=20, fit=FIT)
    book = openpyxl.load_workbook(export_table(plan, tmp_path / "u.xlsx", synthetic=True))
    rows = list(book["resultaat"].iter_rows(values_only=True))
    column = rows[0].index("reden")
    assert [r[column] for r in rows[1:]] == list(plan["reden"])


def _small_verband(seed):
    """A random verband: 4 SE actors, 5 employers, a VDAB office, a gemeente, random ties."""
    rng = random.Random(seed)
    member = (Membership("v1", Engagement.ACTIEF),)
    activities = ["groenonderhoud", "schoonmaak", "catering", "logistiek"]
    naces = ["81.300", "81.210", "56.101", "49.410", "52.100", "43.120"]
    actors = [Actor("reg", "Regie", ActorType.REGISSEUR, "Genk", memberships=member)]
    actors += [
        Actor(
            f"se{i}",
            f"SE {i}",
            ActorType.LDE,
            rng.choice(["Genk", "As"]),
            activities=(rng.choice(activities),),
            fte=rng.choice([5.0, 40.0]),
            memberships=member,
        )
        for i in range(4)
    ]
    actors += [
        Actor(
            f"wg{i}",
            f"Werkgever {i}",
            ActorType.WERKGEVER,
            rng.choice(["Genk", "As"]),
            nace=(rng.choice(naces),),
            memberships=(Membership("v1", rng.choice(list(Engagement))),),
        )
        for i in range(5)
    ]
    actors.append(Actor("vdab", "VDAB Genk", ActorType.VDAB, "Genk", memberships=member))
    actors.append(Actor("genk", "Stad Genk", ActorType.GEMEENTE, "Genk", memberships=member))
    ids = [a.id for a in actors[1:]]
    ties = []
    for k in range(12):
        a, b = rng.sample(ids, 2)
        ties.append(Tie(f"t{k}", a, b, TieKind.OVERLEG))
    verband = Verband("v1", "Verband Een", province="Limburg", municipalities=("Genk", "As"))
    return Dataset(name="klein", verbanden=(verband,), actors=tuple(actors), ties=tuple(ties))


def _brute_force(dataset, capacity, balance=0.2, share=0.2):
    """The best E among the fullest allowed invite lists, by trying them all."""
    pool = missing_links(dataset, "v1", fit=FIT, top=None)
    pairs = set(zip(pool["se_actor"], pool["werkgever"], strict=True))
    se = sorted({s for s, _ in pairs})
    employers = sorted({e for _, e in pairs})
    limit = int(share * capacity)
    best = (0, 0.0)
    for brokers in [(), ("vdab",), ("genk",), ("vdab", "genk")]:
        if len(brokers) > limit or (limit >= 1 and "vdab" not in brokers):
            continue
        people = se + employers
        for size in range(2, capacity - len(brokers) + 1):
            for chosen in itertools.combinations(people, size):
                group = set(chosen)
                n_se = len(group & set(se))
                n_emp = size - n_se
                if abs(n_se - n_emp) > max(1, balance * size):
                    continue
                if any(not any((a, b) in pairs or (b, a) in pairs for b in group) for a in group):
                    continue
                value = _expected(dataset, "v1", group | set(brokers), capacity)
                best = max(best, (size, value))
    return best


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("capacity", [4, 6])
def test_planner_matches_brute_force(seed, capacity):
    dataset = _small_verband(seed)
    plan = plan_event(dataset, "v1", capacity=capacity, fit=FIT)
    size, value = _brute_force(dataset, capacity)
    assert (plan["kant"] != "tussenpersoon").sum() == size
    assert plan.attrs["verwachte_links"] == pytest.approx(value, rel=1e-6)


def test_intermediaries_also_come_from_the_chosen_municipalities(demo):
    plan = plan_event(demo, "meetjesland", capacity=10, fit=FIT, municipalities=["Eeklo"])
    assert {demo.actor_by_id[a].municipality for a in plan["actor"]} <= {"Eeklo"}


def test_without_candidates_the_plan_says_why(demo):
    plan = plan_event(demo, "gent", capacity=4, fit=FIT, sectors=["U"])
    assert plan.empty
    assert plan.attrs["opmerkingen"][0].startswith("Er is geen lijst op te stellen")
    assert not any("capaciteit" in note for note in plan.attrs["opmerkingen"])
