"""The synthetic demo: deterministic, labelled synthetic, real verbanden, survey-calibrated."""

from __future__ import annotations

from collections import Counter

import pytest
from verbinder.graphmodel.reference import reference_municipalities, reference_verbanden
from verbinder.graphmodel.types import ActorType, Engagement, Provenance, SectorGroup
from verbinder.graphmodel.views import to_weighted_graph, verband_subgraph
from verbinder.loaders.demo import demo_actor_count, generate_demo, scale_for


def test_same_seed_same_dataset_other_seed_other_dataset(demo):
    assert generate_demo().same_content(demo)
    assert not generate_demo(seed=7).same_content(demo)


def test_everything_is_flagged_synthetic(demo):
    assert demo.synthetic
    assert "Synthetische demodata" in demo.description
    made = [t for t in demo.ties if t.provenance is Provenance.SYNTHETISCH]
    # the rest comes from the demo's synthetic round of the network survey, and says so
    surveyed = [t for t in demo.ties if t.provenance is Provenance.BEVRAGING]
    assert len(made) + len(surveyed) == len(demo.ties) and surveyed
    assert all(t.note.endswith("(synthetisch)") for t in surveyed)
    assert {r.verband_id for r in demo.roster_responses} == {t.id.split(":")[1] for t in surveyed}


def test_built_on_the_real_verbanden_and_municipalities(demo):
    assert demo.verbanden == reference_verbanden()
    municipalities = {a.municipality for a in demo.actors if a.type is ActorType.GEMEENTE}
    assert municipalities == {r.municipality for r in reference_municipalities()}
    for verband in demo.verbanden:
        members = demo.members_of(verband.id)
        assert sum(a.type is ActorType.REGISSEUR for a in members) == 1
        assert sum(a.type is ActorType.VDAB for a in members) == 1
        assert sum(a.type is ActorType.GEMEENTE for a in members) == len(verband.municipalities)


def test_employers_in_proportion_to_inhabitants(demo):
    employers = Counter(
        v for a in demo.actors if a.type is ActorType.WERKGEVER for v in a.verbanden
    )
    # One employer per 1,500 inhabitants at scale 1: Antwerpen 517,042 -> 345, Ecompas 62,605 -> 42.
    assert employers["antwerpen"] == 345
    assert employers["ecompas"] == 42


def test_maatwerkbedrijven_are_shared_within_their_province(demo):
    province = {v.id: v.province for v in demo.verbanden}
    shared = 0
    for actor in demo.actors:
        if actor.type is ActorType.MAATWERKBEDRIJF:
            assert len({province[v] for v in actor.verbanden}) == 1
            shared += len(actor.verbanden) > 1
    assert shared > 0


def _top_levels(demo, actor_type):
    """Per verband, the highest engagement of that type: the verband's role in the survey."""
    best = {}
    for actor in demo.actors:
        if actor.type is actor_type:
            for m in actor.memberships:
                best[m.verband_id] = max(best.get(m.verband_id, 0), m.engagement)
    return Counter(best.values())


def test_engagement_matches_the_2018_survey(demo):
    # Shares x 32 verbanden, rounded by largest remainder (worked out by hand):
    # social partners 48/40/12% -> 15.36, 12.8, 3.84 -> 15 geen, 13 passief, 4 actief
    partners = Counter()
    best = {}
    for actor in demo.actors:
        if actor.type in (ActorType.WERKGEVERSORGANISATIE, ActorType.VAKBOND):
            for m in actor.memberships:
                best[m.verband_id] = max(best.get(m.verband_id, 0), m.engagement)
    partners.update(best.values())
    assert partners == {Engagement.GEEN: 15, Engagement.PASSIEF: 13, Engagement.ACTIEF: 4}
    # province 40% actief: 3.2, 16, 12.8 -> 3 geen, 16 passief, 13 actief
    assert _top_levels(demo, ActorType.PROVINCIE) == {0: 3, 1: 16, 2: 13}
    # municipalities the driving force in 43%: 0, 2.24, 16, 13.76 -> 0, 2, 16, 14
    assert _top_levels(demo, ActorType.GEMEENTE) == {1: 2, 2: 16, 3: 14}
    # VVSG at least supporting for nearly all, active for most: 1.28, 11.52, 19.2 -> 1, 12, 19
    assert _top_levels(demo, ActorType.VVSG) == {0: 1, 1: 12, 2: 19}


def test_regular_employers_are_rarely_active(demo):
    levels = Counter(
        m.engagement for a in demo.actors if a.type is ActorType.WERKGEVER for m in a.memberships
    )
    assert levels[Engagement.ZEER_ACTIEF] == 0
    assert levels[Engagement.ACTIEF] / sum(levels.values()) < 0.05


def test_structure_regisseur_hub_and_thin_cross_sector_links(demo):
    graph = verband_subgraph(to_weighted_graph(demo), "meetjesland")
    degree = dict(graph.degree())
    assert max(degree, key=degree.get) == "reg-meetjesland"
    sector = dict(graph.nodes(data="sector"))
    se = [n for n in graph if sector[n] == SectorGroup.SOCIALE_ECONOMIE.value]
    regular = [n for n in graph if sector[n] == SectorGroup.REGULIERE_ECONOMIE.value]

    def density(a, b):
        links = sum(1 for u, v in graph.edges if {sector[u], sector[v]} == {a, b})
        pairs = len(se) * (len(se) - 1) / 2 if a == b else len(se) * len(regular)
        return links / pairs

    within_se = density("sociale_economie", "sociale_economie")
    across = density("sociale_economie", "reguliere_economie")
    assert within_se > 5 * across


def test_scale_grows_the_network_to_flanders_size():
    scale = scale_for(50_000)
    assert 49_000 <= demo_actor_count(scale) <= 51_000
    assert demo_actor_count(0.5) < demo_actor_count(1.0) < demo_actor_count(2.0)


@pytest.mark.parametrize("scale", [0.05, 0.3])
def test_actor_count_formula_matches_generation(scale):
    dataset = generate_demo(scale=scale)
    assert len(dataset.actors) == demo_actor_count(scale)
    assert len({a.id for a in dataset.actors}) == len(dataset.actors)
    assert len({t.id for t in dataset.ties}) == len(dataset.ties)
