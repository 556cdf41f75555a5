"""The measure catalogue covers every column Verbinder shows, and the presentation layer reads
numbers the Flemish way."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pandas as pd
import pytest
from verbinder.graphmodel.formatting import Kind
from verbinder.loaders.problems import PROBLEM_COLUMNS
from verbinder.queries.ambitions import ambitions
from verbinder.queries.brokers import BROKER_COLUMNS, brokers
from verbinder.queries.catalogue import UncataloguedColumnError, catalogue, explanation, measure
from verbinder.queries.change import network_change
from verbinder.queries.compare import COMPARE_COLUMNS, RANKED, compare_verbanden
from verbinder.queries.duplicates import DUPLICATE_COLUMNS, find_duplicates
from verbinder.queries.event_planner import INVITE_COLUMNS
from verbinder.queries.gaps import verband_gaps
from verbinder.queries.missing_links import LINK_COLUMNS
from verbinder.queries.mixing import funnel_curves, mixing_comparison
from verbinder.queries.outcomes import suggestion_outcomes
from verbinder.queries.presentation import legend_lines, measure_table, readable
from verbinder.queries.profile import PROFILE_MEASURES, verband_profile
from verbinder.queries.report import verband_report
from verbinder.queries.roster import (
    response_rates,
    roster_additions,
    roster_comparison,
    roster_scores,
    roster_summary,
    roster_ties,
)
from verbinder.queries.survey import (
    survey_disagreements,
    survey_distribution,
    survey_table,
    survey_vs_2018,
)

NETWORK_MEASURES = [
    c
    for c in (*BROKER_COLUMNS, *PROFILE_MEASURES, *COMPARE_COLUMNS)
    if measure(c).kind in (Kind.Z, Kind.INDEX, Kind.DECIMAL, Kind.SCORE)
]
"""Measures computed by a network method: each names its method and its source."""
ROOT = Path(__file__).resolve().parents[2]


def _frames(demo) -> list[pd.DataFrame]:
    profile = verband_profile(demo, "gent")
    gaps = verband_gaps(demo, "gent")
    report = verband_report(demo, "gent")
    change = network_change(demo, demo, "gent")
    return [
        brokers(demo, "gent"),
        profile.groups,
        profile.engagement,
        compare_verbanden(demo),
        mixing_comparison(demo),
        ambitions(demo),
        funnel_curves(mixing_comparison(demo)),
        change.measures.rename_axis("maat"),
        change.new_ties,
        survey_disagreements(demo, "gent"),
        suggestion_outcomes(demo, demo.events[0].id, []),
        gaps.municipalities,
        gaps.partners,
        gaps.se_without_employer,
        report.actors_by_type,
        report.engagement_by_type,
        report.ties_by_kind,
        find_duplicates(demo),
        survey_vs_2018(demo),
        survey_distribution(demo),
        survey_table(demo),
        response_rates(demo, "gent"),
        roster_ties(demo, "gent"),
        roster_scores(demo, "gent"),
        roster_additions(demo, "gent"),
        pd.DataFrame(columns=list(roster_summary(demo, "gent"))),
        roster_comparison(demo),
    ]


CHARTS_AND_CHECKS = {"verband_keuze", "mediaan", *PROBLEM_COLUMNS}
"""Columns the dashboard shows that no query returns: the Vergelijken charts' fields and the
validation report of an upload."""


def _shown_columns(demo) -> set[str]:
    columns = {*LINK_COLUMNS, *INVITE_COLUMNS, *DUPLICATE_COLUMNS, *PROFILE_MEASURES}
    columns |= {f"rang_{c}" for c in RANKED} | {"maat", "waarde"}  # profile's export
    columns |= {"rij", "organisatie", "voorstellen", "actor"}  # attendance's review list
    for frame in _frames(demo):
        columns |= {str(c) for c in frame.columns}
        if frame.index.name is not None:
            columns.add(frame.index.name)
    return columns | CHARTS_AND_CHECKS


def test_every_column_of_every_query_has_an_entry(demo):
    missing = sorted(c for c in _shown_columns(demo) if c not in catalogue())
    assert missing == []


def test_no_entry_describes_a_column_nobody_shows(demo):
    assert sorted(set(catalogue()) - _shown_columns(demo)) == []


def test_a_column_without_an_entry_is_refused():
    with pytest.raises(UncataloguedColumnError, match="kolom 'rol_onbekend'"):
        readable(pd.DataFrame({"rol_onbekend": [1]}))


def test_entries_are_complete_and_names_unique():
    names = [entry.name for entry in catalogue().values()]
    assert len(names) == len(set(names))
    for entry in catalogue().values():
        assert entry.reading.endswith((".", ")")), entry.id
        assert "_" not in entry.name, entry.id  # a heading, not an identifier
        assert entry.better in (None, "hoger", "lager"), entry.id
    for column in NETWORK_MEASURES:
        entry = measure(column)
        assert entry.method and entry.reference, column


def test_numbers_read_the_flemish_way():
    frame = pd.DataFrame(
        {
            "graad": [221.0, 3.0],
            "z_totaal": [285.034, float("nan")],
            "se_regulier_aandeel": [0.125, 0.0],
            "regisseur_enige_brug": [True, False],
        }
    )
    shown = readable(frame)
    heading = {c: measure(c).name for c in frame.columns}
    assert shown[heading["graad"]].tolist() == ["221", "3"]  # a count, not 221,000 or 221.000
    assert shown[heading["z_totaal"]].tolist() == ["285,0", measure("z_totaal").missing]
    assert shown[heading["se_regulier_aandeel"]].tolist() == ["12,5%", "0,0%"]
    assert shown[heading["regisseur_enige_brug"]].tolist() == ["ja", "nee"]
    thousands = readable(pd.DataFrame({"inwoners": [257029]}))
    assert thousands.iloc[0, 0] == "257.029"


def test_a_measure_table_and_the_legend_say_what_each_figure_means():
    table = measure_table({"actoren": 221, "dichtheid": 0.0043})
    assert table.iloc[0].tolist() == [measure("actoren").name, "221", measure("actoren").reading]
    assert table.iloc[1, 1] == "0,4%"
    lines = legend_lines(["naam", "beperking"])
    assert lines[0] == "Legende:"
    assert lines[1].strip().startswith(f"{measure('beperking').name}:")
    assert not any(measure("naam").name in line for line in lines)  # names need no legend


def test_the_explanation_lists_code_name_reading_method_and_source():
    table = explanation(["z_totaal", "z_totaal", "naam"])
    assert list(table["kolom"]) == ["z_totaal", "naam"]
    row = table.iloc[0]
    assert row["naam"] == measure("z_totaal").name
    assert re.search(r"Gould.*1989", row["bron"])
    assert row["beter"] == "hoger is beter"


def test_the_readme_holds_the_glossary_and_the_measures_as_the_catalogue_says():
    sys.path.insert(0, str(ROOT / "scripts"))
    import readme_glossary

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert readme_glossary.section() in readme, "run scripts/readme_glossary.py"
    assert "#### Poortwachter" in readme and measure("beperking").reading in readme
