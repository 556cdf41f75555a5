"""The seating plan puts suggested pairs together, spreads intermediaries, keeps tables even."""

from __future__ import annotations

import itertools
import random
from collections import Counter

import pytest
from verbinder.queries.seating import seat


def test_pairs_sit_together_by_hand():
    chance = {("a", "x"): 0.9, ("b", "y"): 0.8, ("a", "y"): 0.1, ("b", "x"): 0.05}
    tables = seat(["a", "b", "x", "y"], chance, [], table_size=2)
    assert tables["a"] == tables["x"] and tables["b"] == tables["y"]
    assert tables["a"] != tables["b"]


def test_intermediaries_are_spread_one_per_table():
    people = ["z1", "z2", "a", "b", "x", "y"]
    chance = {("a", "x"): 0.5, ("b", "y"): 0.5}
    tables = seat(people, chance, ["z1", "z2"], table_size=3)
    assert tables["z1"] != tables["z2"]
    assert sorted(tables.values()) == [1, 1, 1, 2, 2, 2]


def _together(tables, chance):
    return sum(c for (s, e), c in chance.items() if tables[s] == tables[e])


@pytest.mark.parametrize("seed", range(5))
def test_close_to_the_best_seating_on_small_cases(seed):
    # Eight people at two tables of four: compare with every possible split.
    rng = random.Random(seed)
    se, employers = ["s1", "s2", "s3", "s4"], ["e1", "e2", "e3", "e4"]
    chance = {(s, e): rng.random() for s in se for e in employers if rng.random() < 0.6}
    people = se + employers
    tables = seat(people, chance, [], table_size=4)
    assert sorted(tables.values()) == [1] * 4 + [2] * 4
    best = max(
        _together({p: 1 if p in group else 2 for p in people}, chance)
        for group in itertools.combinations(people, 4)
    )
    # A swap-optimal seating, not always the optimum: over 200 such random cases it was the
    # optimum in 77% and never below 78% of it.
    assert _together(tables, chance) >= 0.75 * best


def test_table_size_below_two_is_refused():
    with pytest.raises(ValueError):
        seat(["a"], {}, [], table_size=1)


@pytest.mark.parametrize("seed", range(20))
def test_tables_differ_by_at_most_one_place(seed):
    rng = random.Random(seed)
    people = [f"p{i}" for i in range(rng.randint(2, 60))]
    chance = {(a, b): rng.random() for a in people for b in people if a < b and rng.random() < 0.2}
    brokers = people[: rng.randint(0, 3)]
    size = rng.randint(2, 10)
    sizes = Counter(seat(people, chance, brokers, table_size=size).values())
    assert max(sizes.values()) - min(sizes.values()) <= 1
    assert max(sizes.values()) <= size and len(sizes) == -(-len(people) // size)
