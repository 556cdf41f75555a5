"""Merging two actors that are one organisation, recorded so that it can be undone (issue #8).

A merge keeps one actor and folds the other into it: empty fields of the kept actor are filled
from the other, tags and memberships are joined (the kept actor's engagement wins in a verband
both belong to), every tie and attendance moves to the kept actor (a tie between the two
disappears). The dataset gets a :class:`graphmodel.model.Merge` record with everything as it
was, and :func:`undo_merge` puts it back. Two actors with different KBO numbers or different
establishment units are never merged.

The network survey's answers move along, and come back with the undo
(:mod:`queries.merge_survey`).
"""

from __future__ import annotations

import json
from dataclasses import fields, replace
from datetime import UTC, datetime

from verbinder.graphmodel.jsoncodec import dataset_from_dict, dataset_to_dict
from verbinder.graphmodel.model import Actor, Dataset, Merge, Participation
from verbinder.queries.actions import fresh_id
from verbinder.queries.duplicates import may_be_one_organisation
from verbinder.queries.merge_survey import (
    carried_responses,
    later_survey_merge,
    merged_survey,
    survey_record,
    undone_survey,
)
from verbinder.queries.permissions import require

__all__ = ["MergeRefusedError", "merge_actors", "undo_merge"]

_JOINED = frozenset({"id", "name", "type", "memberships", "tags"})
"""Actor fields a merge does not fill from the dropped actor: its identity, and what it joins."""


class MergeRefusedError(ValueError):
    """The merge or its undo cannot be done; the message is Dutch."""


def _joined(kept: Actor, dropped: Actor) -> Actor:
    filled = {
        f.name: getattr(dropped, f.name)
        for f in fields(kept)
        if f.name not in _JOINED
        and getattr(kept, f.name) in (None, ())
        and getattr(dropped, f.name) not in (None, ())
    }
    own = set(kept.verbanden)
    return replace(
        kept,
        **filled,
        tags=kept.tags + tuple(t for t in dropped.tags if t not in kept.tags),
        memberships=kept.memberships
        + tuple(m for m in dropped.memberships if m.verband_id not in own),
    )


def merge_actors(
    dataset: Dataset, kept_id: str, dropped_id: str, *, reason: str, at: datetime | None = None
) -> Dataset:
    """The dataset with ``dropped_id`` merged into ``kept_id`` and the merge recorded.

    Raises :class:`MergeRefusedError` for an unknown actor, the same actor twice, or two
    different KBO numbers or establishment units.
    """
    require(dataset, detail=True)
    actors = dataset.actor_by_id
    for actor_id in (kept_id, dropped_id):
        if actor_id not in actors:
            raise MergeRefusedError(f"'{actor_id}' is geen actor van deze dataset")
    if kept_id == dropped_id:
        raise MergeRefusedError("een actor kan niet met zichzelf samengevoegd worden")
    kept, dropped = actors[kept_id], actors[dropped_id]
    if not may_be_one_organisation(kept, dropped):
        raise MergeRefusedError(
            f"'{kept.name}' en '{dropped.name}' hebben een ander KBO-nummer of een andere "
            "vestiging: dat zijn twee organisaties"
        )
    moved_ties = tuple(t for t in dataset.ties if dropped_id in (t.source, t.target))
    moved_attendance = tuple(p for p in dataset.participations if p.actor_id == dropped_id)
    before = dataset_to_dict(
        Dataset("voor", actors=(kept, dropped), ties=moved_ties, participations=moved_attendance),
        include_personal=True,
    )
    before["position"] = dataset.actors.index(dropped)
    before["kept_events"] = [p.event_id for p in dataset.participations if p.actor_id == kept_id]
    carried = carried_responses(dataset, kept_id, dropped_id)
    before |= survey_record(dataset, carried, kept_id, dropped_id)
    merged = _joined(kept, dropped)
    before["merged"] = dataset_to_dict(Dataset("na", actors=(merged,)), include_personal=True)[
        "actors"
    ][0]
    ties = []
    for tie in dataset.ties:
        source = kept_id if tie.source == dropped_id else tie.source
        target = kept_id if tie.target == dropped_id else tie.target
        if source == target and dropped_id in (tie.source, tie.target):
            continue  # a tie between the two becomes no tie
        ties.append(replace(tie, source=source, target=target))
    attended = {p.event_id for p in dataset.participations if p.actor_id == kept_id}
    participations = []
    for p in dataset.participations:
        if p.actor_id != dropped_id:
            participations.append(p)
        elif p.event_id not in attended:
            participations.append(Participation(p.event_id, kept_id))
            attended.add(p.event_id)
    record = Merge(
        fresh_id("samenvoeging", dataset.merges),
        (at or datetime.now(UTC)).replace(microsecond=0),
        kept_id,
        dropped_id,
        reason,
        json.dumps(before, ensure_ascii=False),
    )
    responses, ties = merged_survey(dataset, ties, carried, before, kept_id, dropped_id)
    return dataset.replace(
        actors=tuple(
            merged if a.id == kept_id else a for a in dataset.actors if a.id != dropped_id
        ),
        ties=ties,
        roster_responses=responses,
        participations=tuple(participations),
        merges=(*dataset.merges, record),
    )


def undo_merge(dataset: Dataset, merge_id: str) -> Dataset:
    """The dataset as before merge ``merge_id``, keeping what changed elsewhere since.

    Raises :class:`MergeRefusedError` for an unknown merge, or when the kept actor was changed
    after the merge (undoing would lose that change) or the dropped id is in use again.
    """
    require(dataset, detail=True)
    record = next((m for m in dataset.merges if m.id == merge_id), None)
    if record is None:
        raise MergeRefusedError(f"'{merge_id}' is geen samenvoeging van deze dataset")
    if not record.before:  # a regisseur's copy: which id went into which, nothing more
        raise MergeRefusedError(
            "samenvoegen en ongedaan maken doet in een gedeelde installatie de beheerder"
        )
    before = json.loads(record.before)
    saved = dataset_from_dict({**before, "name": "voor", "merges": []})
    kept, dropped = saved.actors
    merged = dataset_from_dict(
        {
            **before,
            "name": "na",
            "actors": [before["merged"]],
            "ties": [],
            "participations": [],
            "merges": [],
        }
    ).actors[0]
    current = dataset.actor_by_id.get(record.kept)
    if current is None or current != merged:
        raise MergeRefusedError(
            f"'{record.kept}' werd na het samenvoegen nog gewijzigd; maak dat eerst ongedaan "
            "of pas de actor met de hand aan"
        )
    if record.dropped in dataset.actor_by_id:
        raise MergeRefusedError(f"de id '{record.dropped}' is intussen opnieuw in gebruik")
    if later := later_survey_merge(dataset, record, set(before.get("survey_verbanden", ()))):
        raise MergeRefusedError(
            f"maak eerst '{later.id}' ongedaan: die samenvoeging veranderde daarna dezelfde "
            "antwoorden van de netwerkbevraging"
        )
    actors = [kept if a.id == record.kept else a for a in dataset.actors]
    actors.insert(min(before["position"], len(actors)), dropped)
    original = {t.id: t for t in saved.ties}

    def moved(end: str) -> str:
        return record.kept if end == record.dropped else end

    between = [t for t in saved.ties if moved(t.source) == moved(t.target)]
    # Moved ties go back where they were (unless deleted since); a tie between the two, which
    # the merge removed, comes back.
    ties = [original.get(t.id, t) for t in dataset.ties] + between
    own_events = set(before["kept_events"])
    returned = {p.event_id for p in saved.participations}
    participations = [
        p
        for p in dataset.participations
        if not (p.actor_id == record.kept and p.event_id in returned - own_events)
    ] + list(saved.participations)
    responses, ties = undone_survey(dataset, ties, before, record)
    return dataset.replace(
        actors=tuple(actors),
        ties=ties,
        participations=tuple(participations),
        roster_responses=responses,
        merges=tuple(m for m in dataset.merges if m.id != merge_id),
    )
