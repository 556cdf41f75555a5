"""Seat the invitees of a matchmaking event at tables so that suggested pairs sit together.

A greedy heuristic, not an optimum: intermediaries are spread first (one per table, in the
order given), then the suggested pairs are taken from the most to the least likely; a pair
whose two sides are both free goes to the table where it adds most (on a tie, the emptiest),
a pair with one side seated is completed at that table while there is room, and whoever is
left sits where they have most suggested partners; people move from the fullest to the
emptiest table until sizes differ by at most one. Then two people at different tables
swap places while a swap raises the sum of the chances of the pairs that share a table
(a local search; intermediaries keep their table). Tables differ in size by at most one.
On 200 random cases of eight people at two tables, this found the best seating in 77% and
never less than 78% of its total chance (tests/queries/test_seating.py).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

__all__ = ["seat"]

Pair = tuple[str, str]
MAX_PASSES = 20
"""Rounds of the swap search; each round tries every pair of people once."""


def seat(
    invited: Sequence[str],
    chance: Mapping[Pair, float],
    intermediaries: Sequence[str],
    table_size: int,
) -> dict[str, int]:
    """The table (numbered from 1) of every invitee.

    Parameters
    ----------
    invited : sequence of str
        Everyone at the event.
    chance : mapping
        The suggested pairs (SE actor, employer) and how likely each one connects.
    intermediaries : sequence of str
        Invitees to spread over the tables first, most useful first.
    table_size : int
        Places per table (at least 2).

    Returns
    -------
    dict
        Actor id to table number.
    """
    if table_size < 2:
        raise ValueError("table_size must be at least 2")
    if not invited:
        return {}
    tables = math.ceil(len(invited) / table_size)
    room = math.ceil(len(invited) / tables)
    members: list[set[str]] = [set() for _ in range(tables)]
    table_of: dict[str, int] = {}
    present = set(invited)

    def put(actor: str, index: int) -> None:
        members[index].add(actor)
        table_of[actor] = index

    def affinity(actor: str, index: int) -> float:
        return sum(_link(chance, actor, other) for other in members[index])

    def best_table(actors: Sequence[str]) -> int | None:
        free = [i for i in range(tables) if room - len(members[i]) >= len(actors)]
        if not free:
            return None
        return max(free, key=lambda i: (sum(affinity(a, i) for a in actors), -len(members[i]), -i))

    for index, actor in enumerate(a for a in intermediaries if a in present):
        put(actor, index % tables)
    for (se, employer), _ in sorted(chance.items(), key=lambda item: (-item[1], item[0])):
        if se not in present or employer not in present:
            continue
        free = [a for a in (se, employer) if a not in table_of]
        seated = [a for a in (se, employer) if a in table_of]
        if len(free) == 2:
            index = best_table(free)
        elif len(free) == 1 and len(members[table_of[seated[0]]]) < room:
            index = table_of[seated[0]]
        else:
            continue
        if index is not None:
            for actor in free:
                put(actor, index)
    for actor in invited:
        if actor not in table_of:
            put(actor, best_table([actor]))
    _even(members, table_of, chance, set(intermediaries))
    _improve(members, table_of, chance, set(intermediaries))
    return {actor: index + 1 for actor, index in table_of.items()}


def _link(chance: Mapping[Pair, float], a: str, b: str) -> float:
    """The chance of the suggested pair of ``a`` and ``b``, whichever side each is on."""
    return chance.get((a, b), 0.0) + chance.get((b, a), 0.0)


def _even(
    members: list[set[str]],
    table_of: dict[str, int],
    chance: Mapping[Pair, float],
    fixed: set[str],
) -> None:
    """Move people from the fullest to the emptiest table until sizes differ by at most one;
    who moves is who has the least chance at the table left."""

    while True:
        sizes = [len(m) for m in members]
        full, empty = sizes.index(max(sizes)), sizes.index(min(sizes))
        movable = sorted(members[full] - fixed)
        if sizes[full] - sizes[empty] <= 1 or not movable:
            return
        mover = min(movable, key=lambda a: (sum(_link(chance, a, o) for o in members[full]), a))
        members[full].remove(mover)
        members[empty].add(mover)
        table_of[mover] = empty


def _improve(
    members: list[set[str]],
    table_of: dict[str, int],
    chance: Mapping[Pair, float],
    fixed: set[str],
) -> None:
    """Swap two people at different tables while that raises the chance seated together."""

    def affinity(actor: str, index: int, without: str) -> float:
        return sum(_link(chance, actor, o) for o in members[index] if o != without)

    movable = sorted(a for a in table_of if a not in fixed)
    for _ in range(MAX_PASSES):
        improved = False
        for i, a in enumerate(movable):
            for b in movable[i + 1 :]:
                ta, tb = table_of[a], table_of[b]
                if ta == tb:
                    continue
                now = affinity(a, ta, a) + affinity(b, tb, b)
                after = affinity(a, tb, b) + affinity(b, ta, a)
                if after > now + 1e-12:
                    members[ta].remove(a)
                    members[tb].remove(b)
                    members[ta].add(b)
                    members[tb].add(a)
                    table_of[a], table_of[b] = tb, ta
                    improved = True
        if not improved:
            return
