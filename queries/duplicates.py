"""Which actors may be the same organisation, entered twice or from two sources (issue #8).

Pairs come from three rules, in this order:

1. the same KBO number (and not two different establishment units of it): *zeker*;
2. the same normalised name (lower case, no accents, punctuation or legal form such as NV,
   BV, VZW) in the same municipality, where at most one of the two has a KBO number:
   *na te kijken*;
3. nearly the same normalised name (difflib ratio at least 0.9, compared within the same
   municipality and first letter) under the same condition: *na te kijken*.

Two actors with different KBO numbers, or different establishment units, are never a pair.
Nothing is merged here: :mod:`queries.merging` merges a pair the user confirmed.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import defaultdict
from itertools import combinations

import pandas as pd

from graphmodel.model import Actor, Dataset
from queries.permissions import require

__all__ = [
    "CERTAIN",
    "DUPLICATE_COLUMNS",
    "REVIEW",
    "find_duplicates",
    "may_be_one_organisation",
    "normalised_name",
]

CERTAIN = "zeker"
REVIEW = "na te kijken"
SIMILAR = 0.9
LEGAL_FORMS = {
    "nv",
    "bv",
    "bvba",
    "ebvba",
    "cv",
    "cvba",
    "cvoa",
    "vzw",
    "ivzw",
    "vof",
    "commv",
    "sa",
    "srl",
    "sprl",
    "scrl",
    "sc",
    "asbl",
}

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


def normalised_name(name: str) -> str:
    """A name for comparison: no accents, case, punctuation or legal form.

    >>> normalised_name("Kringwinkel Zoë VZW"), normalised_name("'t Atelier b.v.")
    ('kringwinkel zoe', 't atelier')
    """
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"\b([a-z])\.(?=[a-z]\.)", r"\1", text)  # b.v. -> bv.
    words = [w for w in re.split(r"[^a-z0-9]+", text.replace(".", "")) if w]
    return " ".join(w for w in words if w not in LEGAL_FORMS)


def may_be_one_organisation(a: Actor, b: Actor) -> bool:
    """False when the two carry different KBO numbers or different establishment units."""
    if a.kbo and b.kbo and a.kbo != b.kbo:
        return False
    unit_a, unit_b = a.establishment_unit, b.establishment_unit
    return not (unit_a and unit_b and unit_a != unit_b)


def find_duplicates(dataset: Dataset) -> pd.DataFrame:
    """Candidate pairs of the same organisation, certain ones first (columns of
    :data:`DUPLICATE_COLUMNS`).

    >>> from graphmodel.types import ActorType
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
        name = normalised_name(actor.name)
        if name:
            blocks[((actor.municipality or "").casefold(), name[:1])].append((name, actor))
    for block in blocks.values():
        for (name_a, a), (name_b, b) in combinations(block, 2):
            if a.kbo and b.kbo:
                continue  # rule 1 decided already
            if name_a == name_b:
                add(a, b, REVIEW, "zelfde naam en gemeente")
            elif difflib.SequenceMatcher(None, name_a, name_b).ratio() >= SIMILAR:
                add(a, b, REVIEW, "bijna dezelfde naam in dezelfde gemeente")
    frame = pd.DataFrame(rows, columns=list(DUPLICATE_COLUMNS))
    order = frame["zekerheid"].map({CERTAIN: 0, REVIEW: 1})
    return (
        frame.assign(_order=order)
        .sort_values(["_order", "actor_a", "actor_b"])
        .drop(columns="_order")
        .reset_index(drop=True)
    )
