"""Merging two actors that are one organisation, recorded so that it can be undone (issue #8).

A merge keeps one actor and folds the other into it: empty fields of the kept actor are filled
from the other, tags and memberships are joined (the kept actor's engagement wins in a verband
both belong to), every tie and attendance moves to the kept actor (a tie between the two
disappears). The dataset gets a :class:`graphmodel.model.Merge` record with everything as it
was, and :func:`undo_merge` puts it back. Two actors with different KBO numbers or different
establishment units are never merged.

The network survey's responses move along (:func:`graphmodel.roster.merged_responses`): the
kept actor takes the dropped one's place on every list, two rows about the two become one, two
forms of the two become one form. The survey ties of a verband whose responses changed are
rebuilt under the rule that gave them (:func:`graphmodel.reconcile.rule_in_use`), so their
confirmation follows the merged answers; when no rule gives them any more (a survey tie was
edited by hand) they move like any other tie.
"""

from __future__ import annotations

import json
from dataclasses import fields, replace
from datetime import UTC, datetime

from verbinder.graphmodel.jsoncodec import dataset_from_dict, dataset_to_dict
from verbinder.graphmodel.model import Actor, Dataset, Merge, Participation, Tie
from verbinder.graphmodel.reconcile import (
    DEFAULT_RULE,
    reconcile,
    rule_in_use,
    survey_ties,
    tie_id_prefix,
)
from verbinder.graphmodel.roster import RosterResponse, merged_responses
from verbinder.queries.actions import fresh_id
from verbinder.queries.duplicates import may_be_one_organisation
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


def _mentions(response: RosterResponse, actor_id: str) -> bool:
    return response.respondent == actor_id or actor_id in response.roster


def _carried(dataset: Dataset, kept_id: str, dropped_id: str) -> tuple[RosterResponse, ...]:
    """The responses a merge changes: those naming the dropped actor, and the kept actor's own
    form in a verband where the dropped one answered."""
    answered = {r.verband_id for r in dataset.roster_responses if r.respondent == dropped_id}
    return tuple(
        r
        for r in dataset.roster_responses
        if _mentions(r, dropped_id) or (r.respondent == kept_id and r.verband_id in answered)
    )


def _rules(dataset: Dataset, verbanden: set[str], first: dict[str, str]) -> dict[str, str]:
    """Per verband whose survey ties a rule gives: that rule (``first`` tried first)."""
    found = {
        v: rule_in_use(v, dataset.roster_responses, dataset.ties, first.get(v, DEFAULT_RULE))
        for v in verbanden
    }
    return {v: rule for v, rule in found.items() if rule is not None}


def _with_survey_ties(
    ties: list[Tie], responses: tuple[RosterResponse, ...], rules: dict[str, str]
) -> tuple[Tie, ...]:
    """``ties`` with the survey ties of the verbanden of ``rules`` rebuilt from ``responses``."""
    prefixes = tuple(tie_id_prefix(v) for v in rules)
    kept = tuple(t for t in ties if not t.id.startswith(prefixes)) if prefixes else tuple(ties)
    return kept + tuple(
        tie
        for verband, rule in rules.items()
        for tie in survey_ties(
            verband, reconcile(r for r in responses if r.verband_id == verband), rule
        )
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
    carried = _carried(dataset, kept_id, dropped_id)
    before = dataset_to_dict(
        Dataset(
            "voor",
            actors=(kept, dropped),
            ties=moved_ties,
            participations=moved_attendance,
            roster_responses=carried,
        ),
        include_personal=True,
    )
    before["position"] = dataset.actors.index(dropped)
    before["kept_events"] = [p.event_id for p in dataset.participations if p.actor_id == kept_id]
    rules = _rules(dataset, {r.verband_id for r in carried}, {})
    before["survey_rules"] = rules
    before["survey_verbanden"] = sorted({r.verband_id for r in carried})
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
    changed = {r.id for r in carried}
    responses = tuple(
        r for r in dataset.roster_responses if r.id not in changed
    ) + merged_responses(carried, kept_id, dropped_id)
    return dataset.replace(
        actors=tuple(
            merged if a.id == kept_id else a for a in dataset.actors if a.id != dropped_id
        ),
        ties=_with_survey_ties(ties, responses, rules),
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
    if later := _later_survey_merge(dataset, record, set(before.get("survey_verbanden", ()))):
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
    recorded = before.get("survey_rules", {})
    rules = _rules(dataset, {r.verband_id for r in saved.roster_responses}, recorded)
    responses = _restored(dataset.roster_responses, saved.roster_responses, record)
    return dataset.replace(
        actors=tuple(actors),
        ties=_with_survey_ties(ties, responses, rules),
        participations=tuple(participations),
        roster_responses=responses,
        merges=tuple(m for m in dataset.merges if m.id != merge_id),
    )


def _later_survey_merge(dataset: Dataset, record: Merge, verbanden: set[str]) -> Merge | None:
    """A merge after ``record`` that changed the survey answers of one of ``verbanden``:
    undoing ``record`` first would put back answers that merge changed since."""
    if not verbanden:
        return None
    later = dataset.merges[dataset.merges.index(record) + 1 :]
    return next(
        (m for m in later if verbanden & set(json.loads(m.before).get("survey_verbanden", ()))),
        None,
    )


def _restored(
    current: tuple[RosterResponse, ...], saved: tuple[RosterResponse, ...], record: Merge
) -> tuple[RosterResponse, ...]:
    """The responses before the merge: each one the merge made goes back to the ones it came
    from, unless a newer form replaced it since (then that form stays, and only the dropped
    actor's own form comes back)."""
    made = {r.id: r for r in merged_responses(saved, record.kept, record.dropped)}
    now = {r.id: r for r in current}
    untouched = {i for i, r in made.items() if now.get(i) == r}

    def carried(response: RosterResponse) -> str:
        who = record.kept if response.respondent == record.dropped else response.respondent
        return f"{response.verband_id}:{who}"

    back = tuple(r for r in saved if carried(r) in untouched or r.respondent == record.dropped)
    return tuple(r for r in current if r.id not in untouched) + back
