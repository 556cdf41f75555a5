"""How well missing-links finds ties that exist: hide some, ask for suggestions, count the hits.

A share of the demo's SE actor - regular employer ties (seeded, the same for every method) is
removed; each method then ranks the untied SE-employer pairs of every verband, and the hidden
ties are looked for among its best pairs:

- precision@10: of the ten best pairs of a verband, the share that is a hidden tie (over the
  verbanden with at least one hidden tie);
- recall@50: of the hidden ties, the share found among the fifty best pairs of their verband.

Methods: ours (:func:`queries.missing_links.missing_links`); common neighbours only (every
untied SE-employer pair of the verband by its number of common partners, ties broken at
random); random pairs within the sector fit (our candidate pairs in random order). The demo is
synthetic and its ties were drawn with sector fit and place in mind, so this measures
consistency with how the demo was made, not how well suggestions work in a real verband.
"""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass

from verbinder.graphmodel.model import Dataset
from verbinder.graphmodel.types import ActorType

__all__ = ["METHODS", "Quality", "link_quality"]

METHODS = ("ons model", "gemeenschappelijke partners", "willekeurig binnen sectorfit")
CANDIDATES = "kandidaten"
"""Under this key, the share of hidden ties that passes the sector-fit blocking at all: the
most that ours and the random baseline can find."""
TOP_PRECISION, TOP_RECALL = 10, 50


@dataclass(frozen=True)
class Quality:
    """Hits of one method over all verbanden."""

    precision_at_10: float
    recall_at_50: float


def _is_se_employer(dataset: Dataset, source: str, target: str) -> bool:
    kinds = {dataset.actor_by_id[source].type, dataset.actor_by_id[target].type}
    return ActorType.WERKGEVER in kinds and any(k.is_social_economy for k in kinds)


def _hide(dataset: Dataset, share: float, seed: int) -> tuple[Dataset, set[tuple[str, str]]]:
    """The dataset without ``share`` of its SE-employer ties, and the hidden pairs (SE first)."""
    candidates = [t for t in dataset.ties if _is_se_employer(dataset, t.source, t.target)]
    hidden_ties = random.Random(seed).sample(candidates, round(share * len(candidates)))
    gone = {t.id for t in hidden_ties}
    hidden = set()
    for tie in hidden_ties:
        se_first = dataset.actor_by_id[tie.source].type.is_social_economy
        hidden.add((tie.source, tie.target) if se_first else (tie.target, tie.source))
    # A pair with another remaining tie is not missing: it stays out of the hidden set.
    remaining = {frozenset((t.source, t.target)) for t in dataset.ties if t.id not in gone}
    hidden = {p for p in hidden if frozenset(p) not in remaining}
    return dataset.replace(ties=tuple(t for t in dataset.ties if t.id not in gone)), hidden


def _common_neighbours(dataset: Dataset, verband: str, rng: random.Random) -> list:
    members = dataset.members_of(verband)
    ids = {a.id for a in members}
    partners = defaultdict(set)
    for tie in dataset.ties:
        if tie.source in ids and tie.target in ids:
            partners[tie.source].add(tie.target)
            partners[tie.target].add(tie.source)
    social = [a.id for a in members if a.type.is_social_economy]
    employers = [a.id for a in members if a.type is ActorType.WERKGEVER]
    pairs = [
        (len(partners[s] & partners[e]), rng.random(), (s, e))
        for s in social
        for e in employers
        if e not in partners[s]
    ]
    return [pair for *_, pair in sorted(pairs, reverse=True)[:TOP_RECALL]]


def _rankings(dataset: Dataset, verband: str, fit, rng: random.Random) -> dict[str, list]:
    """The best pairs of each method, and under ``"kandidaten"`` all our candidate pairs."""
    from verbinder.queries.missing_links import missing_links

    ours = missing_links(dataset, verband, fit=fit, top=None)
    pairs = list(zip(ours["se_actor"], ours["werkgever"], strict=True))
    shuffled = pairs[:]
    rng.shuffle(shuffled)
    return {
        METHODS[0]: pairs[:TOP_RECALL],
        METHODS[1]: _common_neighbours(dataset, verband, rng),
        METHODS[2]: shuffled[:TOP_RECALL],
        CANDIDATES: pairs,
    }


def link_quality(
    dataset: Dataset, fit, share: float = 0.2, seeds: tuple[int, ...] = (1, 2, 3, 4, 5)
) -> tuple[dict[str, Quality], int]:
    """Precision@10 and recall@50 per method, pooled over ``seeds`` (each hides another
    ``share`` of the ties), and the number of hidden ties looked for."""
    hits10: dict[str, int] = dict.fromkeys(METHODS, 0)
    hits50: dict[str, int] = dict.fromkeys(METHODS, 0)
    looked_for = lists = reachable = 0
    for seed in seeds:
        reduced, hidden = _hide(dataset, share, seed)
        rng = random.Random(seed)
        for verband in dataset.verbanden:
            ids = {a.id for a in reduced.members_of(verband.id)}
            here = {p for p in hidden if p[0] in ids and p[1] in ids}
            if not here:
                continue
            lists += 1
            looked_for += len(here)
            ranked_by = _rankings(reduced, verband.id, fit, rng)
            reachable += len(here & set(ranked_by.pop(CANDIDATES)))
            for method, ranked in ranked_by.items():
                hits10[method] += len(here & set(ranked[:TOP_PRECISION]))
                hits50[method] += len(here & set(ranked[:TOP_RECALL]))
    result = {
        m: Quality(
            hits10[m] / (TOP_PRECISION * lists) if lists else 0.0,
            hits50[m] / looked_for if looked_for else 0.0,
        )
        for m in METHODS
    }
    result[CANDIDATES] = Quality(float("nan"), reachable / looked_for if looked_for else 0.0)
    return result, looked_for
