"""Other gaps, checked by hand on the planted fixture and the tiny dataset."""

from __future__ import annotations

import pytest

from graphmodel.model import Actor, Membership, Tie
from graphmodel.types import ActorType, Engagement, TieKind
from queries.gaps import PARTNER_GROUPS, verband_gaps
from queries.report import UnknownVerbandError


def test_municipality_without_tie_to_its_se_actor(tiny):
    # Add municipality As, where maatwerkbedrijf mwb is located, without any tie to it.
    gemeente = Actor(
        "as",
        "Gemeente As",
        ActorType.GEMEENTE,
        "As",
        memberships=(Membership("v1", Engagement.ACTIEF),),
    )
    dataset = tiny.replace(actors=(*tiny.actors, gemeente))
    towns = verband_gaps(dataset, "v1").municipalities.set_index("gemeente")
    assert towns.loc["Gemeente As"].tolist() == [1, 0, True]
    # Stad Genk has no SE actor on its territory: nothing is missing there.
    assert towns.loc["Stad Genk"].tolist() == [0, 0, False]


def test_partner_groups_compared_with_the_other_verbanden(tiny):
    partners = verband_gaps(tiny, "v1").partners.set_index("partnergroep")
    assert list(partners.index) == list(PARTNER_GROUPS)
    # v1 has gemeente genk actief; v2 has no gemeente: actief in 1 of 2 verbanden.
    assert partners.loc["gemeenten", "rol_hier"] == "actief"
    assert partners.loc["gemeenten", "aandeel_verbanden_actief"] == 0.5
    # maatwerk: actief in v1, passief in v2 -> 1 of 2; werkgever wg is 'geen' here.
    assert partners.loc["reguliere werkgevers", "rol_hier"] == "geen"
    assert partners.loc["sociale partners", "rol_hier"] == "afwezig"
    v2 = verband_gaps(tiny, "v2").partners.set_index("partnergroep")
    assert v2.loc["maatwerkbedrijven", "opmerking"] == (
        "maatwerkbedrijven: passief hier, actief in 50 % van de verbanden"
    )


def test_se_actors_without_a_regular_employer(tiny):
    assert verband_gaps(tiny, "v1").se_without_employer.empty  # mwb -> wg doorstroom
    kept = [t for t in tiny.ties if t.id != "t4"]
    ties = (*kept, Tie("t9", "mwb", "reg", TieKind.OVERLEG))
    lonely = verband_gaps(tiny.replace(ties=ties), "v1").se_without_employer
    assert lonely["actor"].tolist() == ["mwb"]


def test_unknown_verband():
    from graphmodel.model import Dataset

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
    assert table.loc["Gemeente X"].tolist() == [0, 0, False]
    assert table.loc["Gemeente As", "se_actoren_op_grondgebied"] == 1  # mwb is in "As"
