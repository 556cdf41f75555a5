"""The four ambitions of the decree per verband, counted by hand on the tiny dataset."""

from __future__ import annotations

import math

from verbinder.graphmodel.model import Dataset
from verbinder.queries.ambitions import AMBITIONS, SCORECARD_COLUMNS, ambitions, scorecard
from verbinder.queries.catalogue import measure


def test_municipal_engagement_is_counted_politically_and_administratively_apart(tiny):
    table = ambitions(tiny).set_index("verband")
    # v1 has one municipality, Genk: political zeer actief, administrative passief.
    assert table.loc["v1", "gemeenten_politiek_actief"] == 1.0
    assert table.loc["v1", "gemeenten_ambtelijk_actief"] == 0.0
    assert math.isnan(table.loc["v2", "gemeenten_politiek_actief"])  # nothing recorded
    assert bool(table.loc["v1", "met_centrumstad"]) and not table.loc["v2", "met_centrumstad"]


def test_the_scorecard_lists_the_four_ambitions_with_their_median_and_reading(demo):
    table = ambitions(demo)
    card = scorecard(table, "gent")
    assert list(card.columns) == list(SCORECARD_COLUMNS)
    assert [a for a in card["Ambitie"] if a] == list(AMBITIONS.values())
    regular = card[card["Indicator"] == measure("se_regulier_verhouding").name].iloc[0]
    gent = table.set_index("verband").loc["gent"]
    assert regular["Lezing"] == gent["se_regulier_lezing"]  # the funnel's reading
    median = table["se_regulier_verbonden"].median()
    connected = card[card["Indicator"] == measure("se_regulier_verbonden").name].iloc[0]
    side = "boven" if gent["se_regulier_verbonden"] > median else "onder"
    assert connected["Lezing"] == f"{side} de Vlaamse mediaan"


def test_a_dataset_without_verbanden_gives_an_empty_table_with_every_column():
    table = ambitions(Dataset(name="leeg"))
    assert table.empty
    assert {"verband", "naam", "beleidsvisie_score", "se_regulier_lezing"} <= set(table.columns)
    assert math.isnan(table.attrs["mediaan"]["se_regulier_verbonden"])
