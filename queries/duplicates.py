"""Which actors may be the same organisation, entered twice or from two sources (issue #8).

Pairs come from three rules, in this order:

1. the same KBO number (and not two different establishment units of it): *zeker*;
2. the same normalised name (lower case, no accents, punctuation or legal form such as NV,
   BV, VZW) in the same municipality, where at most one of the two has a KBO number:
   *na te kijken*;
3. nearly the same normalised name (Indel similarity at least 0.9, ``rapidfuzz.fuzz.ratio``,
   compared within the same municipality and first letter) under the same condition: *na te
   kijken*; except when the names hold different numbers ("Kringwinkel 1" and "Kringwinkel
   2" are two shops) or start with different short words (acronyms such as "ABVV" and "ACV":
   two organisations).

Two actors with different KBO numbers, or different establishment units, are never a pair.
rapidfuzz compares a block's names in C, all pairs at once (Bachmann, M. RapidFuzz,
https://github.com/rapidfuzz/RapidFuzz); a pure-Python pairwise ``difflib`` took 23 s on the
30,000-actor demo.
Nothing is merged here: :mod:`queries.merging` merges a pair the user confirmed.
"""

from __future__ import annotations

import re
from collections import defaultdict
from itertools import combinations

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process
from verbinder.graphmodel.model import Actor, Dataset
from verbinder.graphmodel.names import organisation_key
from verbinder.queries.permissions import require

__all__ = [
    "CERTAIN",
    "DUPLICATE_COLUMNS",
    "REVIEW",
    "find_duplicates",
    "may_be_one_organisation",
]

CERTAIN = "zeker"
REVIEW = "na te kijken"
SIMILAR = 0.9
ACRONYM = 5
"""First words this short that differ make two organisations (ABVV, ACV)."""
DUPLICATE_COLUMNS = (
    "actor_a",
    "naam_a",
    "actor_b",
    "naam_b",
    "gemeente",
    "zekerheid",
    "reden",
)
"""The columns of :func:`find_duplicates`, in order; their meaning is in the measure catalogue."""


def may_be_one_organisation(a: Actor, b: Actor) -> bool:
    """False when the two carry different KBO numbers or different establishment units."""
    if a.kbo and b.kbo and a.kbo != b.kbo:
        return False
    unit_a, unit_b = a.establishment_unit, b.establishment_unit
    return not (unit_a and unit_b and unit_a != unit_b)


def _similar(block: list[tuple[str, Actor]]) -> list[tuple[tuple[str, Actor], ...]]:
    """The pairs of a block whose names are at least :data:`SIMILAR` alike."""
    if len(block) < 2:
        return []
    names = [name for name, _ in block]
    scores = process.cdist(names, names, scorer=fuzz.ratio, score_cutoff=100 * SIMILAR)
    rows, columns = np.nonzero(np.triu(scores, k=1))
    return [(block[i], block[j]) for i, j in zip(rows.tolist(), columns.tolist(), strict=True)]


def _told_apart(a: str, b: str) -> bool:
    """Names alike in letters that still name two organisations: other numbers, or other
    short first words (acronyms).

    >>> _told_apart("kringwinkel 1", "kringwinkel 2"), _told_apart("abvv gent", "acv gent")
    (True, True)
    >>> _told_apart("transport peeters", "transprot peeters")
    False
    """
    if re.findall(r"\d+", a) != re.findall(r"\d+", b):
        return True
    first_a, first_b = a.split()[0], b.split()[0]
    return first_a != first_b and max(len(first_a), len(first_b)) <= ACRONYM


def find_duplicates(dataset: Dataset) -> pd.DataFrame:
    """Candidate pairs of the same organisation, certain ones first (columns of
    :data:`DUPLICATE_COLUMNS`).

    >>> from verbinder.graphmodel.types import ActorType
    >>> data = Dataset("d", actors=(
    ...     Actor("a", "Transport Peeters NV", ActorType.WERKGEVER, "Genk", kbo="0403170701"),
    ...     Actor("b", "Transport Peeters", ActorType.WERKGEVER, "genk"),
    ...     Actor("c", "Transport Peeters", ActorType.WERKGEVER, "Genk", kbo="0872480059")))
    >>> find_duplicates(data)[["actor_a", "actor_b", "zekerheid"]].values.tolist()
    [['a', 'b', 'na te kijken'], ['b', 'c', 'na te kijken']]
    """
    require(dataset, detail=True)
    rows: list[dict] = []
    seen: set[tuple[str, str]] = set()

    def add(a: Actor, b: Actor, certainty: str, reason: str) -> None:
        key = tuple(sorted((a.id, b.id)))
        if key in seen or not may_be_one_organisation(a, b):
            return
        seen.add(key)
        first, second = (a, b) if a.id <= b.id else (b, a)
        rows.append(
            {
                "actor_a": first.id,
                "naam_a": first.name,
                "actor_b": second.id,
                "naam_b": second.name,
                "gemeente": first.municipality or "",
                "zekerheid": certainty,
                "reden": reason,
            }
        )

    by_kbo: dict[str, list[Actor]] = defaultdict(list)
    for actor in dataset.actors:
        if actor.kbo:
            by_kbo[actor.kbo].append(actor)
    for kbo, group in by_kbo.items():
        for a, b in combinations(group, 2):
            add(a, b, CERTAIN, f"zelfde KBO-nummer {kbo[:4]}.{kbo[4:7]}.{kbo[7:]}")

    blocks: dict[tuple[str, str], list[tuple[str, Actor]]] = defaultdict(list)
    for actor in dataset.actors:
        name = organisation_key(actor.name)
        if name:
            blocks[((actor.municipality or "").casefold(), name[:1])].append((name, actor))
    for block in blocks.values():
        for (name_a, a), (name_b, b) in _similar(block):
            if a.kbo and b.kbo:
                continue  # rule 1 decided already
            if name_a == name_b:
                add(a, b, REVIEW, "zelfde naam en gemeente")
            elif not _told_apart(name_a, name_b):
                add(a, b, REVIEW, "bijna dezelfde naam in dezelfde gemeente")
    frame = pd.DataFrame(rows, columns=list(DUPLICATE_COLUMNS))
    order = frame["zekerheid"].map({CERTAIN: 0, REVIEW: 1})
    return (
        frame.assign(_order=order)
        .sort_values(["_order", "actor_a", "actor_b"])
        .drop(columns="_order")
        .reset_index(drop=True)
    )
