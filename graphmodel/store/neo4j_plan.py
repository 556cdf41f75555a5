"""What a save sends to Neo4j: the dataset as rows, and the steps that turn what the server
holds into it.

A save writes only the difference between the dataset on the server and the one being saved:
nodes are matched by key, relationships by their two end nodes and their rank among the
relationships between those two (in stored order). Unchanged rows are not written, changed
ones are overwritten in place (``SET n = props``), the rest deleted or created. Saving the
same dataset again writes nothing but the dataset node and a history line; a first save is
all creates. Pure functions: :mod:`graphmodel.store.neo4j` runs the steps in one transaction.
"""

from __future__ import annotations

import json
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import pairwise

from verbinder.graphmodel.collector import collector_paused
from verbinder.graphmodel.jsoncodec import dataset_to_dict
from verbinder.graphmodel.model import Dataset

__all__ = [
    "NODE_TABLES",
    "REL_TABLES",
    "Rows",
    "Step",
    "diff_steps",
    "key",
    "new_rows",
    "placed",
]

SEPARATOR = "\x1f"
NODE_TABLES = ("verbanden", "actors", "events")
"""Node tables, in the order they are created (memberships need their verband)."""
REL_TABLES = ("memberships", "ties", "participations")


def key(dataset: str, item: str) -> str:
    """A node's key: ``<dataset>\\x1f<id>``, so that datasets never mix."""
    return f"{dataset}{SEPARATOR}{item}"


@dataclass
class Rows:
    """A dataset as the server stores it (or a server's dataset as read back).

    ``nodes[table]`` maps each key to the node's properties; ``rels[table]`` lists
    relationships in stored order as dicts with ``source`` and ``target`` (node keys),
    ``props`` and, when read from the server, ``id`` (its element id).
    """

    nodes: dict[str, dict[str, dict]] = field(
        default_factory=lambda: {table: {} for table in NODE_TABLES}
    )
    rels: dict[str, list[dict]] = field(default_factory=lambda: {table: [] for table in REL_TABLES})


@dataclass(frozen=True)
class Step:
    """One write statement (a name in :data:`~graphmodel.store.neo4j_cypher.WRITE`) with its
    rows and the number of nodes or relationships it must report."""

    statement: str
    rows: list[dict]
    expected: int


def new_rows(dataset: Dataset) -> tuple[dict, Rows]:
    """The dataset node's properties (without version) and the rows of ``dataset``: the JSON
    codec's records (the one mapping of the model to plain values) become the properties.

    Raises ``ValueError`` (Dutch) when two verbanden, actors or events share an id."""
    name = dataset.name
    with collector_paused():
        data = dataset_to_dict(dataset, include_personal=True)
        rows = Rows()
        nodes, rels = rows.nodes, rows.rels
        for i, v in enumerate(data["verbanden"]):
            nodes["verbanden"][key(name, v["id"])] = _present(
                v, key=key(name, v["id"]), dataset=name, position=i
            )
        for i, (a, actor) in enumerate(zip(data["actors"], dataset.actors, strict=True)):
            source = key(name, a["id"])
            nodes["actors"][source] = _present(
                a,
                skip=("memberships",),
                key=source,
                dataset=name,
                position=i,
                sector=actor.sector_group.value,
            )
            rels["memberships"].extend(
                {
                    "source": source,
                    "target": key(name, m["verband_id"]),
                    "props": _present(m, position=j),
                }
                for j, m in enumerate(a["memberships"])
            )
        rels["ties"] = [
            {
                "source": key(name, t["source"]),
                "target": key(name, t["target"]),
                "props": _present(t, skip=("source", "target"), key=key(name, t["id"]), position=i),
            }
            for i, t in enumerate(data["ties"])
        ]
        for i, e in enumerate(data["events"]):
            nodes["events"][key(name, e["id"])] = _present(
                e, key=key(name, e["id"]), dataset=name, position=i
            )
        rels["participations"] = [
            {
                "source": key(name, p["actor_id"]),
                "target": key(name, p["event_id"]),
                "props": {"position": i},
            }
            for i, p in enumerate(data["participations"])
        ]
        for table, label in (
            ("verbanden", "verbanden"),
            ("actors", "actoren"),
            ("events", "evenementen"),
        ):
            if len(nodes[table]) != len(data[table]):
                counts = Counter(r["id"] for r in data[table])
                twice = next(item for item, n in counts.items() if n > 1)
                raise ValueError(f"twee {label} met id '{twice}'")
        props = {
            "name": name,
            "synthetic": dataset.synthetic,
            "description": dataset.description,
            "sources": [f"{s['path']}\t{s['sha256']}" for s in data["sources"]],
            "merges": json.dumps(data["merges"], ensure_ascii=False),
            "surveys": json.dumps(data["surveys"], ensure_ascii=False),
            "roster_responses": json.dumps(data["roster_responses"], ensure_ascii=False),
        }
    return props, rows


def _present(record: dict, *, skip: tuple[str, ...] = (), **extra: object) -> dict[str, object]:
    """``record``'s properties without the empty ones (None, and empty lists), plus
    ``extra``: Neo4j stores no null (setting one removes the property), so sending them only
    costs time, and the reader restores both."""
    props = {k: v for k, v in record.items() if v is not None and v != []}
    for k in skip:
        props.pop(k, None)
    props.update(extra)
    return props


def diff_steps(old: Rows, new: Rows) -> list[Step]:
    """The steps that turn ``old`` (what the server holds) into ``new``, in order: delete
    relationships, delete nodes (with what still hangs on them), update nodes, create nodes
    (a new actor with its memberships), update and create relationships.

    Rows keep their stored ``position`` (the sort key that gives the dataset's order back)
    wherever the order allows, so that removing one tie does not rewrite all that follow.

    Examples
    --------
    >>> new = Rows()
    >>> new.nodes["actors"]["d\x1fa"] = {"key": "d\x1fa", "name": "A", "position": 0}
    >>> [(s.statement, s.expected) for s in diff_steps(Rows(), new)]
    [('actors', 0)]
    >>> diff_steps(new, new)
    []
    """
    steps: list[Step] = []
    kept = {table: new.nodes[table].keys() & old.nodes[table].keys() for table in NODE_TABLES}
    surviving = set().union(*kept.values())
    added_actors = new.nodes["actors"].keys() - kept["actors"]
    nodes = {table: _placed_nodes(old.nodes[table], new.nodes[table]) for table in NODE_TABLES}
    rel_changes = {}
    for table in REL_TABLES:
        # Relationships on a deleted node go with it; a new actor brings its own memberships
        # (their positions count within the actor, so they need no placing).
        old_rels = [r for r in old.rels[table] if {r["source"], r["target"]} <= surviving]
        new_rels = new.rels[table]
        if table == "memberships":
            new_rels = [r for r in new_rels if r["source"] not in added_actors]
        rel_changes[table] = _match_rels(old_rels, new_rels, place=table != "memberships")
    for table in REL_TABLES:
        gone = rel_changes[table][0]
        _add(steps, f"delete_{table}", [{"source": r["source"], "id": r["id"]} for r in gone])
    for table in NODE_TABLES:
        gone = sorted(old.nodes[table].keys() - kept[table])
        _add(steps, f"delete_{table}", [{"key": k} for k in gone])
    for table in NODE_TABLES:
        changed = [
            {"props": nodes[table][k]}
            for k in sorted(kept[table])
            if nodes[table][k] != old.nodes[table][k]
        ]
        _add(steps, f"update_{table}", changed)
    memberships: dict[str, list[dict]] = {}
    for r in new.rels["memberships"]:
        if r["source"] in added_actors:
            memberships.setdefault(r["source"], []).append(
                {"verband": r["target"], "props": r["props"]}
            )
    for table in NODE_TABLES:
        added = [
            {"props": props, "memberships": memberships.get(k, [])}
            if table == "actors"
            else {"props": props}
            for k, props in nodes[table].items()
            if k not in kept[table]
        ]
        _add(steps, table, added)
    for table in REL_TABLES:
        _, changed, added = rel_changes[table]
        _add(steps, f"update_{table}", changed)
        _add(steps, table, added)
    return steps


def _add(steps: list[Step], statement: str, rows: list[dict]) -> None:
    if rows:
        expected = sum(len(r["memberships"]) for r in rows) if statement == "actors" else len(rows)
        steps.append(Step(statement, rows, expected))


def _placed_nodes(old: dict[str, dict], new: dict[str, dict]) -> dict[str, dict]:
    if not old:  # all new: their positions from new_rows stand
        return new
    positions = placed([old[k].get("position") if k in old else None for k in new])
    return {
        k: _with_position(props, p) for (k, props), p in zip(new.items(), positions, strict=True)
    }


def _with_position(props: dict, position: float) -> dict:
    return props if props.get("position") == position else {**props, "position": position}


def _match_rels(
    old: list[dict], new: list[dict], *, place: bool
) -> tuple[list[dict], list[dict], list[dict]]:
    """Pair old and new relationships by (source, target, rank among the relationships
    between the two); return the old ones to delete, the updates (old id, new properties)
    and the new ones to create. With ``place`` the new ones keep the old positions where
    the order allows."""
    if not old:  # all new (a first save): positions from new_rows stand
        return [], [], new
    old_by = dict(_ranked(old))
    pairs = list(_ranked(new))
    befores = [old_by.get(identity) for identity, _ in pairs]
    if place:
        positions = placed([b["props"].get("position") if b else None for b in befores])
        pairs = [
            (identity, {**r, "props": _with_position(r["props"], p)})
            for (identity, r), p in zip(pairs, positions, strict=True)
        ]
    changed, added = [], []
    matched = set()
    for (identity, r), before in zip(pairs, befores, strict=True):
        if before is None:
            added.append(r)
            continue
        matched.add(identity)
        if before["props"] != r["props"]:
            changed.append({"source": r["source"], "id": before["id"], "props": r["props"]})
    gone = [r for identity, r in _ranked(old) if identity not in matched]
    return gone, changed, added


def _ranked(rels: list[dict]) -> Iterator[tuple[tuple[str, str, int], dict]]:
    seen: dict[tuple[str, str], int] = {}
    for r in rels:
        pair = (r["source"], r["target"])
        rank = seen.get(pair, 0)
        seen[pair] = rank + 1
        yield (*pair, rank), r


def placed(old: list[float | None]) -> list[float]:
    """Sort keys for rows in their new order, given each row's stored key (None for a new
    row): the longest run of stored keys that is still in order is kept, the other rows get
    keys spread between their kept neighbours (after the last: one apart). When floating
    point cannot fit a key in between, all rows are numbered again from 0.

    Examples
    --------
    >>> placed([None, None, None])
    [0, 1, 2]
    >>> placed([0, 2, 3])        # the row at 1 was removed: nothing moves
    [0, 2, 3]
    >>> placed([0, None, 1, 2])  # a row inserted after the first
    [0, 0.5, 1, 2]
    >>> placed([2, 0, 1])        # the last row moved to the front
    [-1, 0, 1]
    """
    keys: list[float | None] = [None] * len(old)
    for i in _longest_increasing(old):
        keys[i] = old[i]
    if not any(k is not None for k in keys):
        return list(range(len(old)))
    start = 0
    while start < len(keys):
        if keys[start] is not None:
            start += 1
            continue
        end = start
        while end < len(keys) and keys[end] is None:
            end += 1
        low = keys[start - 1] if start else None
        high = keys[end] if end < len(keys) else None
        gap = end - start
        for j in range(gap):
            if high is None:
                keys[start + j] = low + j + 1
            elif low is None:
                keys[start + j] = high - gap + j
            else:
                keys[start + j] = low + (high - low) * (j + 1) / (gap + 1)
        start = end
    if any(a >= b for a, b in pairwise(keys)):
        return list(range(len(old)))
    return keys


def _longest_increasing(values: list[float | None]) -> list[int]:
    """Indices of a longest strictly increasing subsequence of the values that are not None
    (patience sorting, O(n log n))."""
    tails: list[int] = []  # index of the smallest tail of an increasing run of each length
    tail_values: list[float] = []
    before: dict[int, int | None] = {}
    for i, value in enumerate(values):
        if value is None:
            continue
        length = bisect_left(tail_values, value)
        before[i] = tails[length - 1] if length else None
        if length == len(tails):
            tails.append(i)
            tail_values.append(value)
        else:
            tails[length] = i
            tail_values[length] = value
    run = []
    at = tails[-1] if tails else None
    while at is not None:
        run.append(at)
        at = before[at]
    return run[::-1]
