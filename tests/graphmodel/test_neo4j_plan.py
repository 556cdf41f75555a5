"""What a save to Neo4j writes: only the difference (no server needed here; the server tests
check that the steps give the dataset back)."""

from __future__ import annotations

from dataclasses import replace
from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st
from verbinder.graphmodel.store.neo4j_plan import Rows, Step, diff_steps, key, new_rows, placed
from verbinder.graphmodel.types import Engagement


def _stored(rows: Rows) -> Rows:
    """``rows`` as the server gives them back: relationships carry an element id."""
    return Rows(
        nodes={table: dict(nodes) for table, nodes in rows.nodes.items()},
        rels={
            table: [{**r, "id": f"#{table}:{i}"} for i, r in enumerate(rels)]
            for table, rels in rows.rels.items()
        },
    )


def _diff(before, after) -> list[Step]:
    return diff_steps(_stored(new_rows(before)[1]), new_rows(after)[1])


def test_saving_the_same_dataset_again_writes_nothing(tiny):
    assert _diff(tiny, tiny) == []


def test_a_first_save_creates_everything(tiny):
    steps = diff_steps(Rows(), new_rows(tiny)[1])
    memberships = sum(len(a.memberships) for a in tiny.actors)
    assert [(s.statement, len(s.rows), s.expected) for s in steps] == [
        ("verbanden", 2, 2),
        ("actors", 5, memberships),
        ("events", 1, 1),
        ("ties", 4, 4),
        ("participations", len(tiny.participations), len(tiny.participations)),
    ]


def test_removing_one_tie_deletes_it_and_moves_nothing(tiny):
    second = tiny.ties[1]
    steps = _diff(tiny, tiny.replace(ties=tiny.ties[:1] + tiny.ties[2:]))
    assert steps == [
        Step("delete_ties", [{"source": key("tiny", second.source), "id": "#ties:1"}], 1)
    ]


def test_removing_an_actor_takes_its_relationships_along(tiny):
    gone = "wg"
    after = tiny.replace(
        actors=tuple(a for a in tiny.actors if a.id != gone),
        ties=tuple(t for t in tiny.ties if gone not in (t.source, t.target)),
        participations=tuple(p for p in tiny.participations if p.actor_id != gone),
    )
    assert len(after.ties) < len(tiny.ties)  # it had ties: DETACH DELETE removes them
    assert _diff(tiny, after) == [Step("delete_actors", [{"key": key("tiny", gone)}], 1)]


def test_an_actor_added_in_front_is_created_before_the_first_with_its_memberships(tiny):
    new = replace(tiny.actors[2], id="nieuw", name="Nieuw", kbo=None)
    steps = _diff(tiny, tiny.replace(actors=(new, *tiny.actors)))
    assert [(s.statement, s.expected) for s in steps] == [("actors", len(new.memberships))]
    (row,) = steps[0].rows
    assert row["props"]["key"] == key("tiny", "nieuw")
    assert row["props"]["position"] == -1  # before the first, which keeps position 0
    assert [m["verband"] for m in row["memberships"]] == [
        key("tiny", m.verband_id) for m in new.memberships
    ]


def test_a_renamed_actor_is_updated_in_place(tiny):
    actors = tuple(replace(a, name="Nieuwe naam") if a.id == "mwb" else a for a in tiny.actors)
    steps = _diff(tiny, tiny.replace(actors=actors))
    assert [(s.statement, s.expected) for s in steps] == [("update_actors", 1)]
    assert steps[0].rows[0]["props"]["name"] == "Nieuwe naam"


def test_a_changed_engagement_updates_that_membership_only(tiny):
    def lowered(actor):
        first = replace(actor.memberships[0], engagement=Engagement.PASSIEF)
        return replace(actor, memberships=(first, *actor.memberships[1:]))

    actors = tuple(lowered(a) if a.id == "mwb" else a for a in tiny.actors)
    steps = _diff(tiny, tiny.replace(actors=actors))
    assert [(s.statement, s.expected) for s in steps] == [("update_memberships", 1)]


def _lis_length(values: list[int]) -> int:
    """Longest strictly increasing subsequence, the plain O(n^2) way."""
    best = [1] * len(values)
    for i in range(len(values)):
        for j in range(i):
            if values[j] < values[i]:
                best[i] = max(best[i], best[j] + 1)
    return max(best, default=0)


@given(
    st.lists(st.integers(0, 60), unique=True, max_size=40).flatmap(
        lambda kept: st.lists(st.sampled_from([None, *kept]), max_size=50).map(
            lambda xs: [x for i, x in enumerate(xs) if x is None or x not in xs[:i]]
        )
    )
)
def test_placed_keys_are_in_order_and_keep_a_longest_ordered_run(old):
    keys = placed(old)
    assert len(keys) == len(old)
    assert all(a < b for a, b in pairwise(keys))
    kept = [k for k, o in zip(keys, old, strict=True) if o is not None and k == o]
    assert len(kept) == _lis_length([o for o in old if o is not None])
