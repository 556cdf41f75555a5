"""The closed vocabularies: sector groups of actor types, which tie kinds are directed."""

from verbinder.graphmodel.types import ActorType, Engagement, SectorGroup, TieKind


def test_every_actor_type_has_a_sector_group():
    for actor_type in ActorType:
        assert isinstance(actor_type.sector_group, SectorGroup)


def test_social_economy_forms_are_in_the_social_economy():
    social = {t.value for t in ActorType if t.is_social_economy}
    assert social == {
        "maatwerkbedrijf",
        "lde",
        "arbeidszorg",
        "invoegbedrijf",
        "individueel_maatwerk",
    }
    assert ActorType.WERKGEVER.sector_group is SectorGroup.REGULIERE_ECONOMIE
    assert ActorType.GEMEENTE.sector_group is SectorGroup.OVERHEID


def test_issue_lists_every_required_actor_type():
    required = [
        "gemeente",
        "ocmw",
        "regisseur",
        "maatwerkbedrijf",
        "lde",
        "arbeidszorg",
        "invoegbedrijf",
        "individueel_maatwerk",
        "werkgever",
        "vdab",
        "provincie",
        "werkgeversorganisatie",
        "vakbond",
        "vvsg",
        "vlaamse_overheid",
        "onderwijs",
        "welzijn",
        "kinderopvang",
        "andere",
    ]
    assert {t.value for t in ActorType} == set(required)


def test_directed_kinds_are_flows_with_a_giver_and_a_receiver():
    directed = {k.value for k in TieKind if k.directed}
    assert directed == {"aankoop", "toeleiding", "doorstroom", "financiering", "onderaanneming"}
    assert all(k.description for k in TieKind)


def test_engagement_scale_is_ordinal_zero_to_three():
    assert [int(e) for e in Engagement] == [0, 1, 2, 3]
    assert Engagement.ZEER_ACTIEF.label == "zeer actief"
    assert Engagement.GEEN < Engagement.PASSIEF < Engagement.ACTIEF < Engagement.ZEER_ACTIEF
