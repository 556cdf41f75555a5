"""Sector fit at the most specific NACE level, checked on cases from the issue and by hand."""

from __future__ import annotations

import pytest
from verbinder.graphmodel.model import Actor, Dataset, Membership, Verband
from verbinder.graphmodel.types import ActorType, Engagement
from verbinder.loaders.problems import LoadError
from verbinder.loaders.sector_fit import default_sector_fit, load_sector_fit
from verbinder.queries.missing_links import missing_links

FIT = default_sector_fit()
MEMBER = (Membership("v", Engagement.ACTIEF),)


def _pairs(employer_code: str, activity: str) -> Dataset:
    se = Actor("se", "LDE Een", ActorType.LDE, "Aa", activities=(activity,), memberships=MEMBER)
    employer = Actor(
        "wg", "Werkgever", ActorType.WERKGEVER, "Aa", nace=(employer_code,), memberships=MEMBER
    )
    return Dataset("x", actors=(se, employer), verbanden=(Verband("v", "V"),))


def test_a_cleaning_company_is_not_offered_packaging_or_bicycle_repair():
    # Issue: 81.210 was offered "verpakking (NACE N: verpakkingsdiensten)".
    for activity in ("verpakking", "fietsherstel"):
        assert missing_links(_pairs("81.210", activity), "v", fit=FIT).empty
    assert not missing_links(_pairs("81.210", "schoonmaak"), "v", fit=FIT).empty


def test_the_reason_names_the_employer_s_class_and_its_dutch_label():
    # Statbel, NACE-BEL 2008: 47.111 "Detailhandel in niet-gespecialiseerde winkels in
    # diepvriesproducten"; the rule for division 47 is "winkelketens".
    links = missing_links(_pairs("47.111", "logistiek"), "v", fit=FIT)
    reason = links["uitleg"].iloc[0]
    assert reason.startswith(
        "Gedeeltelijke sectorfit: Werkgever (NACE 47.111: detailhandel in niet-gespecialiseerde "
        "winkels in diepvriesproducten) valt onder detailhandel, met uitzondering van de handel "
        "in auto's en motorfietsen, werk dat soms een beroep doet op logistiek: winkelketens"
    )
    assert "groothandel" not in reason


def test_the_most_specific_rule_wins_and_zero_cancels(tmp_path):
    path = tmp_path / "fit.csv"
    path.write_text(
        "activiteit;nace;gewicht\nverpakking;N;1\nverpakking;81;0\nverpakking;81.21;0,5\n",
        encoding="utf-8",
    )
    fit = load_sector_fit(path)
    assert fit.rule_for("verpakking", "82.920").nace == "N"  # only the section covers it
    assert fit.rule_for("verpakking", "81.300").weight == 0  # division 81 cancels N
    assert fit.rule_for("verpakking", "81.210").weight == 0.5  # class 81.21 refines 81
    assert fit.best(["verpakking"], ["81.300"]) is None


@pytest.mark.parametrize("code", ["81.999", "8", "Z", "ab"])
def test_a_code_that_is_not_in_nace_bel_2008_is_a_located_error(tmp_path, code):
    path = tmp_path / "fit.csv"
    path.write_text(f"activiteit;nace;gewicht\nverpakking;{code};1\n", encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        load_sector_fit(path)
    messages = [str(p) for p in caught.value.report.problems]
    assert any(f"rij 2, kolom 'nace': '{code}' is geen NACE-BEL 2008-code" in m for m in messages)


def test_every_shipped_rule_has_a_reason_and_an_existing_code():
    for rule in FIT.rules:
        assert rule.note, rule
    assert len({(r.activity, r.nace) for r in FIT.rules}) == len(FIT.rules)


def test_an_employer_with_only_a_2025_code_is_explained():
    employer = Actor(
        "wg", "Nieuw", ActorType.WERKGEVER, "Aa", memberships=MEMBER, tags=("nace2025:62100",)
    )
    se = Actor("se", "LDE", ActorType.LDE, "Aa", activities=("logistiek",), memberships=MEMBER)
    dataset = Dataset("x", actors=(se, employer), verbanden=(Verband("v", "V"),))
    coverage = missing_links(dataset, "v", fit=FIT).attrs["dekking"]
    assert any("enkel een NACE-BEL 2025-code" in line and "Nieuw" in line for line in coverage)


def test_the_reason_quotes_the_code_the_rule_was_chosen_for(tmp_path):
    # 81.210 is cancelled for schoonmaak (weight 0); 82.110 falls under section N.
    path = tmp_path / "fit.csv"
    path.write_text(
        "activiteit;nace;gewicht;toelichting\nschoonmaak;N;1;kantoren\nschoonmaak;81.2;0;nee\n",
        encoding="utf-8",
    )
    se = Actor("se", "LDE Een", ActorType.LDE, "Aa", activities=("schoonmaak",), memberships=MEMBER)
    employer = Actor(
        "wg", "Firma X", ActorType.WERKGEVER, "Aa", nace=("81.210", "82.110"), memberships=MEMBER
    )
    dataset = Dataset("x", actors=(se, employer), verbanden=(Verband("v", "V"),))
    reason = missing_links(dataset, "v", fit=load_sector_fit(path))["uitleg"].iloc[0]
    assert reason.startswith("Sterke sectorfit: Firma X (NACE 82.110: ")
    assert "81.210" not in reason
