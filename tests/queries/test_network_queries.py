"""brokers, verband_profile, compare_verbanden and network_change, against hand counts."""

from __future__ import annotations

import math
import re
from dataclasses import replace
from datetime import date

import pytest
from verbinder.queries.brokers import BROKER_COLUMNS, brokers
from verbinder.queries.change import composition_changes, network_change
from verbinder.queries.compare import COMPARE_COLUMNS, RANKED, compare_verbanden
from verbinder.queries.profile import PROFILE_MEASURES, verband_profile

# The tiny fixture, verband v1, as an undirected simple graph is a tree:
#   reg - genk - mwb - wg   and   vdab - mwb
# Arcs: reg <-> genk (overleg), genk -> mwb (aankoop), vdab -> mwb (toeleiding),
#       mwb -> wg (doorstroom).


def test_profile_by_hand(tiny):
    m = verband_profile(tiny, "v1").measures
    assert (m["actoren"], m["relaties"]) == (5, 4)
    assert m["dichtheid"] == pytest.approx(4 / 10)
    assert m["gemiddelde_graad"] == pytest.approx(8 / 5)
    assert math.isnan(m["dichtheid_se"])  # one SE actor: no pair inside
    assert m["dichtheid_se_regulier"] == 1.0  # mwb - wg, the only possible pair
    # All four ties cross sector groups; only genk - vdab (overheid) could be internal.
    assert m["ei_index"] == 1.0
    assert m["ei_verwacht"] == pytest.approx((9 - 1) / 10)
    # Degrees 1, 2, 3, 1, 1: sum(3 - d) = 7 over (n - 1)(n - 2) = 12.
    assert m["centralisatie"] == pytest.approx(7 / 12)
    assert (m["componenten"], m["grootste_component_aandeel"]) == (1, 1.0)
    assert (m["bruggen"], m["lokale_bruggen"], m["clustering"]) == (4, 4, 0.0)
    assert m["betrokken_aandeel"] == pytest.approx(3 / 5)  # reg 3, genk 2, mwb 2
    assert m["se_regulier_verbonden"] == 1.0
    assert (m["regisseur_se_regulier_aandeel"], m["regisseur_enige_brug"]) == (0.0, 0.0)
    assert list(m.index) == list(PROFILE_MEASURES)


def test_group_ei_by_hand(tiny):
    groups = verband_profile(tiny, "v1").groups.set_index("sectorgroep")
    # overheid = genk, vdab: genk - reg, genk - mwb, vdab - mwb all external -> E-I = 1;
    # expected: 2 members of 5: external pairs 2 x 3 = 6, internal 2 x 1 = 2 -> 4 / 8.
    assert groups.loc["overheid", "ei_index"] == 1.0
    assert groups.loc["overheid", "ei_verwacht"] == pytest.approx(4 / 8)
    assert groups.loc["overheid", "actoren"] == 2


def test_engagement_by_type(tiny):
    table = verband_profile(tiny, "v1").engagement.set_index("type")
    assert table.loc["gemeente", "actief_of_meer"] == 1
    assert table.loc["werkgever", "aandeel_actief"] == 0.0


def test_brokers_by_hand(tiny):
    frame = brokers(tiny, "v1").set_index("actor")
    # mwb (SE) brokers genk (overheid) -> mwb -> wg (regulier) and vdab -> mwb -> wg: liaison.
    assert frame.loc["mwb", "rol_liaison"] == 2
    # genk brokers reg (intermediair) -> genk -> mwb (SE): liaison; mwb -> genk is no arc.
    assert frame.loc["genk", "rol_liaison"] == 1
    assert frame.loc["genk", "rol_totaal"] == 1
    assert frame.loc["mwb", "graad"] == 3
    assert frame.loc["reg", "betrokkenheid"] == 3
    assert frame.loc["mwb", "ei_index"] == 1.0  # all of mwb's contacts are in other groups
    assert list(brokers(tiny, "v1").columns) == list(BROKER_COLUMNS)


def test_the_regisseur_as_only_bridge_is_flagged(tiny):
    from verbinder.graphmodel.model import Tie
    from verbinder.graphmodel.types import TieKind

    # Replace the SE-employer tie by a path through the regisseur.
    kept = [t for t in tiny.ties if t.id != "t4"]
    ties = (
        *kept,
        Tie("t5", "reg", "wg", TieKind.OVERLEG),
        Tie("t6", "reg", "mwb", TieKind.OVERLEG),
    )
    m = verband_profile(tiny.replace(ties=ties), "v1").measures
    assert m["regisseur_se_regulier_aandeel"] == 1.0
    assert (m["regisseur_verloren_aandeel"], m["regisseur_enige_brug"]) == (1.0, 1.0)


def test_compare_has_one_documented_row_per_verband(demo):
    frame = compare_verbanden(demo)
    assert len(frame) == 32
    assert list(frame.columns) == list(COMPARE_COLUMNS) + [f"rang_{c}" for c in RANKED]
    documented = compare_verbanden.__doc__
    for column in COMPARE_COLUMNS:
        assert re.search(rf"``{column}``", documented), column
    assert frame.attrs["synthetic"]
    assert frame["rang_dichtheid"].min() == 1


def test_compare_adjusted_measures_by_hand(tiny):
    row = compare_verbanden(tiny).set_index("verband").loc["v1"]
    # G(n=5, m=4): P = 10 pairs, K = 1 SE x regular pair: E = 0.4,
    # Var = 4 * 0.1 * 0.9 * (10 - 4) / 9 = 0.24; observed 1.
    assert row["se_regulier_z"] == pytest.approx((1 - 0.4) / math.sqrt(0.24))
    assert row["actoren_per_10k"] == pytest.approx(5 * 10_000 / 100_000)
    # Degrees 1, 2, 3, 1, 1: <k> = 1.6, <k^2> = 3.2 -> (3.2 - 1.6)^2 / (5 * 1.6^3).
    assert row["clustering_verwacht"] == pytest.approx(1.6**2 / (5 * 1.6**3))
    single = compare_verbanden(tiny).set_index("verband").loc["v2"]
    assert single["actoren"] == 1 and math.isnan(single["actoren_per_10k"])


def test_change_between_two_dates(tiny):
    change = network_change(tiny, tiny, "v1", before_at=date(2017, 6, 1), after_at=date(2019, 6, 1))
    # t1 (reg - genk) starts 2018-01-01; t2 (genk -> mwb) ends 2018-12-31.
    assert change.new_ties[["bron", "doel", "soort"]].values.tolist() == [
        ["genk", "reg", "overleg"]
    ]
    assert change.lost_ties[["bron", "doel", "soort"]].values.tolist() == [
        ["genk", "mwb", "aankoop"]
    ]
    assert change.measures.loc["relaties"].tolist() == [3, 3, 0]


def test_change_between_two_datasets_matches_ties_by_ends_and_kind(tiny):
    from verbinder.graphmodel.model import Tie
    from verbinder.graphmodel.types import TieKind

    flipped = [
        Tie("other-id", t.target, t.source, t.kind) if t.id == "t1" else t for t in tiny.ties
    ]
    renamed = (*flipped, Tie("t9", "wg", "vdab", TieKind.OVERLEG))
    change = network_change(tiny, tiny.replace(ties=renamed), "v1")
    assert change.lost_ties.empty
    assert change.new_ties["soort"].tolist() == ["overleg"]
    assert change.measures.loc["relaties", "verschil"] == 1


def _next_cycle(tiny):
    """tiny's verbanden in 2020-2025: v1 also holds Oudsbergen (formed in 2019 from
    Meeuwen-Gruitrode and Opglabbeek), v2 is unchanged, v3 is new."""
    v1, v2 = tiny.verbanden
    later = replace(v1, period_start=2020, period_end=2025)
    return tiny.replace(
        verbanden=(
            replace(later, municipalities=(*v1.municipalities, "Oudsbergen")),
            v2,
            replace(later, id="v3", name="Verband Drie", municipalities=("Maasmechelen",)),
        )
    )


def test_composition_compares_municipalities_as_before_the_mergers(tiny):
    table = composition_changes(tiny, _next_cycle(tiny)).set_index("verband")
    assert table["samenstelling"].to_dict() == {
        "v1": "gewijzigd",
        "v2": "ongewijzigd",  # Hasselt (with Kortessem since 2025) on both sides
        "v3": "nieuw verband",
    }
    assert table.loc["v1", "gemeenten_erbij"] == "Meeuwen-Gruitrode, Opglabbeek"
    assert table.loc["v1", "gemeenten_weg"] == ""
    back = composition_changes(_next_cycle(tiny), tiny).set_index("verband")
    assert back.loc["v3", "samenstelling"] == "niet meer"
    assert back.loc["v1", "gemeenten_weg"] == "Meeuwen-Gruitrode, Opglabbeek"


def test_a_merged_municipality_covers_its_parts_and_a_former_one_only_itself(tiny):
    v1 = tiny.verbanden[0]  # 2017-2019
    before = tiny.replace(verbanden=(replace(v1, municipalities=("Zomergem", "Deinze")),))
    after = tiny.replace(
        verbanden=(
            replace(v1, municipalities=("Lievegem", "Deinze"), period_start=2020, period_end=2025),
        )
    )
    row = composition_changes(before, after).iloc[0]
    assert row["gemeenten_erbij"] == "Lovendegem, Nevele, Waarschoot"  # Lievegem's and Deinze's
    assert row["gemeenten_weg"] == ""


def test_the_cli_says_which_verbanden_changed_composition(tiny, tmp_path):
    from click.testing import CliRunner
    from verbinder.graphmodel.store import SQLiteStore

    from verbinder.cli import main

    db = tmp_path / "v.sqlite"
    with SQLiteStore(db) as store:
        store.save(tiny.replace(name="oud"))
        store.save(_next_cycle(tiny).replace(name="nieuw"))
    args = ["--db", str(db), "change", "--dataset", "oud", "--met", "nieuw", "--verband", "v1"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "Samenstelling van de verbanden (2017-2019 -> 2020-2025" in result.output
    assert "  Verband Een: gewijzigd\n    gemeenten erbij: Meeuwen-Gruitrode, Opglabbeek\n" in (
        result.output
    )
    assert "Ook anders samengesteld: v3 (nieuw verband)." in result.output
