"""A dataset as one principal may see it, and a regisseur's changes merged back into the whole.

A regisseur sees the actors with a membership of their verbanden (with only those
memberships), the ties between two of those actors, their verbanden, and the events of their
verbanden with their participations. An analist sees everything without personal data
(contact person, e-mail, notes). A beheerder sees everything.

A regisseur's write is merged into the whole dataset: what they could not see is kept as it
was; what they change must stay within their verbanden. Merge records (duplicates) keep both
actors whole, with ties and memberships of other verbanden: only a beheerder sees and writes
them, so in a shared installation merging is the beheerder's task. Actors shared with another
verband (VDAB, a province) keep their other memberships; their own fields can then only be
changed by a beheerder, because the other verband relies on them.
"""

from __future__ import annotations

from dataclasses import replace

from verbinder.graphmodel.access import AccessDeniedError, Principal, Role
from verbinder.graphmodel.model import Actor, Dataset, Membership, Merge

__all__ = ["merge_scoped", "scope_dataset", "strip_personal_data"]

_PROBLEMS_SHOWN = 20


def strip_personal_data(dataset: Dataset) -> Dataset:
    """The dataset without contact persons, e-mail addresses and free-text notes on actors and
    ties (notes may name people), and without merge records (they keep earlier versions)."""
    return dataset.replace(
        actors=tuple(
            replace(a, contact_name=None, contact_email=None, note=None) for a in dataset.actors
        ),
        ties=tuple(replace(t, note=None) for t in dataset.ties),
        merges=(),
    )


def scope_dataset(dataset: Dataset, principal: Principal) -> Dataset:
    """What ``principal`` may see of ``dataset``, marked with that principal.

    >>> from verbinder.graphmodel.model import Membership, Verband
    >>> from verbinder.graphmodel.types import ActorType, Engagement
    >>> m = lambda v: Membership(v, Engagement.ACTIEF)
    >>> data = Dataset("d", verbanden=(Verband("a", "A"), Verband("b", "B")), actors=(
    ...     Actor("x", "X", ActorType.LDE, memberships=(m("a"),)),
    ...     Actor("y", "Y", ActorType.VDAB, memberships=(m("a"), m("b"))),
    ...     Actor("z", "Z", ActorType.WERKGEVER, memberships=(m("b"),))))
    >>> seen = scope_dataset(data, Principal("an", Role.REGISSEUR, frozenset({"a"})))
    >>> [a.id for a in seen.actors], [v.id for v in seen.verbanden], seen.actors[1].verbanden
    (['x', 'y'], ['a'], ('a',))
    """
    if principal.role is Role.BEHEERDER:
        return dataset.replace(principal=principal)
    if principal.role is Role.ANALIST:
        return strip_personal_data(dataset).replace(principal=principal)
    allowed = principal.verbanden
    actors = []
    for actor in dataset.actors:
        kept = tuple(m for m in actor.memberships if m.verband_id in allowed)
        if kept:
            actors.append(replace(actor, memberships=kept))
    visible = {a.id for a in actors}
    events = tuple(e for e in dataset.events if e.verband_id in allowed)
    event_ids = {e.id for e in events}
    return dataset.replace(
        actors=tuple(actors),
        ties=tuple(t for t in dataset.ties if t.source in visible and t.target in visible),
        verbanden=tuple(v for v in dataset.verbanden if v.id in allowed),
        events=events,
        participations=tuple(
            p for p in dataset.participations if p.event_id in event_ids and p.actor_id in visible
        ),
        sources=(),
        merges=_merge_stubs(dataset, visible),
        surveys=tuple(a for a in dataset.surveys if a.verband_id in allowed),
        roster_responses=tuple(r for r in dataset.roster_responses if r.verband_id in allowed),
        principal=principal,
    )


def _merge_stubs(dataset: Dataset, visible: set[str]) -> tuple[Merge, ...]:
    """Which id went into which, for the merges into an actor the principal sees (so that a
    survey form made before a merge can still be read), without the reason or what the two
    actors held: a merge record holds both actors whole, for a beheerder only."""
    into = {dropped for dropped, kept in dataset.merged_into.items() if kept in visible}
    return tuple(replace(m, reason="", before="") for m in dataset.merges if m.dropped in into)


def merge_scoped(current: Dataset | None, changed: Dataset, principal: Principal) -> Dataset:
    """The whole dataset after ``principal`` replaced their part of ``current`` by ``changed``.

    ``current`` is the stored whole (None for a new dataset). A beheerder's ``changed`` is the
    whole. Raises :class:`AccessDeniedError` listing what falls outside the principal's verbanden
    (nothing is written then).
    """
    if principal.role is Role.BEHEERDER:
        return changed.replace(principal=None)
    if principal.role is not Role.REGISSEUR:
        raise AccessDeniedError("Een analist kan lezen maar niets wijzigen of inlezen.")
    whole = current if current is not None else Dataset(changed.name)
    before = scope_dataset(whole, principal)
    problems = _outside(whole, before, changed, principal)
    if problems:
        shown = problems[:_PROBLEMS_SHOWN]
        more = len(problems) - len(shown)
        raise AccessDeniedError(
            "Deze wijziging valt buiten uw verbanden ("
            + ", ".join(sorted(principal.verbanden))
            + "); er is niets bewaard:\n"
            + "\n".join(f"- {p}" for p in shown)
            + (f"\n- en nog {more} andere" if more else "")
        )
    allowed = principal.verbanden
    actors = _merged_actors(whole, before, changed, allowed)
    present = {a.id for a in actors}
    ties = _in_place(
        whole.ties,
        _ids(before.ties),
        changed.ties,
        keep=lambda t: t.source in present and t.target in present,
    )
    events = _in_place(whole.events, _ids(before.events), changed.events)
    event_ids = _ids(events)
    own_events = _ids(before.events) | _ids(changed.events)
    seen_actors = set(before.actor_by_id)
    # Kept as stored: attendance the writer could not see (another verband's event, or an
    # actor of another verband at one of their own events), while both ends still exist.
    participations = tuple(
        p
        for p in whole.participations
        if (p.event_id not in own_events or p.actor_id not in seen_actors)
        and p.event_id in event_ids
        and p.actor_id in present
    ) + tuple(changed.participations)
    known_sources = {s.path for s in whole.sources}
    return whole.replace(
        actors=actors,
        ties=ties,
        verbanden=_in_place(whole.verbanden, _ids(before.verbanden), changed.verbanden),
        merges=whole.merges,
        surveys=_in_place(whole.surveys, _ids(before.surveys), changed.surveys),
        roster_responses=_in_place(
            whole.roster_responses, _ids(before.roster_responses), changed.roster_responses
        ),
        events=events,
        participations=participations,
        sources=whole.sources + tuple(s for s in changed.sources if s.path not in known_sources),
        synthetic=whole.synthetic if current is not None else changed.synthetic,
        description=whole.description if current is not None else changed.description,
        principal=None,
    )


def _ids(records: tuple) -> set[str]:
    return {r.id for r in records}


def _in_place(stored: tuple, seen: set[str], changed: tuple, keep=lambda record: True) -> tuple:
    """Records in their stored order: hidden ones kept (when ``keep`` says so), the ones the
    writer saw (ids ``seen``) as changed or dropped, then the writer's new ones."""
    mine = {r.id: r for r in changed}
    merged = [mine.get(r.id) if r.id in seen else r for r in stored if r.id in seen or keep(r)]
    known = _ids(stored)
    return tuple(r for r in merged if r is not None) + tuple(
        r for r in changed if r.id not in known
    )


def _outside(whole: Dataset, before: Dataset, changed: Dataset, principal: Principal) -> list:
    allowed = principal.verbanden
    problems = [f"verband '{v.id}' is niet van u" for v in changed.verbanden if v.id not in allowed]
    for actor in changed.actors:
        foreign = [m.verband_id for m in actor.memberships if m.verband_id not in allowed]
        if foreign:
            problems.append(f"actor '{actor.id}': lidmaatschap van {', '.join(foreign)}")
        elif not actor.memberships:
            problems.append(f"actor '{actor.id}' hoort bij geen van uw verbanden")
        stored = whole.actor_by_id.get(actor.id)
        if stored is None:
            continue
        if actor.id not in before.actor_by_id:
            problems.append(f"actor-id '{actor.id}' is al in gebruik in een ander verband")
        elif _shared(stored, allowed) and _fields(stored) != _fields(actor):
            others = sorted({m.verband_id for m in stored.memberships} - allowed)
            problems.append(
                f"actor '{actor.id}' hoort ook bij {', '.join(others)}: enkel de beheerder "
                "kan zijn gegevens wijzigen (uw betrokkenheid wel)"
            )
    seen_ties = _ids(before.ties)
    stored_ties = _ids(whole.ties)
    present = changed.actor_by_id
    for tie in changed.ties:
        if tie.source not in present or tie.target not in present:
            problems.append(f"relatie '{tie.id}' gaat naar een actor buiten uw verbanden")
        elif tie.id in stored_ties and tie.id not in seen_ties:
            problems.append(f"relatie-id '{tie.id}' is al in gebruik in een ander verband")
    if [m.id for m in changed.merges] != [m.id for m in before.merges]:
        problems.append(
            "samenvoegen (en ongedaan maken) doet in een gedeelde installatie de beheerder"
        )
    own_events = {e.id for e in changed.events}
    problems += [
        f"deelname van '{p.actor_id}' aan evenement '{p.event_id}': buiten uw verbanden"
        for p in changed.participations
        if p.event_id not in own_events or p.actor_id not in present
    ]
    problems += [
        f"de bevraging van verband '{a.verband_id}' is niet van u"
        for a in changed.surveys
        if a.verband_id not in allowed
    ]
    problems += [
        f"de netwerkbevraging van verband '{r.verband_id}' is niet van u"
        for r in changed.roster_responses
        if r.verband_id not in allowed
    ]
    stored_events = _ids(whole.events)
    seen_events = _ids(before.events)
    for event in changed.events:
        if event.verband_id not in allowed:
            problems.append(f"evenement '{event.id}' hoort niet bij een van uw verbanden")
        elif event.id in stored_events and event.id not in seen_events:
            problems.append(f"evenement-id '{event.id}' is al in gebruik in een ander verband")
    return problems


def _memberships(stored: Actor, new: Actor, allowed: frozenset[str]) -> tuple[Membership, ...]:
    """The stored memberships in their order, the own ones as changed (a dropped one left
    out), then the own ones that are new."""
    mine = {m.verband_id: m for m in new.memberships}
    kept = [mine.get(m.verband_id) if m.verband_id in allowed else m for m in stored.memberships]
    known = {m.verband_id for m in stored.memberships}
    added = [m for m in new.memberships if m.verband_id not in known]
    return tuple(m for m in kept if m is not None) + tuple(added)


def _shared(actor: Actor, allowed: frozenset[str]) -> bool:
    return any(m.verband_id not in allowed for m in actor.memberships)


def _fields(actor: Actor) -> Actor:
    return replace(actor, memberships=())


def _merged_actors(
    whole: Dataset, before: Dataset, changed: Dataset, allowed: frozenset[str]
) -> tuple[Actor, ...]:
    """Hidden actors as stored; visible ones as changed, with their hidden memberships back;
    a removed shared actor keeps its other memberships."""
    merged: list[Actor] = []
    for stored in whole.actors:
        hidden = tuple(m for m in stored.memberships if m.verband_id not in allowed)
        if stored.id not in before.actor_by_id:
            merged.append(stored)
            continue
        new = changed.actor_by_id.get(stored.id)
        if new is not None:
            merged.append(replace(new, memberships=_memberships(stored, new, allowed)))
        elif hidden:
            merged.append(replace(stored, memberships=hidden))
    merged.extend(a for a in changed.actors if a.id not in whole.actor_by_id)
    return tuple(merged)
