"""Plan a matchmaking event: whom to invite so that new, well-fitting SE-regular links can form.

The candidate pairs and their scores come from :func:`queries.missing_links.missing_links`
(score divided by the sum of the weights, so that it reads as a chance between 0 and 1). The
invite list is built greedily (Nemhauser, Wolsey and Fisher 1978): each step adds the
organisation that raises the expected number of new links the most,

    E = sum over invited pairs (s, e) of p(s, e) * (1 + bonus * [a common partner of s and e
        is invited as intermediary]),

while the SE side and the employer side stay within ``balance`` of each other and
intermediaries (regisseur excluded, who hosts) take at most ``intermediary_share`` of the
places. Only the best ``20 x capacity`` candidate pairs are considered, which keeps the
planner quick on the largest verband. Every invitation comes with the reason it was chosen.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection

import pandas as pd

from graphmodel.model import Dataset
from graphmodel.sector_fit import SectorFit
from graphmodel.types import ActorType, SectorGroup
from queries.missing_links import DEFAULT_WEIGHTS, FEATURES, Weights, missing_links
from queries.permissions import require

__all__ = ["INVITE_COLUMNS", "plan_event"]

INVITE_COLUMNS = (
    "actor",
    "naam",
    "type",
    "kant",
    "bijdrage",
    "reden",
)
"""The columns of :func:`plan_event`, in order; their meaning is in the measure catalogue."""

SE, EMPLOYER, BROKER = "sociale economie", "werkgever", "tussenpersoon"
POOL_FACTOR = 20
"""The planner considers the best ``POOL_FACTOR x capacity`` candidate pairs."""


def _names(names: list[str], limit: int = 3) -> str:
    shown = ", ".join(names[:limit])
    return shown + (", ..." if len(names) > limit else "")


def plan_event(
    dataset: Dataset,
    verband_id: str,
    *,
    capacity: int,
    fit: SectorFit,
    sectors: Collection[str] | None = None,
    municipalities: Collection[str] | None = None,
    balance: float = 0.2,
    intermediary_share: float = 0.2,
    bonus: float = 0.5,
    weights: Weights = DEFAULT_WEIGHTS,
) -> pd.DataFrame:
    """An invite list of at most ``capacity`` organisations, best first, each with a reason.

    Parameters
    ----------
    dataset, verband_id :
        The verband whose members are invited.
    capacity : int
        Places at the event (the regisseur, who hosts, is not counted).
    fit : SectorFit
    sectors, municipalities : optional
        The theme: only pairs in these NACE sections or SE activities, and only organisations
        located in these municipalities.
    balance : float
        The two sides may differ by at most this share of the invited SE actors and employers
        (0.2: at most 60/40), and by at most one when the list is small.
    intermediary_share : float
        At most this share of the places goes to intermediaries.
    bonus : float
        How much an invited common partner raises the chance that a pair connects.

    Returns
    -------
    DataFrame
        Columns of :data:`INVITE_COLUMNS`; ``attrs["verwachte_links"]`` is E for the list.
    """
    require(dataset, verband_id, detail=True)
    if capacity < 2:
        raise ValueError("capacity must be at least 2")
    links = missing_links(
        dataset,
        verband_id,
        municipalities=municipalities,
        sectors=sectors,
        fit=fit,
        weights=weights,
        top=POOL_FACTOR * capacity,
    )
    total_weight = sum(getattr(weights, f) for f in FEATURES) or 1.0
    towns = {m.lower() for m in municipalities or ()}
    chance = {
        (r.se_actor, r.werkgever): r.score / total_weight for r in links.itertuples(index=False)
    }
    pairs_of: dict[str, list[tuple[str, tuple[str, str]]]] = defaultdict(list)
    for pair in chance:
        pairs_of[pair[0]].append((pair[1], pair))
        pairs_of[pair[1]].append((pair[0], pair))
    partners = defaultdict(set)
    for tie in dataset.ties:
        partners[tie.source].add(tie.target)
        partners[tie.target].add(tie.source)
    by_id = dataset.actor_by_id
    brokers = [
        a.id
        for a in dataset.members_of(verband_id)
        if a.sector_group in (SectorGroup.INTERMEDIAIR, SectorGroup.OVERHEID)
        and a.type is not ActorType.REGISSEUR
        and (municipalities is None or (a.municipality or "").lower() in towns)
    ]
    introduces = {
        z: {pair for pair in chance if pair[0] in partners[z] and pair[1] in partners[z]}
        for z in brokers
    }
    introduces = {z: pairs for z, pairs in introduces.items() if pairs}
    introducers: dict[tuple[str, str], set[str]] = defaultdict(set)
    for z, pairs in introduces.items():
        for pair in pairs:
            introducers[pair].add(z)
    side = (
        {s: SE for s, _ in chance}
        | {e: EMPLOYER for _, e in chance}
        | dict.fromkeys(introduces, BROKER)
    )

    invited: list[str] = []
    chosen: dict[str, str] = {}
    gains: dict[str, float] = {}
    group: set[str] = set()

    def helped(pair: tuple[str, str]) -> bool:
        return any(z in group for z in introducers.get(pair, ()))

    def gain(candidate: str) -> float:
        """How much inviting ``candidate`` raises the expected number of new links."""
        if side[candidate] == BROKER:
            return sum(
                bonus * chance[pair]
                for pair in introduces[candidate]
                if pair[0] in group and pair[1] in group and not helped(pair)
            )
        return sum(
            chance[pair] * (1 + bonus * helped(pair))
            for other, pair in pairs_of[candidate]
            if other in group
        )

    def allowed(candidate: str) -> bool:
        counts = {SE: 0, EMPLOYER: 0, BROKER: 0}
        for actor in (*invited, candidate):
            counts[side[actor]] += 1
        if counts[BROKER] > int(intermediary_share * capacity):
            return False
        pair_total = counts[SE] + counts[EMPLOYER]
        return abs(counts[SE] - counts[EMPLOYER]) <= max(1, balance * pair_total)

    current = 0.0
    while len(invited) < capacity:
        best, best_value = None, 0.0
        for candidate in side:
            if candidate in group or not allowed(candidate):
                continue
            value = gain(candidate)
            if not invited and side[candidate] != BROKER:
                # Start from the best pair: a lone SE actor or employer gains nothing yet.
                value = max(chance[pair] for _, pair in pairs_of[candidate])
            if value > best_value + 1e-12 or (
                best is not None and abs(value - best_value) <= 1e-12 and candidate < best
            ):
                best, best_value = candidate, value
        if best is None:
            break
        gains[best] = gain(best)
        current += gains[best]
        invited.append(best)
        group.add(best)
    for actor in invited:
        chosen[actor] = _reason(actor, side[actor], group, chance, introduces, by_id)
    rows = [
        {
            "actor": a,
            "naam": by_id[a].name,
            "type": by_id[a].type.value,
            "kant": side[a],
            "bijdrage": gains[a],
            "reden": chosen[a],
        }
        for a in invited
    ]
    frame = pd.DataFrame(rows, columns=list(INVITE_COLUMNS))
    frame.attrs["verwachte_links"] = current
    frame.attrs["synthetic"] = dataset.synthetic
    return frame


def _reason(actor, kind, group, chance, introduces, by_id) -> str:
    if kind == BROKER:
        pairs = [pair for pair in introduces[actor] if pair[0] in group and pair[1] in group]
        names = [f"{by_id[s].name} - {by_id[e].name}" for s, e in pairs]
        return f"kan {len(pairs)} uitgenodigde paren aan elkaar voorstellen ({_names(names, 2)})"
    if kind == SE:
        matches = sorted(
            ((p, e) for (s, e), p in chance.items() if s == actor and e in group), reverse=True
        )
        names = [by_id[e].name for _, e in matches]
        return f"past bij {len(matches)} uitgenodigde werkgever(s): {_names(names)}"
    matches = sorted(
        ((p, s) for (s, e), p in chance.items() if e == actor and s in group), reverse=True
    )
    names = [by_id[s].name for _, s in matches]
    return f"past bij {len(matches)} uitgenodigde SE-actor(en): {_names(names)}"
