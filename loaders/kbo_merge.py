"""KBO employers into a dataset: new organisations are added, known ones completed, never
overwritten.

An actor from the register matches a dataset actor that carries the same establishment tag
(``vestiging:2.xxx.xxx.xxx``), or, for a register unit without one, the same KBO number when
exactly one dataset actor has it. A match gets the verband's membership (engagement ``geen``)
when it had none, its empty municipality and NACE codes filled in, and the register tags; its
name and everything else a user entered stay as they are (a different name in the register is
reported). Running the same import twice changes nothing the second time.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from verbinder.graphmodel.model import Actor, Dataset
from verbinder.graphmodel.reference import reference_verband
from verbinder.loaders.kbo import KboSelection

__all__ = ["KboMerge", "merge_employers"]


@dataclass
class KboMerge:
    """The dataset after the merge and what happened to each register unit."""

    dataset: Dataset
    added: int = 0
    completed: int = 0
    unchanged: int = 0
    other_names: list[tuple[str, str, str]] = field(default_factory=list)
    """(actor id, name in the dataset, name in the register) where they differ."""


def _completed(known: Actor, found: Actor, verband_id: str) -> Actor:
    memberships = known.memberships
    if verband_id not in known.verbanden:
        memberships = (*memberships, *found.memberships)
    return replace(
        known,
        municipality=known.municipality or found.municipality,
        nace=known.nace or found.nace,
        memberships=memberships,
        tags=known.tags + tuple(t for t in found.tags if t not in known.tags),
    )


def merge_employers(dataset: Dataset, selection: KboSelection, verband_id: str) -> KboMerge:
    """``dataset`` with the employers of ``selection`` (found for ``verband_id``) merged in.

    The verband is added from the reference list when the dataset does not have it yet.
    """
    actors = list(dataset.actors)
    position = {a.id: i for i, a in enumerate(actors)}
    by_unit = {a.establishment_unit: a.id for a in actors if a.establishment_unit}
    by_kbo: dict[str, list[str]] = {}
    for actor in actors:
        if actor.kbo and not actor.establishment_unit:
            by_kbo.setdefault(actor.kbo, []).append(actor.id)
    units_per_kbo: dict[str, int] = {}
    for found in selection.actors:
        units_per_kbo[found.kbo] = units_per_kbo.get(found.kbo, 0) + 1
    result = KboMerge(dataset)
    for found in selection.actors:
        unit = found.establishment_unit
        match = by_unit.get(unit) if unit else None
        if match is None and found.id in position:
            match = found.id
        if match is None and len(by_kbo.get(found.kbo, [])) == 1 and units_per_kbo[found.kbo] == 1:
            match = by_kbo[found.kbo][0]
        if match is None:
            position[found.id] = len(actors)
            actors.append(found)
            result.added += 1
            continue
        known = actors[position[match]]
        updated = _completed(known, found, verband_id)
        if known.name != found.name:
            result.other_names.append((known.id, known.name, found.name))
        if updated == known:
            result.unchanged += 1
        else:
            actors[position[match]] = updated
            result.completed += 1
    verbanden = dataset.verbanden
    if verband_id not in dataset.verband_by_id:
        verbanden = (*verbanden, reference_verband(verband_id))
    result.dataset = dataset.replace(actors=tuple(actors), verbanden=verbanden)
    return result
