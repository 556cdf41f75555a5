"""A merge carries the network survey's answers along, and its undo gives them back (#8, #18).

Expected values are worked out by hand in each test from the answers typed in the fixture."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from verbinder.graphmodel.model import Actor, Dataset, Membership, Verband
from verbinder.graphmodel.roster import RosterResponse, Stated
from verbinder.graphmodel.types import ActorType, Engagement
from verbinder.loaders import load_dataset
from verbinder.queries.export import export_dataset
from verbinder.queries.merging import MergeRefusedError, merge_actors, undo_merge
from verbinder.queries.roster import record_roster

DAY, LATER = date(2026, 11, 2), date(2026, 12, 1)
NOTHING = (None, None, None)


def _actor(code: str, name: str, kind: ActorType) -> Actor:
    return Actor(code, name, kind, memberships=(Membership("v", Engagement.ACTIEF),))


def _said(about: str, *kinds: str, **answers) -> Stated:
    return Stated(about, True, kinds, **answers)


@pytest.fixture
def answered() -> Dataset:
    """'Gamma vzw' (c) and 'Gamma' (g) prove to be one organisation.

    a names c (overleg, trust 4 4 4, jaarlijks) and g (samenwerking, trust 2, maandelijks,
    wished); c names a and g; g names b; b names g; d does not answer.
    """
    data = Dataset(
        "proef",
        actors=(
            _actor("a", "Groep Alfa", ActorType.MAATWERKBEDRIJF),
            _actor("b", "Bakkerij Bruno", ActorType.WERKGEVER),
            _actor("c", "Gamma vzw", ActorType.LDE),
            _actor("d", "Delta NV", ActorType.WERKGEVER),
            _actor("g", "Gamma", ActorType.LDE),
        ),
        verbanden=(Verband("v", "Verband Vee"),),
    )
    a_said = (
        _said("c", "overleg", frequency="jaarlijks", trust=(4, 4, 4)),
        _said("d", "overleg"),
        _said(
            "g",
            "samenwerking",
            frequency="maandelijks",
            trust=(2, None, None),
            wished=True,
            reason="groenonderhoud",
        ),
    )
    responses = (
        RosterResponse("v", "a", DAY, ("b", "c", "d", "g"), a_said),
        RosterResponse("v", "b", DAY, ("a", "c", "d", "g"), (_said("g", "overleg"),)),
        RosterResponse("v", "c", DAY, ("a", "b", "d", "g"), (_said("a"), _said("g"))),
        RosterResponse("v", "g", LATER, ("a", "b", "c", "d"), (_said("b", "samenwerking"),)),
    )
    return record_roster(data, "v", responses, rule="bevestigd")


def _pairs(data: Dataset) -> dict[frozenset[str], str]:
    return {
        frozenset((t.source, t.target)): t.note.removeprefix("netwerkbevraging: ").split(" (")[0]
        for t in data.ties
    }


def test_the_fixture_has_the_hand_counted_confirmed_ties(answered):
    # a-c both (a and c name each other), b-g both; a-g and c-g one side while the other
    # answered; a-d one side, d did not answer. Under 'bevestigd' only the first two enter.
    assert _pairs(answered) == {
        frozenset("ac"): "bevestigd",
        frozenset("bg"): "bevestigd",
    }


def test_a_merge_joins_rows_and_forms_and_rebuilds_the_ties_under_the_same_rule(answered):
    merged = merge_actors(answered, "g", "c", reason="zelfde organisatie")
    by_id = {r.respondent: r for r in merged.roster_responses}
    assert sorted(by_id) == ["a", "b", "g"]
    # a's two rows become one: both kinds, the more frequent contact, g's own row's trust
    # first with c's answers where g's row had none, the wish kept.
    assert by_id["a"].roster == ("b", "g", "d")
    assert by_id["a"].about("g") == Stated(
        "g",
        True,
        ("overleg", "samenwerking"),
        "maandelijks",
        (2, 4, 4),
        NOTHING,
        True,
        "groenonderhoud",
    )
    # c's and g's forms become one; c's row about g (now itself) is left out.
    assert by_id["g"].roster == ("a", "b", "d")
    assert [s.about for s in by_id["g"].stated] == ["a", "b"]
    assert by_id["g"].received == LATER
    assert by_id["b"].roster == ("a", "g", "d")
    # a-g is now named by both sides; a-d stays out under the rule 'bevestigd'.
    assert _pairs(merged) == {frozenset("ag"): "bevestigd", frozenset("bg"): "bevestigd"}


def test_the_default_rule_is_kept_too(answered):
    default = record_roster(answered, "v", (), rule="reconstructie")
    assert frozenset("ad") in _pairs(default)  # d did not answer: onbekend, admitted
    merged = merge_actors(default, "g", "c", reason="x")
    assert _pairs(merged) == {
        frozenset("ag"): "bevestigd",
        frozenset("bg"): "bevestigd",
        frozenset("ad"): "onbekend",
    }


def test_undo_gives_back_the_answers_and_ties_exactly(answered):
    merged = merge_actors(answered, "g", "c", reason="x")
    assert undo_merge(merged, "samenvoeging-1").same_content(answered)


def test_a_newer_form_read_after_the_merge_stays_when_it_is_undone(answered):
    merged = merge_actors(answered, "g", "c", reason="x")
    newer = RosterResponse("v", "g", LATER, ("a", "b", "d"), (_said("d", "overleg"),))
    again = record_roster(merged, "v", [newer], rule="bevestigd")
    restored = undo_merge(again, "samenvoeging-1")
    by_id = {r.respondent: r for r in restored.roster_responses}
    assert by_id["g"] == newer
    assert by_id["c"] == next(r for r in answered.roster_responses if r.respondent == "c")
    assert by_id["a"] == next(r for r in answered.roster_responses if r.respondent == "a")
    # g's newer form names only d (who did not answer): a-c both again, b-g by b only.
    assert _pairs(restored) == {frozenset("ac"): "bevestigd"}


def test_an_earlier_merge_of_the_same_round_is_undone_after_the_later_one(answered):
    data = answered.replace(
        actors=(*answered.actors, _actor("e", "Epsilon", ActorType.LDE)),
    )
    once = merge_actors(data, "g", "c", reason="x")
    twice = merge_actors(once, "a", "e", reason="y")  # e is on no list: nothing carried
    undone = undo_merge(twice, "samenvoeging-1")  # a later merge elsewhere: no objection
    assert sorted(undone.roster_responses, key=lambda r: r.id) == sorted(
        data.roster_responses, key=lambda r: r.id
    )
    assert set(undone.ties) == set(data.ties)
    carried = merge_actors(once, "b", "d", reason="z")  # d is on every list
    with pytest.raises(MergeRefusedError, match="maak eerst 'samenvoeging-2' ongedaan"):
        undo_merge(carried, "samenvoeging-1")
    back = undo_merge(undo_merge(carried, "samenvoeging-2"), "samenvoeging-1")
    assert back.same_content(data)


def test_an_id_in_use_again_is_that_actor_not_the_one_it_was_merged_into(answered):
    merged = merge_actors(answered, "g", "c", reason="x")
    assert merged.merged_into == {"c": "g"}
    again = merged.replace(actors=(*merged.actors, _actor("c", "Nieuw", ActorType.LDE)))
    assert again.merged_into == {}


def test_undo_keeps_a_newer_form_that_looks_like_the_merged_one_where_the_merge_changed_it(
    answered,
):
    merged = merge_actors(answered, "g", "c", reason="x")
    # b's newer form keeps its row about g as the merge left it, and adds one about d.
    newer = RosterResponse(
        "v", "b", LATER, ("a", "g", "d"), (_said("g", "overleg"), _said("d", "samenwerking"))
    )
    again = record_roster(merged, "v", [newer], rule="bevestigd")
    restored = undo_merge(again, "samenvoeging-1")
    assert {r.respondent: r for r in restored.roster_responses}["b"] == newer


def test_a_hand_edited_tie_between_the_two_comes_back_as_it_was(answered):
    edited = answered.replace(
        ties=tuple(
            replace(t, note="nagekeken") if {t.source, t.target} == {"a", "c"} else t
            for t in answered.ties
        )
    )
    merged = merge_actors(edited, "a", "c", reason="x")
    assert undo_merge(merged, "samenvoeging-1").same_content(edited)


def test_a_hand_edited_survey_tie_moves_like_any_other_tie(answered):
    edited = answered.replace(
        ties=tuple(
            replace(t, note="nagekeken") if "g" in (t.source, t.target) else t
            for t in answered.ties
        )
    )
    merged = merge_actors(edited, "g", "c", reason="x")
    assert _pairs(merged) == {frozenset("ag"): "bevestigd", frozenset("bg"): "nagekeken"}


def test_a_merged_dataset_exports_and_imports_again(answered, tmp_path):
    # The merge record itself stays out of exports (it may hold personal data).
    merged = merge_actors(answered, "g", "c", reason="x").replace(merges=())
    for name in ("uit.xlsx", "uit.json"):
        path = export_dataset(merged, tmp_path / name)
        assert load_dataset(path, name="proef").dataset.same_content(merged)


_CODES = ("a", "b", "c", "d", "g")


@st.composite
def _rounds(draw) -> tuple[Dataset, str, str]:
    """A verband of five where some answer, naming some others with some kinds and scores,
    recorded under some rule; and two of the five to merge."""
    data = Dataset(
        "proef",
        actors=tuple(_actor(c, f"Organisatie {c}", ActorType.LDE) for c in _CODES),
        verbanden=(Verband("v", "V"),),
    )
    responses = []
    for code in draw(st.sets(st.sampled_from(_CODES))):
        others = tuple(c for c in _CODES if c != code)
        named = draw(st.lists(st.sampled_from(others), unique=True))
        stated = tuple(
            Stated(
                other,
                draw(st.sampled_from((True, False, None))),
                tuple(draw(st.sets(st.sampled_from(("overleg", "wij_kopen", "zij_leiden_toe"))))),
                draw(st.sampled_from((None, "jaarlijks", "wekelijks"))),
                tuple(draw(st.sampled_from((None, 1, 4))) for _ in range(3)),
                NOTHING,
                draw(st.booleans()),
            )
            for other in others
            if other in named
        )
        order = draw(st.permutations(stated))  # a JSON import may give rows in any order
        responses.append(RosterResponse("v", code, DAY, others, tuple(order)))
    rule = draw(st.sampled_from(("reconstructie", "unie", "bevestigd")))
    kept, dropped = draw(st.lists(st.sampled_from(_CODES), min_size=2, max_size=2, unique=True))
    return record_roster(data, "v", responses, rule=rule), rule, kept, dropped


@settings(max_examples=200, deadline=None)
@given(_rounds())
def test_any_merge_of_a_surveyed_verband_keeps_its_rule_and_undoes_exactly(drawn):
    data, rule, kept, dropped = drawn
    merged = merge_actors(data, kept, dropped, reason="x")

    # The network is what reading the merged answers under the chosen rule gives. (Its
    # notes name the rule; a round that gave no survey tie at all cannot tell which rule
    # was chosen, and then every rule gives the same network: the notes are left aside.)
    def network(data: Dataset) -> set:
        return {(t.id, t.source, t.target, t.kind, t.note.split(" (")[0]) for t in data.ties}

    assert network(merged) == network(record_roster(merged, "v", (), rule=rule))
    assert not any(dropped in (r.respondent, *r.roster) for r in merged.roster_responses)
    assert all(kept not in r.roster for r in merged.roster_responses if r.respondent == kept)
    assert undo_merge(merged, "samenvoeging-1").same_content(data)


def test_the_demo_round_s_ties_are_rebuilt_by_a_merge_like_any_round(demo):
    verband = sorted({r.verband_id for r in demo.roster_responses})[0]
    answered = [r.respondent for r in demo.roster_responses if r.verband_id == verband]
    kept, dropped = next(
        (a, b)
        for a, b in pairwise(answered)
        if not demo.actor_by_id[a].kbo and not demo.actor_by_id[b].kbo
    )
    merged = merge_actors(demo, kept, dropped, reason="x")
    # what reading the merged answers again under the demo's rule gives, synthetic label and all
    again = record_roster(merged, verband, (), rule="reconstructie")
    assert set(merged.ties) == set(again.ties)
    assert all(t.note.endswith("(synthetisch)") for t in again.ties if t.id.startswith("netw"))
