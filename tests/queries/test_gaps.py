"""Other gaps, checked by hand on the planted fixture and the tiny dataset."""

from __future__ import annotations

import pytest
from verbinder.graphmodel.model import Actor, Membership, Tie
from verbinder.graphmodel.survey_2018 import SURVEY_2018
from verbinder.graphmodel.types import ActorType, Engagement, TieKind
from verbinder.queries.gaps import PARTNER_GROUPS, verband_gaps
from verbinder.queries.report import UnknownVerbandError

GEMEENTE_AS = Actor(
    "as",
    "Gemeente As",
    ActorType.GEMEENTE,
    "As",
    memberships=(Membership("v1", Engagement.ACTIEF),),
)


def test_municipality_without_tie_to_its_se_actor(tiny):
    # Add municipality As, where maatwerkbedrijf mwb is located, without any tie to it.
    dataset = tiny.replace(actors=(*tiny.actors, GEMEENTE_AS))
    towns = verband_gaps(dataset, "v1").municipalities.set_index("gemeente")
    assert towns.loc["Gemeente As"].tolist() == [1, 0, "Maatwerk De Sleutel", True]
    # Stad Genk has no SE actor on its territory: nothing is missing there.
    assert towns.loc["Stad Genk"].tolist() == [0, 0, "", False]


def test_a_municipality_tied_to_one_of_its_two_se_actors_is_flagged(tiny):
    lde = Actor(
        "lde",
        "LDE Strijkatelier As",
        ActorType.LDE,
        "As",
        activities=("strijkatelier",),
        memberships=(Membership("v1", Engagement.ACTIEF),),
    )
    dataset = tiny.replace(
        actors=(*tiny.actors, GEMEENTE_AS, lde),
        ties=(*tiny.ties, Tie("t9", "as", "mwb", TieKind.AANKOOP)),
    )
    towns = verband_gaps(dataset, "v1").municipalities.set_index("gemeente")
    assert towns.loc["Gemeente As"].tolist() == [2, 1, "LDE Strijkatelier As", True]


def test_a_place_of_the_verband_without_its_gemeente_is_listed(tiny):
    # v1 covers Genk and As; mwb is located in As, which has no gemeente actor.
    towns = verband_gaps(tiny, "v1").municipalities.set_index("gemeente")
    assert towns.loc["As (geen gemeente in de dataset)"].tolist() == [
        1,
        0,
        "Maatwerk De Sleutel",
        True,
    ]


def test_few_verbanden_are_compared_with_the_2018_survey(tiny):
    partners = verband_gaps(tiny, "v1").partners.set_index("partnergroep")
    assert list(partners.index) == list(PARTNER_GROUPS)
    assert partners.loc["gemeenten", "rol_hier"] == "actief"
    assert partners.loc["reguliere werkgevers", "rol_hier"] == "geen"
    assert partners.loc["sociale partners", "rol_hier"] == "afwezig"
    assert set(partners["vergeleken_met"]) == {SURVEY_2018}
    # Report, 2.2.4: social partners active "slechts in uitzonderlijke gevallen"; our reading
    # of it is 12% active, 0% very active. Provinces: "40% ... actieve partner".
    assert partners.loc["sociale partners", "aandeel_verbanden_actief"] == pytest.approx(0.12)
    assert partners.loc["sociale partners", "opmerking"] == (
        "sociale partners: afwezig hier, actief in 12% van de verbanden volgens de bevraging "
        "van 2018"
    )
    assert partners.loc["provincie", "aandeel_verbanden_actief"] == pytest.approx(0.40)


def test_partner_groups_compared_with_the_other_verbanden(demo):
    # The demo has all 32 verbanden: each is compared with the 31 others.
    partners = verband_gaps(demo, "gent").partners.set_index("partnergroep")
    assert set(partners["vergeleken_met"]) == {"de 31 andere verbanden"}
    others = [v.id for v in demo.verbanden if v.id != "gent"]
    active = sum(
        any(
            a.type is ActorType.VDAB and a.engagement_in(v) >= Engagement.ACTIEF
            for a in demo.members_of(v)
        )
        for v in others
    )
    assert partners.loc["VDAB", "aandeel_verbanden_actief"] == pytest.approx(active / 31)


def test_se_actors_without_a_regular_employer(tiny):
    assert verband_gaps(tiny, "v1").se_without_employer.empty  # mwb -> wg doorstroom
    kept = [t for t in tiny.ties if t.id != "t4"]
    ties = (*kept, Tie("t9", "mwb", "reg", TieKind.OVERLEG))
    lonely = verband_gaps(tiny.replace(ties=ties), "v1").se_without_employer
    assert lonely["actor"].tolist() == ["mwb"]


def test_unknown_verband():
    from verbinder.graphmodel.model import Dataset

    with pytest.raises(UnknownVerbandError):
        verband_gaps(Dataset("x"), "v9")


def test_a_municipality_without_place_matches_nothing_and_case_does_not_matter(tiny):
    nowhere = Actor(
        "x", "Gemeente X", ActorType.GEMEENTE, memberships=(Membership("v1", Engagement.ACTIEF),)
    )
    lower = Actor(
        "as",
        "Gemeente As",
        ActorType.GEMEENTE,
        "as",
        memberships=(Membership("v1", Engagement.ACTIEF),),
    )
    towns = verband_gaps(tiny.replace(actors=(*tiny.actors, nowhere, lower)), "v1")
    table = towns.municipalities.set_index("gemeente")
    assert table.loc["Gemeente X"].tolist() == [0, 0, "", False]
    assert table.loc["Gemeente As", "se_actoren_op_grondgebied"] == 1  # mwb is in "As"
