"""What merging two actors does to the network survey, and how its undo puts it back (issues #8
and #18).

The responses move along (:func:`graphmodel.roster.merged_responses`): the kept actor takes the
dropped one's place on every list, two rows about the two become one, two forms of the two
become one form. The survey ties of a verband whose responses changed are rebuilt under the rule
that gave them (:func:`graphmodel.reconcile.rule_in_use`), so their confirmation follows the
merged answers; when no rule gives them (a survey tie was edited by hand) they move like any
other tie.

The merge record keeps the two actors' own forms whole, and of every other form only what the
merge changed (where the two stood on its list, its rows about them, the order of its rows):
every form of a verband lists the dropped actor, and whole forms made a record of megabytes.
A fingerprint of each form tells the undo whether the form it rebuilds is the one the merge
changed, or a newer one read since.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from typing import Any

from verbinder.graphmodel.jsoncodec import (
    roster_from_dict,
    roster_to_dict,
    stated_from_dict,
    stated_to_dict,
)
from verbinder.graphmodel.model import Dataset, Merge, Tie
from verbinder.graphmodel.reconcile import DEFAULT_RULE, rule_in_use, with_survey_ties
from verbinder.graphmodel.roster import RosterResponse, merged_responses

__all__ = [
    "carried_responses",
    "later_survey_merge",
    "merged_survey",
    "survey_record",
    "undone_survey",
]


def carried_responses(
    dataset: Dataset, kept_id: str, dropped_id: str
) -> tuple[RosterResponse, ...]:
    """The responses a merge changes: those naming the dropped actor (as respondent or on the
    list), and the kept actor's own form in a verband where the dropped one answered."""
    answered = {r.verband_id for r in dataset.roster_responses if r.respondent == dropped_id}
    return tuple(
        r
        for r in dataset.roster_responses
        if dropped_id == r.respondent
        or dropped_id in r.roster
        or (r.respondent == kept_id and r.verband_id in answered)
    )


def _rules(dataset: Dataset, verbanden: set[str], first: dict[str, str]) -> dict[str, str]:
    """Per verband whose survey ties a rule gives: that rule (``first`` tried first)."""
    found = {
        v: rule_in_use(
            v,
            dataset.roster_responses,
            dataset.ties,
            first.get(v, DEFAULT_RULE),
            synthetic=dataset.synthetic,
        )
        for v in verbanden
    }
    return {v: rule for v, rule in found.items() if rule is not None}


def _digest(response: RosterResponse) -> str:
    """A short fingerprint of a whole form, to recognise it when it is rebuilt."""
    text = json.dumps(roster_to_dict(response), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _change(response: RosterResponse, kept_id: str, dropped_id: str) -> dict[str, Any]:
    """What the merge changes in another organisation's form, and its fingerprint."""
    order = [s.about for s in response.stated]
    in_list_order = sorted(order, key=response.roster.index)
    return {
        "digest": _digest(response),
        "verband_id": response.verband_id,
        "respondent": response.respondent,
        "kept_at": response.roster.index(kept_id) if kept_id in response.roster else None,
        "dropped_at": response.roster.index(dropped_id),
        "rows": [stated_to_dict(s) for s in response.stated if s.about in (kept_id, dropped_id)],
        "order": None if order == in_list_order else order,
    }


def survey_record(
    dataset: Dataset, carried: tuple[RosterResponse, ...], kept_id: str, dropped_id: str
) -> dict[str, Any]:
    """The part of a merge record that lets :func:`undone_survey` put the survey back."""
    verbanden = {r.verband_id for r in carried}
    own = (kept_id, dropped_id)
    return {
        "roster_responses": [roster_to_dict(r) for r in carried if r.respondent in own],
        "roster_changes": [
            _change(r, kept_id, dropped_id) for r in carried if r.respondent not in own
        ],
        "survey_rules": _rules(dataset, verbanden, {}),
        "survey_verbanden": sorted(verbanden),
    }


def merged_survey(
    dataset: Dataset,
    ties: list[Tie],
    carried: tuple[RosterResponse, ...],
    record: dict[str, Any],
    kept_id: str,
    dropped_id: str,
) -> tuple[tuple[RosterResponse, ...], tuple[Tie, ...]]:
    """The responses after the merge (``carried`` is :func:`carried_responses`, ``record``
    :func:`survey_record`), and ``ties`` with the survey ties rebuilt."""
    changed = {r.id for r in carried}
    responses = tuple(
        r for r in dataset.roster_responses if r.id not in changed
    ) + merged_responses(carried, kept_id, dropped_id)
    rules = record["survey_rules"]
    return responses, with_survey_ties(ties, responses, rules, synthetic=dataset.synthetic)


def _original(change: dict[str, Any], current: RosterResponse, merge: Merge) -> RosterResponse:
    """The form as it was before the merge, from the form now and what the merge changed
    (exact when the form is as the merge left it)."""
    roster = [a for a in current.roster if a != merge.kept]
    placed = ((change["kept_at"], merge.kept), (change["dropped_at"], merge.dropped))
    for at, who in sorted((at, who) for at, who in placed if at is not None):
        roster.insert(at, who)
    rows = {s.about: s for s in current.stated if s.about != merge.kept}
    rows |= {s.about: s for s in map(stated_from_dict, change["rows"])}
    order = change["order"] or [a for a in roster if a in rows]
    return replace(current, roster=tuple(roster), stated=tuple(rows[a] for a in order if a in rows))


def later_survey_merge(dataset: Dataset, merge: Merge, verbanden: set[str]) -> Merge | None:
    """A merge after ``merge`` that changed the survey answers of one of ``verbanden``:
    undoing ``merge`` first would put back answers that merge changed since."""
    if not verbanden:
        return None
    later = dataset.merges[dataset.merges.index(merge) + 1 :]
    return next(
        (
            m
            for m in later
            if verbanden & set(json.loads(m.before or "{}").get("survey_verbanden", ()))
        ),
        None,
    )


def undone_survey(
    dataset: Dataset, ties: list[Tie], record: dict[str, Any], merge: Merge
) -> tuple[tuple[RosterResponse, ...], tuple[Tie, ...]]:
    """The responses as before ``merge``, and ``ties`` with the survey ties rebuilt: each
    form the merge made goes back to the ones it came from, unless a newer form replaced it
    since (then that form stays, and only the dropped actor's own form comes back)."""
    now = {r.id: r for r in dataset.roster_responses}
    rebuilt = (
        (change, _original(change, now[key], merge))
        for change in record.get("roster_changes", ())
        if (key := f"{change['verband_id']}:{change['respondent']}") in now
    )
    # Only a form that is the one the merge changed comes back; a newer form that happens to
    # look the same where the merge changed it stays (its fingerprint differs).
    others = (original for change, original in rebuilt if _digest(original) == change["digest"])
    saved = (*map(roster_from_dict, record.get("roster_responses", ())), *others)
    made = {r.id: r for r in merged_responses(saved, merge.kept, merge.dropped)}
    untouched = {i for i, r in made.items() if now.get(i) == r}

    def carried(response: RosterResponse) -> str:
        who = merge.kept if response.respondent == merge.dropped else response.respondent
        return f"{response.verband_id}:{who}"

    back = tuple(r for r in saved if carried(r) in untouched or r.respondent == merge.dropped)
    responses = tuple(r for r in dataset.roster_responses if r.id not in untouched) + back
    # Rebuilt where a rule gave the ties at the merge; elsewhere they moved as they were.
    recorded = record.get("survey_rules", {})
    rules = _rules(dataset, set(recorded), recorded)
    return responses, with_survey_ties(ties, responses, rules, synthetic=dataset.synthetic)
