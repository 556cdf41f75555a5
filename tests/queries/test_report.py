"""The verband report, checked against hand counts on the tiny dataset."""

import pytest
from verbinder.queries.report import UnknownVerbandError, verband_report


def test_counts_by_type_engagement_and_kind(tiny):
    report = verband_report(tiny, "v1")
    # Members of v1: reg, genk, mwb, wg, vdab (all five).
    assert dict(
        zip(report.actors_by_type["type"], report.actors_by_type["aantal"], strict=True)
    ) == {"gemeente": 1, "regisseur": 1, "maatwerkbedrijf": 1, "werkgever": 1, "vdab": 1}
    assert report.n_actors == 5
    engagement = report.engagement_by_type
    assert engagement.loc["gemeente"].tolist() == [0, 0, 1, 0]
    assert engagement.loc["werkgever"].tolist() == [1, 0, 0, 0]
    assert engagement.loc["vdab"].tolist() == [0, 1, 0, 0]
    # All four ties have both ends in v1.
    assert dict(zip(report.ties_by_kind["soort"], report.ties_by_kind["aantal"], strict=True)) == {
        "overleg": 1,
        "aankoop": 1,
        "toeleiding": 1,
        "doorstroom": 1,
    }
    assert report.verband.inhabitants == 100000


def test_only_members_and_ties_inside_count(tiny):
    report = verband_report(tiny, "v2")
    # Only mwb is in v2, so no tie has both ends there.
    assert report.n_actors == 1 and report.n_ties == 0
    assert report.engagement_by_type.loc["maatwerkbedrijf"].tolist() == [0, 1, 0, 0]


def test_unknown_verband_lists_the_known_ones(tiny):
    with pytest.raises(UnknownVerbandError) as caught:
        verband_report(tiny, "v3")
    assert "kies uit: v1, v2" in str(caught.value)
