"""Missing links: SE actor - regular employer pairs without a tie, ranked and explained.

Candidates are blocked by sector fit (only employers whose NACE section buys or hires one of
the SE actor's activities) and by place (the same verband, the given municipalities, or for a
Flanders-wide query the same province), so the pairs are never all SE x all employers.

Each pair gets five features in [0, 1] and a score that is their weighted sum (non-negative
weights, so the score rises with every feature):

- ``sectorfit``: the strongest fit rule between an SE activity and the employer's section;
- ``plaats``: 1 same municipality, 0.6 a shared verband, 0.3 the same province; when both
  have coordinates, at least ``1 - distance / 40 km``;
- ``netwerknabijheid``: Adamic-Adar over common partners, as ``AA / (1 + AA)``;
- ``openheid``: the employer's openness: mean of engagement / 3, events attended (2 or more
  count fully) and an MVO tag;
- ``capaciteit``: the SE actor's size, ``log(1 + FTE) / log(1 + 100)`` capped at 1 (FTE, or
  else target-group workers).

A pair wished in the network survey (issue #18, "graag (meer) samenwerken") adds
:data:`WISH_BOOST` per side that wished it (``gewenst``: 0, 1 or 2): one side weighs as much as
the five features together at their best, so a wish lifts a pair above every pair no one
wished with the default weights. Pairs wished by both sides are listed first. A wished pair is
suggested even when no sector-fit rule links the two (then ``sectorfit`` is 0), unless the
query is limited to sectors.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from functools import cache

import numpy as np
import pandas as pd
from verbinder.graphmodel.activities import vocabulary
from verbinder.graphmodel.formatting import count
from verbinder.graphmodel.metrics.link_prediction import adjacency_matrix, pair_scores
from verbinder.graphmodel.model import NACE_2025_TAG, Actor, Dataset
from verbinder.graphmodel.nace import nace_section
from verbinder.graphmodel.progress import Progress, counted, silent
from verbinder.graphmodel.reconcile import wishes
from verbinder.graphmodel.sector_fit import FitRule, SectorFit
from verbinder.graphmodel.types import ActorType
from verbinder.queries.link_reasons import (
    PairFacts,
    explain,
    openness_reasons,
    without_shared,
)
from verbinder.queries.permissions import require
from verbinder.queries.report import UnknownVerbandError

__all__ = ["DEFAULT_WEIGHTS", "LINK_COLUMNS", "WISH_BOOST", "Weights", "missing_links"]


@dataclass(frozen=True)
class Weights:
    """Weights of the five features in the score (they need not add up to 1)."""

    sectorfit: float = 0.35
    plaats: float = 0.15
    netwerknabijheid: float = 0.25
    openheid: float = 0.15
    capaciteit: float = 0.10

    def __post_init__(self) -> None:
        if min(vars(self).values()) < 0:
            raise ValueError("weights must not be negative")


DEFAULT_WEIGHTS = Weights()
FEATURES = ("sectorfit", "plaats", "netwerknabijheid", "openheid", "capaciteit")
PLACE = {"gemeente": 1.0, "verband": 0.6, "provincie": 0.3}
NEAR_KM = 40.0
"""Distance at which coordinates stop adding to ``plaats``."""
WISH_BOOST = 1.0
"""What a wish from one side of a pair adds to its score (see the module's docstring)."""
BATCH = 64
"""SE actors scored together; each batch keeps only its best pairs."""

LINK_COLUMNS = (
    "se_actor",
    "se_naam",
    "se_type",
    "werkgever",
    "werkgever_naam",
    "werkgever_gemeente",
    "score",
    "sectorfit",
    "plaats",
    "netwerknabijheid",
    "openheid",
    "capaciteit",
    "gewenst",
    "gemeenschappelijke_partners",
    "uitleg",
)
"""The columns of :func:`missing_links`, in order; their meaning is in the measure catalogue."""


def _capacity(actor: Actor) -> float:
    size = actor.fte if actor.fte is not None else actor.target_group_workers
    return 0.0 if not size else min(1.0, math.log1p(size) / math.log1p(100))


def _scope(dataset: Dataset, verband_id: str | None, municipalities: Collection[str] | None):
    actors = list(dataset.actors)
    if verband_id is not None:
        if verband_id not in dataset.verband_by_id:
            raise UnknownVerbandError(verband_id, sorted(dataset.verband_by_id))
        actors = dataset.members_of(verband_id)
    if municipalities is not None:
        wanted = {m.lower() for m in municipalities}
        actors = [a for a in actors if (a.municipality or "").lower() in wanted]
    return actors


class _Codes:
    """Small integer codes and bit masks per actor, so that place is compared as arrays."""

    def __init__(self, dataset: Dataset, actors: list[Actor]) -> None:
        verbanden = {v.id: i for i, v in enumerate(dataset.verbanden)}
        provinces = {
            p: i
            for i, p in enumerate(sorted({v.province for v in dataset.verbanden if v.province}))
        }
        words = max(1, (len(verbanden) + 63) // 64)
        self.verband_mask = np.zeros((len(actors), words), dtype=np.uint64)
        self.province_mask = np.zeros(len(actors), dtype=np.uint64)
        municipality: dict[str, int] = {}
        self.municipality = np.full(len(actors), -1, dtype=np.int64)
        for i, actor in enumerate(actors):
            if actor.municipality:
                self.municipality[i] = municipality.setdefault(
                    actor.municipality.lower(), len(municipality)
                )
            for verband_id in actor.verbanden:
                if verband_id in verbanden:
                    bit = verbanden[verband_id]
                    self.verband_mask[i, bit // 64] |= np.uint64(1 << (bit % 64))
                    province = dataset.verband_by_id[verband_id].province
                    if province in provinces:
                        self.province_mask[i] |= np.uint64(1 << provinces[province])
        self.provinces = provinces
        self.lat = np.array([np.nan if a.lat is None else a.lat for a in actors])
        self.lon = np.array([np.nan if a.lon is None else a.lon for a in actors])

    def distance_km(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        """Great-circle distance (haversine, Earth radius 6371 km); NaN without coordinates."""
        lat1, lat2 = np.radians(self.lat[a]), np.radians(self.lat[b])
        dlat, dlon = lat2 - lat1, np.radians(self.lon[b] - self.lon[a])
        h = np.sin(dlat / 2) ** 2 + np.cos(lat1) * np.cos(lat2) * np.sin(dlon / 2) ** 2
        return 2 * 6371 * np.arcsin(np.sqrt(np.clip(h, 0, 1)))

    def place(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        same_town = (self.municipality[a] == self.municipality[b]) & (self.municipality[a] >= 0)
        shared = np.any(self.verband_mask[a] & self.verband_mask[b], axis=1)
        province = (self.province_mask[a] & self.province_mask[b]) != 0
        by_area = np.select(
            [same_town, shared, province],
            [PLACE["gemeente"], PLACE["verband"], PLACE["provincie"]],
            0.0,
        )
        # With coordinates for both, nearness counts too: 1 next door, 0 at NEAR_KM or more.
        near = np.clip(1 - self.distance_km(a, b) / NEAR_KM, 0, 1)
        return np.fmax(by_area, near)


def _activity(text: str) -> str:
    """The activity in the vocabulary's words; an unknown one as written, lower case (a user's
    own sector-fit file may know it)."""
    return vocabulary().resolve(text) or text.strip().lower()


def _coverage(actors: list[Actor], fit: SectorFit, candidates: int) -> list[str]:
    """Plain sentences on which actors cannot get suggestions, and why."""
    known = set(fit.activities)
    se = [a for a in actors if a.type.is_social_economy]
    employers = [a for a in actors if a.type is ActorType.WERKGEVER]
    lines = []
    if not se:
        lines.append("Er zijn hier geen SE-actoren, dus ook geen paren om voor te stellen.")
    if not employers:
        lines.append("Er zijn hier geen reguliere werkgevers, dus ook geen paren.")
    bare = [a.name for a in se if not a.activities]
    if bare:
        lines.append(
            f"{count(len(bare))} SE-actor(en) zonder activiteit krijgen geen voorstellen: "
            f"{_listed(bare)}. Vul de kolom 'activiteiten' in."
        )
    unknown = [
        f"{a.name} ({', '.join(a.activities)})"
        for a in se
        if a.activities and not {_activity(x) for x in a.activities} & known
    ]
    if unknown:
        lines.append(
            f"{count(len(unknown))} SE-actor(en) met een activiteit die niet in de "
            f"sectorfit-tabel staat, krijgen geen voorstellen: {_listed(unknown)}."
        )
    newer = [a.name for a in employers if not a.nace and _has_2025_code(a)]
    no_code = [a.name for a in employers if not a.nace and not _has_2025_code(a)]
    if no_code:
        lines.append(
            f"{count(len(no_code))} werkgever(s) zonder NACE-code komen niet in aanmerking: "
            f"{_listed(no_code)}."
        )
    if newer:
        lines.append(
            f"{count(len(newer))} werkgever(s) hebben enkel een NACE-BEL 2025-code waarvoor geen "
            "eenduidige 2008-code bestaat (de sectorfit-tabel werkt met NACE-BEL 2008) en komen "
            f"niet in aanmerking: {_listed(newer)}. Vul een 2008-code in om ze mee te nemen."
        )
    if se and employers and not candidates and not (bare or unknown or no_code or newer):
        lines.append(
            "Geen werkgever hier werkt in een sector die past bij de activiteiten van de "
            "SE-actoren, of elk passend paar heeft al een relatie."
        )
    return lines


def _has_2025_code(actor: Actor) -> bool:
    return any(tag.startswith(NACE_2025_TAG) for tag in actor.tags)


def _listed(names: list[str], limit: int = 5) -> str:
    shown = ", ".join(names[:limit])
    return shown + (f" en {count(len(names) - limit)} andere" if len(names) > limit else "")


def _wished(dataset: Dataset, verband_id: str | None, index: dict[str, int]) -> dict:
    """(SE row, employer row) -> who wished the pair and why, for the SE-employer pairs in
    scope (the survey of ``verband_id``, or every survey Flanders-wide)."""
    responses = [
        r for r in dataset.roster_responses if verband_id is None or r.verband_id == verband_id
    ]
    found = {}
    for (a, b), who in wishes(responses).items():
        if a not in index or b not in index:
            continue
        first, second = dataset.actor_by_id[a], dataset.actor_by_id[b]
        if second.type.is_social_economy and first.type is ActorType.WERKGEVER:
            first, second = second, first
        if first.type.is_social_economy and second.type is ActorType.WERKGEVER:
            found[(index[first.id], index[second.id])] = tuple(
                (dataset.actor_by_id[w].name, reason) for w, reason in who
            )
    return found


def _openness(employer: Actor, attended: int) -> tuple[float, list[str]]:
    engagement = max((m.engagement for m in employer.memberships), default=0) / 3
    mvo = any(tag.lower() == "mvo" for tag in employer.tags)
    reasons = openness_reasons(engagement, attended, mvo)
    return (engagement + min(1.0, attended / 2) + float(mvo)) / 3, reasons


def missing_links(
    dataset: Dataset,
    verband_id: str | None = None,
    *,
    municipalities: Collection[str] | None = None,
    sectors: Collection[str] | None = None,
    fit: SectorFit,
    weights: Weights = DEFAULT_WEIGHTS,
    top: int | None = 50,
    per_se: int = 0,
    progress: Progress = silent,
) -> pd.DataFrame:
    """Ranked SE actor - employer pairs without any tie, with the features and an explanation.

    Parameters
    ----------
    dataset : Dataset
    verband_id : str, optional
        Only actors of this verband. Without it and without ``municipalities`` the query runs
        Flanders-wide, blocked by province.
    municipalities : collection of str, optional
        Only actors located in these municipalities (any verband).
    sectors : collection of str, optional
        Only these NACE sections (letters) or SE activities.
    fit : SectorFit
        The sector-fit table (``loaders.sector_fit.default_sector_fit()`` or a user's copy).
    weights : Weights
    top : int or None
        Keep the best ``top`` pairs (None: all candidates).
    per_se : int
        Keep also each SE actor's best ``per_se`` pairs (after the best ``top``, in score
        order), so that a selection can reach every SE actor without explaining all pairs.
    progress : callable
        Told after each batch of SE actors (see :mod:`graphmodel.progress`).

    Returns
    -------
    DataFrame
        Columns of :data:`LINK_COLUMNS`, best first (ties broken by ids).
        ``attrs["kandidaten"]`` holds the number of candidate pairs scored,
        ``attrs["dekking"]`` Dutch sentences on which actors could not get suggestions and why.
    """
    require(dataset, verband_id, detail=True)
    if top is not None and top < 1:
        raise ValueError("top must be at least 1 (or None for all pairs)")
    actors = _scope(dataset, verband_id, municipalities)
    wanted = {s.strip().lower() for s in sectors} if sectors else None
    codes = _Codes(dataset, actors)
    index = {a.id: i for i, a in enumerate(actors)}
    wished = _wished(dataset, verband_id, index)
    wished_of: dict[int, list[int]] = defaultdict(list)
    for s, e in wished:
        wished_of[s].append(e)
    se_rows = [
        i
        for i, a in enumerate(actors)
        if a.type.is_social_economy and (a.activities or i in wished_of)
    ]
    employer_rows = [i for i, a in enumerate(actors) if a.type is ActorType.WERKGEVER]
    # Flanders-wide, pairs are blocked by province; within a verband or a set of
    # municipalities, place is already narrow and every actor is one block (-1).
    by_province = verband_id is None and municipalities is None

    def province_bits(row: int) -> list[int]:
        mask = int(codes.province_mask[row]) if by_province else 0
        return [b for b in range(len(codes.provinces)) if mask >> b & 1] or [-1]

    # Employers are blocked by their NACE codes (the fit of a code depends on every level of
    # it) and, Flanders-wide, by province.
    blocks: dict[tuple[tuple[str, ...], int], list[int]] = defaultdict(list)
    for i in employer_rows:
        group = tuple(sorted({c for c in actors[i].nace if nace_section(c)}))
        for bit in province_bits(i):
            if group:
                blocks[(group, bit)].append(i)
    block_arrays = {key: np.array(rows, dtype=np.int64) for key, rows in blocks.items()}
    groups = sorted({group for group, _ in blocks})
    rules = list(fit.rules)
    rule_index = {(r.activity, r.nace): k for k, r in enumerate(rules)}
    tied: dict[int, list[int]] = defaultdict(list)
    for tie in dataset.ties:
        if tie.source in index and tie.target in index:
            tied[index[tie.source]].append(index[tie.target])
            tied[index[tie.target]].append(index[tie.source])
    already = np.zeros(len(actors), dtype=bool)

    wanted_sections = {w.upper() for w in wanted or () if len(w) == 1}
    wanted_activities = {w for w in wanted or () if len(w) > 1}

    def group_rule(activities: tuple[str, ...], group: tuple[str, ...]) -> FitRule | None:
        """The strongest rule between the activities and a group of codes, within the theme."""
        options = []
        for code in group:
            usable = activities
            if wanted and nace_section(code) not in wanted_sections:
                usable = tuple(a for a in activities if a in wanted_activities)
            rule = fit.best(usable, (code,))
            if rule is not None:
                options.append(rule)
        return max(options, key=lambda r: r.weight, default=None)

    @cache
    def fitting(activities: tuple[str, ...]) -> list[tuple[tuple[str, ...], int]]:
        """Every employer code group that fits these activities, with its rule's index."""
        found = []
        for group in groups:
            rule = group_rule(activities, group)
            if rule is not None:
                found.append((group, rule_index[(rule.activity, rule.nace)]))
        return found

    def candidates_of(s: int) -> tuple[np.ndarray, np.ndarray]:
        """Employers that fit SE actor ``s`` (not yet tied to it) and the rule for each; the
        employers it was wished with, without a rule (-1) when none fits."""
        activities = tuple(sorted({_activity(a) for a in actors[s].activities}))
        found, chosen = [], []
        for group, rule in fitting(activities):
            for bit in province_bits(s):
                if (group, bit) in block_arrays:
                    found.append(block_arrays[(group, bit)])
                    chosen.append(np.full(len(found[-1]), rule))
        if not wanted and wished_of.get(s):
            found.append(np.array(wished_of[s], dtype=np.int64))
            chosen.append(np.full(len(found[-1]), -1))
        if not found:
            return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
        candidates, first = np.unique(np.concatenate(found), return_index=True)
        already[tied[s]] = True
        keep = ~already[candidates]
        already[tied[s]] = False
        return candidates[keep], np.concatenate(chosen)[first][keep]

    adjacency = adjacency_matrix(
        [a.id for a in actors], ((t.source, t.target) for t in dataset.ties)
    )
    attended = Counter(p.actor_id for p in dataset.participations)
    openness = np.array([_openness(a, attended.get(a.id, 0))[0] for a in actors])
    capacity = np.array([_capacity(a) for a in actors])
    rule_weight = np.array([r.weight for r in rules] + [0.0])  # -1: wished, no rule
    wished_keys = np.array(sorted(s * len(actors) + e for s, e in wished), dtype=np.int64)
    wished_sides = np.array(
        [len(wished[divmod(int(k), len(actors))]) for k in wished_keys], dtype=np.int64
    )
    kept: list[dict[str, np.ndarray]] = []
    scored = 0
    # SE actors in batches, keeping each batch's best: memory stays bounded however many
    # candidate pairs there are.
    batches = range(0, len(se_rows), BATCH)
    for start in counted(batches, "Schakels zoeken", progress, len(batches)):
        parts = [(s, *candidates_of(s)) for s in se_rows[start : start + BATCH]]
        se_idx = np.concatenate([np.full(len(e), s, dtype=np.int64) for s, e, _ in parts])
        emp_idx = np.concatenate([e for _, e, _ in parts])
        rule_of = np.concatenate([r for _, _, r in parts])
        scored += len(se_idx)
        if not len(se_idx):
            continue
        aa = pair_scores(adjacency, se_idx, emp_idx)["adamic_adar"]
        batch = {
            "se": se_idx,
            "emp": emp_idx,
            "rule": rule_of,
            "sectorfit": rule_weight[rule_of],
            "plaats": codes.place(se_idx, emp_idx),
            "netwerknabijheid": aa / (1 + aa),
            "openheid": openness[emp_idx],
            "capaciteit": capacity[se_idx],
            "gewenst": _sides(se_idx * len(actors) + emp_idx, wished_keys, wished_sides),
        }
        features = sum(getattr(weights, f) * batch[f] for f in FEATURES)
        batch["score"] = features + WISH_BOOST * batch["gewenst"]
        kept.append(_best(batch, top, per_se))
    if not kept:
        empty = pd.DataFrame(columns=list(LINK_COLUMNS))
        empty.attrs.update(
            kandidaten=scored,
            dekking=_coverage(actors, fit, scored),
            synthetic=dataset.synthetic,
        )
        return empty
    merged = _best({key: np.concatenate([b[key] for b in kept]) for key in kept[0]}, top, per_se)
    both = merged["gewenst"] >= 2
    order = np.lexsort((merged["emp"], merged["se"], -merged["score"], ~both))
    if top is not None:
        keep = np.arange(len(order)) < top
        if per_se:
            keep |= _rank_per_se(merged["se"][order]) < per_se
        order = order[keep]
    frame = _explain(
        actors,
        adjacency,
        (merged["se"][order], merged["emp"][order], merged["rule"][order]),
        rules,
        {f: merged[f][order] for f in (*FEATURES, "gewenst")},
        merged["score"][order],
        attended,
        (weights, dataset, verband_id is not None, codes, fit, wished),
    )
    frame.attrs["kandidaten"] = scored
    frame.attrs["dekking"] = _coverage(actors, fit, scored)
    frame.attrs["synthetic"] = dataset.synthetic
    return frame


def _sides(keys: np.ndarray, wished_keys: np.ndarray, wished_sides: np.ndarray) -> np.ndarray:
    """How many sides wished each pair (pairs as ``se * n + employer`` keys)."""
    if not len(wished_keys):
        return np.zeros(len(keys), dtype=np.int64)
    at = np.minimum(np.searchsorted(wished_keys, keys), len(wished_keys) - 1)
    return np.where(wished_keys[at] == keys, wished_sides[at], 0)


def _rank_per_se(se_in_order: np.ndarray) -> np.ndarray:
    """For rows already in score order: each row's rank among its SE actor's rows (0 best)."""
    return pd.Series(se_in_order).groupby(se_in_order).cumcount().to_numpy()


def _best(batch: dict[str, np.ndarray], top: int | None, per_se: int = 0) -> dict[str, np.ndarray]:
    """The rows scoring at least the ``top``-th best (all when ``top`` is None), every pair
    wished by both sides, and each SE actor's best ``per_se`` rows (ties kept)."""
    score = batch["score"]
    if top is None or top >= len(score):
        return batch
    threshold = np.partition(score, len(score) - top)[len(score) - top]
    keep = (score >= threshold) | (batch["gewenst"] >= 2)  # wished by both: always first
    if per_se:
        order = np.lexsort((batch["emp"], batch["se"], -score))
        ranks = np.empty(len(score), dtype=np.int64)
        ranks[order] = _rank_per_se(batch["se"][order])
        keep |= ranks < per_se
    return {key: values[keep] for key, values in batch.items()}


def _explain(actors, adjacency, chosen, rules, features, score, attended, context) -> pd.DataFrame:
    """Rows with the Dutch explanation, for the chosen pairs only."""
    se_idx, emp_idx, rule_of = chosen
    weights, dataset, scoped, codes, fit, wished = context
    distances = codes.distance_km(se_idx, emp_idx)  # NaN where a coordinate is missing
    common = pair_scores(adjacency, se_idx, emp_idx, examples=2)
    rows, explanations = [], []
    for k, (s, e) in enumerate(zip(se_idx.tolist(), emp_idx.tolist(), strict=True)):
        se, employer = actors[s], actors[e]
        shared = sorted(set(se.verbanden) & set(employer.verbanden))
        distance = float(distances[k])
        rule = rules[rule_of[k]] if rule_of[k] >= 0 else None
        code = (
            ""
            if rule is None
            else next((c for c in employer.nace if fit.rule_for(rule.activity, c) is rule), "")
        )
        facts = PairFacts(
            se=se,
            employer=employer,
            rule=rule,
            code=code,
            common=int(common["common"][k]),
            examples=tuple(actors[z].name for z in common["examples"][k]),
            distance_km=distance if distance < NEAR_KM else None,  # False for NaN
            same_town=bool(se.municipality)
            and se.municipality.lower() == (employer.municipality or "").lower(),
            shared_verband=None if scoped or not shared else dataset.verband_by_id[shared[0]].name,
            same_province=not scoped and features["plaats"][k] >= PLACE["provincie"],
            openness=tuple(_openness(employer, attended.get(employer.id, 0))[1]),
            contribution={
                f: (WISH_BOOST if f == "gewenst" else getattr(weights, f)) * float(v[k])
                for f, v in features.items()
            },
            wished=wished.get((s, e), ()),
        )
        explanations.append(explain(facts))
        rows.append(
            {
                "se_actor": se.id,
                "se_naam": se.name,
                "se_type": se.type.value,
                "werkgever": employer.id,
                "werkgever_naam": employer.name,
                "werkgever_gemeente": employer.municipality,
                "score": float(score[k]),
                **{f: float(v[k]) for f, v in features.items() if f != "gewenst"},
                "gewenst": int(features["gewenst"][k]),
                "gemeenschappelijke_partners": facts.common,
            }
        )
    for row, text in zip(rows, without_shared(explanations), strict=True):
        row["uitleg"] = text
    return pd.DataFrame(rows, columns=list(LINK_COLUMNS))
