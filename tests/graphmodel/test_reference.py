"""The shipped reference data equals the totals of the source report (BRIEF section 1 and 7)."""

from verbinder.graphmodel.reference import reference_municipalities, reference_verbanden


def test_totals_match_the_source():
    verbanden = reference_verbanden()
    assert len(verbanden) == 32
    assert sum(v.inhabitants for v in verbanden) == 5_092_811
    assert sum(v.subsidy_eur for v in verbanden) == 1_875_000
    assert len({r.municipality for r in reference_municipalities()}) == 204


def test_gent_is_a_centre_city_alone():
    gent = {v.id: v for v in reference_verbanden()}["gent"]
    assert (gent.inhabitants, gent.subsidy_eur) == (257029, 100000)
    assert gent.municipalities == ("Gent",)
    assert gent.legal_form == "centrumstad"
    assert (gent.period_start, gent.period_end) == (2017, 2019)
    assert "IDEA Consult" in gent.source


def test_oudsbergen_is_split_over_two_verbanden():
    rows = [r for r in reference_municipalities() if r.municipality == "Oudsbergen"]
    assert sorted(r.verband_id for r in rows) == ["gaoz", "noord-limburg"]
    assert all(r.note for r in rows)


def test_thirteen_centre_cities_are_marked():
    centres = {r.municipality for r in reference_municipalities() if r.is_centrumstad}
    # BRIEF: 13 centre cities; Oostende, ... Gent, all in some verband of 2017-2019.
    assert centres == {
        "Aalst",
        "Antwerpen",
        "Brugge",
        "Genk",
        "Gent",
        "Hasselt",
        "Kortrijk",
        "Leuven",
        "Mechelen",
        "Oostende",
        "Roeselare",
        "Sint-Niklaas",
        "Turnhout",
    }
