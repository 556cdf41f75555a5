"""Missing links: planted pairs come first, existing ties never, explanations name the features;
wished ties from the network survey (issue #18) give a reason and a boost."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from verbinder.graphmodel.model import (
    Actor,
    Dataset,
    Event,
    Membership,
    Participation,
    Tie,
    Verband,
)
from verbinder.graphmodel.roster import RosterResponse, Stated
from verbinder.graphmodel.types import ActorType, Engagement, TieKind
from verbinder.loaders.sector_fit import default_sector_fit
from verbinder.queries.event_planner import plan_event
from verbinder.queries.missing_links import LINK_COLUMNS, WISH_BOOST, Weights, missing_links

FIT = default_sector_fit()


def _member(level: Engagement = Engagement.PASSIEF) -> tuple[Membership, ...]:
    return (Membership("v", level),)


def planted() -> Dataset:
    """Two planted pairs; everything else fits worse, not at all, or is already tied."""
    lde = ActorType.LDE
    employer = ActorType.WERKGEVER
    actors = (
        Actor("reg", "Regie V", ActorType.REGISSEUR, "Aa", memberships=_member()),
        Actor(
            "groen",
            "LDE Groen",
            lde,
            "Aa",
            activities=("groenonderhoud",),
            fte=20.0,
            memberships=_member(),
        ),
        Actor(
            "kuis",
            "LDE Kuis",
            lde,
            "Bee",
            activities=("schoonmaak",),
            fte=10.0,
            memberships=_member(),
        ),
        Actor("bouw1", "Bouw Een", employer, "Aa", nace=("41.201",), memberships=_member()),
        Actor("hotel1", "Hotel Een", employer, "Bee", nace=("55.100",), memberships=_member()),
        Actor("hotel2", "Hotel Twee", employer, "Bee", nace=("55.100",), memberships=_member()),
        Actor("soft1", "Software Een", employer, "Aa", nace=("62.010",), memberships=_member()),
        Actor("bank1", "Bank Een", employer, "Aa", nace=("64.191",), memberships=_member()),
        Actor("bouw2", "Bouw Twee", employer, "Cee", nace=("41.201",), memberships=_member()),
    )
    ties = (
        Tie("t1", "reg", "groen", TieKind.OVERLEG),
        Tie("t2", "reg", "bouw1", TieKind.OVERLEG),
        Tie("t3", "kuis", "hotel2", TieKind.SAMENWERKING),  # already tied: never suggested
    )
    verband = Verband("v", "Verband V", province="Limburg", municipalities=("Aa", "Bee", "Cee"))
    return Dataset("planted", actors=actors, ties=ties, verbanden=(verband,))


def test_planted_pairs_come_first_and_existing_ties_never():
    links = missing_links(planted(), "v", fit=FIT, top=None)
    pairs = list(zip(links["se_actor"], links["werkgever"], strict=True))
    assert pairs[:2] == [("groen", "bouw1"), ("kuis", "hotel1")]
    assert ("kuis", "hotel2") not in pairs
    assert all(w != "soft1" for _, w in pairs)  # software fits neither activity
    assert list(links.columns) == list(LINK_COLUMNS)
    assert links.attrs["kandidaten"] == len(links)


def test_the_explanation_names_every_feature_that_scored():
    top = missing_links(planted(), "v", fit=FIT).iloc[0]
    assert top["uitleg"].startswith(
        "Sterke sectorfit: Bouw Een (NACE 41.201: algemene bouw van residentiële gebouwen) "
        "werkt in bouwnijverheid, een sector die vaak een beroep doet op groenonderhoud: "
        "aannemers besteden groenaanleg en -onderhoud uit."
    )
    assert "Regie V werkt met beide samen en kan hen aan elkaar voorstellen." in top["uitleg"]
    assert "Beide zijn gevestigd in Aa." in top["uitleg"]
    assert "LDE Groen is een LDE met 20 VTE." in top["uitleg"]
    # Every pair is in verband V: saying so would tell the regisseur nothing.
    assert "verband" not in top["uitleg"]
    assert (top["sectorfit"], top["plaats"], top["gemeenschappelijke_partners"]) == (1.0, 1.0, 1)


def test_filters_by_sector_and_municipality():
    dataset = planted()
    hotels = missing_links(dataset, "v", fit=FIT, sectors=["I"], top=None)
    assert set(hotels["werkgever"]) == {"hotel1"}
    by_activity = missing_links(dataset, "v", fit=FIT, sectors=["groenonderhoud"], top=None)
    assert set(by_activity["se_actor"]) == {"groen"}
    town = missing_links(dataset, municipalities=["Bee"], fit=FIT, top=None)
    assert set(zip(town["se_actor"], town["werkgever"], strict=True)) == {("kuis", "hotel1")}


def test_no_candidates_gives_an_empty_table():
    dataset = planted()
    only_software = dataset.replace(
        actors=tuple(
            a for a in dataset.actors if a.type is not ActorType.WERKGEVER or a.id == "soft1"
        )
    )
    links = missing_links(only_software, "v", fit=FIT)
    assert links.empty and list(links.columns) == list(LINK_COLUMNS)


IMPROVEMENTS = ("common_partner", "same_town", "engagement", "event", "mvo", "capacity")


def _improve(dataset: Dataset, how: str) -> Dataset:
    actors = {a.id: a for a in dataset.actors}
    ties, events, participations = list(dataset.ties), (), ()
    hotel = actors["hotel1"]
    if how == "common_partner":
        ties += [
            Tie("x1", "reg", "kuis", TieKind.OVERLEG),
            Tie("x2", "reg", "hotel1", TieKind.OVERLEG),
        ]
    elif how == "same_town":
        actors["hotel1"] = hotel.__class__(**{**vars(hotel), "municipality": "Bee"})
    elif how == "engagement":
        actors["hotel1"] = hotel.__class__(
            **{**vars(hotel), "memberships": _member(Engagement.ZEER_ACTIEF)}
        )
    elif how == "event":
        events = (Event("e", "Matchmaking"),)
        participations = (Participation("e", "hotel1"),)
    elif how == "mvo":
        actors["hotel1"] = hotel.__class__(**{**vars(hotel), "tags": ("MVO",)})
    elif how == "capacity":
        kuis = actors["kuis"]
        actors["kuis"] = kuis.__class__(**{**vars(kuis), "fte": (kuis.fte or 0) + 50})
    return dataset.replace(
        actors=tuple(actors.values()),
        ties=tuple(ties),
        events=events,
        participations=participations,
    )


@settings(max_examples=60, deadline=None)
@given(
    how=st.sampled_from(IMPROVEMENTS),
    town=st.sampled_from(["Aa", "Bee", "Cee"]),
    level=st.sampled_from(list(Engagement)),
    fte=st.none() | st.floats(0.5, 500),
    weights=st.tuples(*[st.floats(0, 2)] * 5),
)
def test_the_score_never_falls_when_one_feature_improves(how, town, level, fte, weights):
    base = planted()
    actors = {a.id: a for a in base.actors}
    actors["hotel1"] = Actor(
        "hotel1",
        "Hotel Een",
        ActorType.WERKGEVER,
        town,
        nace=("55.100",),
        memberships=_member(level),
    )
    actors["kuis"] = Actor(
        "kuis",
        "LDE Kuis",
        ActorType.LDE,
        "Bee",
        activities=("schoonmaak",),
        fte=fte,
        memberships=_member(),
    )
    base = base.replace(actors=tuple(actors.values()))
    weight = Weights(*weights)

    def score(dataset: Dataset) -> float:
        links = missing_links(dataset, "v", fit=FIT, weights=weight, top=None)
        row = links[(links["se_actor"] == "kuis") & (links["werkgever"] == "hotel1")]
        return float(row["score"].iloc[0])

    assert score(_improve(base, how)) >= score(base) - 1e-12


def test_negative_weights_are_refused():
    with pytest.raises(ValueError):
        Weights(sectorfit=-1)


def test_top_n_is_the_head_of_the_full_ranking(demo):
    # The explanations leave out what every pair of the run shares, so they may differ.
    full = missing_links(demo, "gent", fit=FIT, top=None).drop(columns="uitleg")
    for n in (1, 10, 57):
        top = missing_links(demo, "gent", fit=FIT, top=n).drop(columns="uitleg")
        assert top.equals(full.head(n).reset_index(drop=True))


def test_no_sentence_holds_for_every_pair_and_the_strongest_reason_comes_first(demo):
    links = missing_links(demo, "gent", fit=FIT, top=30)
    sentences = [set(text.split(". ")) for text in links["uitleg"]]
    assert not set.intersection(*sentences)
    for row in links.itertuples(index=False):
        contributions = {
            "sectorfit": 0.35 * row.sectorfit,
            "netwerknabijheid": 0.25 * row.netwerknabijheid,
            "plaats": 0.15 * row.plaats,
            "openheid": 0.15 * row.openheid,
            "capaciteit": 0.10 * row.capaciteit,
        }
        first = max(contributions, key=contributions.get)
        opening = {
            "sectorfit": "sectorfit:",
            "netwerknabijheid": "samen",
            "plaats": "Beide",
            "openheid": f"{row.werkgever_naam} ",
            "capaciteit": " is een ",
        }
        assert opening[first] in row.uitleg.split(". ")[0], row.uitleg
        assert "..." not in row.uitleg


def test_the_reason_names_the_employer_s_own_nace_code(demo):
    links = missing_links(demo, "gent", fit=FIT, top=30)
    employers = demo.actor_by_id
    for row in links.itertuples(index=False):
        codes = employers[row.werkgever].nace
        assert any(f"NACE {code}" in row.uitleg or code in row.uitleg for code in codes)


def test_province_blocking_only_for_the_flanders_wide_query():
    verbanden = (Verband("v", "V", province="Limburg"), Verband("w", "W"))
    se = Actor(
        "se",
        "SE",
        ActorType.LDE,
        "Genk",
        activities=("groenonderhoud",),
        memberships=(Membership("v", Engagement.ACTIEF),),
    )
    employer = Actor("wg", "WG", ActorType.WERKGEVER, "Genk", nace=("41.200",))  # in no verband
    dataset = Dataset("x", actors=(se, employer), verbanden=verbanden)
    assert len(missing_links(dataset, municipalities=["Genk"], fit=FIT)) == 1
    assert len(missing_links(dataset, fit=FIT)) == 0  # Flanders-wide: no common province


def test_activity_filter_uses_that_activity_and_all_nace_codes_count():
    se = Actor(
        "se",
        "SE",
        ActorType.LDE,
        "Aa",
        activities=("Groenonderhoud", "recyclage"),
        memberships=_member(),
    )
    # Section M first, then F: the employer belongs to both sections.
    employer = Actor(
        "wg", "WG", ActorType.WERKGEVER, "Aa", nace=("70.100", "41.200"), memberships=_member()
    )
    dataset = Dataset("x", actors=(se, employer), verbanden=planted().verbanden)
    links = missing_links(dataset, "v", fit=FIT, sectors=["recyclage"])
    expected = (
        "Gedeeltelijke sectorfit: WG (NACE 41.200: burgerlijke en utiliteitsbouw) werkt in "
        "bouwnijverheid, een sector die soms een beroep doet op recyclage"
    )
    assert links["uitleg"].iloc[0].startswith(expected)
    assert links["sectorfit"].iloc[0] == 0.5
    best = missing_links(dataset, "v", fit=FIT)
    assert best["uitleg"].iloc[0].startswith("Sterke sectorfit: WG (NACE 41.200: ")
    assert "groenonderhoud" in best["uitleg"].iloc[0]


def test_top_must_be_positive():
    with pytest.raises(ValueError, match="top"):
        missing_links(planted(), "v", fit=FIT, top=0)


def test_coordinates_make_nearby_employers_score_higher():
    # Two hotels in another municipality than the LDE; only one is close by.
    kuis = Actor(
        "kuis",
        "LDE Kuis",
        ActorType.LDE,
        "Bee",
        activities=("schoonmaak",),
        memberships=_member(),
        lat=50.95,
        lon=5.35,
    )
    near = Actor(
        "near",
        "Hotel Dichtbij",
        ActorType.WERKGEVER,
        "Cee",
        nace=("55.100",),
        memberships=_member(),
        lat=50.96,
        lon=5.36,
    )
    far = Actor(
        "far",
        "Hotel Ver",
        ActorType.WERKGEVER,
        "Cee",
        nace=("55.100",),
        memberships=_member(),
        lat=51.20,
        lon=4.40,
    )
    dataset = Dataset("x", actors=(kuis, near, far), verbanden=planted().verbanden)
    links = missing_links(dataset, "v", fit=FIT, top=None).set_index("werkgever")
    # Near: about 1.3 km -> plaats 1 - 1.3 / 40 ~ 0.97; far: > 40 km -> the shared verband, 0.6.
    assert links.loc["near", "plaats"] == pytest.approx(1 - 1.32 / 40, abs=0.01)
    assert links.loc["far", "plaats"] == 0.6
    assert links.index[0] == "near"
    assert "Ze liggen op 1,3 km van elkaar." in links.loc["near", "uitleg"]
    assert "km" not in links.loc["far", "uitleg"]  # too far to count, so not a reason


def test_one_coordinate_without_the_other_is_an_error(tmp_path, write_workbook):
    from verbinder.loaders import validate

    path = write_workbook(
        tmp_path / "v.xlsx",
        {
            "actoren": [
                ["id", "naam", "type", "breedtegraad", "lengtegraad"],
                ["a", "A", "lde", "50,9", None],
                ["b", "B", "lde", "95", "5"],
            ],
            "relaties": [["bron", "doel", "soort"]],
        },
    )
    errors = [(e.row, e.column, e.message) for e in validate(path).errors]
    assert (
        2,
        "'lengtegraad' (E)",
        "vul breedte- en lengtegraad allebei in, of geen van beide",
    ) in errors
    assert (3, "'breedtegraad' (D)", "'95' is geen breedtegraad (tussen -90 en 90)") in errors


DAY = date(2026, 12, 1)


def _wish(respondent: str, other: str, reason: str | None = None) -> RosterResponse:
    data = planted()
    roster = tuple(a.id for a in data.actors if a.id != respondent)
    wish = Stated(other, wished=True, reason=reason)
    return RosterResponse("v", respondent, DAY, roster, (wish,))


def _surveyed():
    responses = (
        _wish("kuis", "bank1"),
        _wish("bank1", "kuis", "schoonmaak van de kantoren"),
        _wish("soft1", "groen", "groenonderhoud van onze campus"),
        _wish("kuis", "hotel2"),  # already tied (t3)
    )
    return planted().replace(roster_responses=responses)


def test_a_wish_from_both_sides_ranks_first_and_a_wish_adds_its_boost():
    before = missing_links(planted(), "v", fit=FIT, top=None).set_index(["se_actor", "werkgever"])
    links = missing_links(_surveyed(), "v", fit=FIT, top=None)
    first = links.iloc[0]
    assert (first["se_actor"], first["werkgever"], first["gewenst"]) == ("kuis", "bank1", 2)
    assert first["uitleg"].startswith(
        "Gewenst door Bank Een en LDE Kuis (beide kanten) in de netwerkbevraging: "
        "'schoonmaak van de kantoren'."
    )
    pairs = links.set_index(["se_actor", "werkgever"])
    assert ("kuis", "hotel2") not in pairs.index
    # The boost is added to the same features: one side WISH_BOOST, both sides twice that.
    if ("kuis", "bank1") in before.index:
        expected = before.loc[("kuis", "bank1"), "score"] + 2 * WISH_BOOST
        assert pairs.loc[("kuis", "bank1"), "score"] == expected


def test_a_wished_pair_without_sector_fit_is_suggested_with_its_reason():
    before = missing_links(planted(), "v", fit=FIT, top=None)
    assert "soft1" not in set(before["werkgever"])  # software fits neither activity
    links = missing_links(_surveyed(), "v", fit=FIT, top=None).set_index(["se_actor", "werkgever"])
    row = links.loc[("groen", "soft1")]
    assert row["gewenst"] == 1 and row["sectorfit"] == 0.0
    assert row["score"] >= WISH_BOOST > before["score"].max()  # above every unwished pair
    assert row["uitleg"].startswith(
        "Gewenst door Software Een in de netwerkbevraging: 'groenonderhoud van onze campus'."
    )
    assert "sectorfit" not in row["uitleg"].lower()


def test_a_query_limited_to_sectors_keeps_only_wishes_that_fit():
    links = missing_links(_surveyed(), "v", fit=FIT, sectors=["groenonderhoud"], top=None)
    assert "soft1" not in set(links["werkgever"])


def test_the_event_planner_invites_the_wished_pairs_first():
    plain = set(plan_event(planted(), "v", capacity=4, fit=FIT)["actor"])
    assert plain == {"groen", "bouw1", "kuis", "hotel1"}  # the planted pairs
    wished = set(plan_event(_surveyed(), "v", capacity=4, fit=FIT)["actor"])
    assert wished == {"kuis", "bank1", "groen", "soft1"}  # a wished pair's chance is 1
