"""Plan a matchmaking event: whom to invite so that new, well-fitting SE-regular links can form.

The candidate pairs and their chances come from :func:`queries.missing_links.missing_links`
(score divided by the sum of the weights, so that it reads as a chance between 0 and 1). The
invite list maximises the expected number of new links,

    E = sum over invited pairs (s, e) of min(1, p(s, e) * (1 + bonus * [a common partner of
        s and e is invited as intermediary])),

exactly, as a mixed-integer programme solved by HiGHS through :func:`scipy.optimize.milp`
(Huangfu and Hall 2018): a 0/1 choice per organisation, a pair counts only when both sides
are chosen and its bonus only when one of its common partners is. Constraints: at most
``capacity`` places; the SE side and the employer side differ by at most ``balance`` of
their total (by one when the list is small); intermediaries (the regisseur, who hosts,
excluded) take at most ``intermediary_share`` of the places; and one VDAB office, one
employer organisation and the Economisch Huis are invited when the verband has them and
there is room. The room fills first: among the lists with the most SE actors and employers
that can come, the one with the largest E is chosen. Only the best ``5 x capacity``
candidate pairs and every SE actor's best ten are considered; everyone invited has at least
one suggested partner among the invitees.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import coo_matrix
from verbinder.graphmodel.formatting import count, enumeration, number, percent
from verbinder.graphmodel.model import Actor, Dataset
from verbinder.graphmodel.sector_fit import SectorFit
from verbinder.graphmodel.types import ActorType, SectorGroup
from verbinder.queries.link_reasons import count_word
from verbinder.queries.missing_links import DEFAULT_WEIGHTS, FEATURES, Weights, missing_links
from verbinder.queries.permissions import require
from verbinder.queries.seating import seat

__all__ = ["INVITE_COLUMNS", "plan_event"]

INVITE_COLUMNS = (
    "actor",
    "naam",
    "type",
    "kant",
    "tafel",
    "bijdrage",
    "reden",
)
"""The columns of :func:`plan_event`, in order; their meaning is in the measure catalogue."""

SE, EMPLOYER, BROKER = "sociale economie", "werkgever", "tussenpersoon"
POOL_FACTOR = 5
PER_SE_ACTOR = 10
"""The planner considers the best ``POOL_FACTOR x capacity`` candidate pairs and the best
``PER_SE_ACTOR`` pairs of every SE actor."""
TIME_LIMIT = 10.0
"""Seconds the solver may take; past it, the best list found so far and its gap are given."""

NO_PAIRS = (
    "Er is geen lijst op te stellen: geen enkel paar van een SE-organisatie en een werkgever "
    "past binnen dit thema."
)
BEST_NAMED = 3
"""A reason names at most this many of an organisation's suggested partners by name."""

Pair = tuple[str, str]


def _is_economisch_huis(actor: Actor) -> bool:
    return "economisch huis" in actor.name.lower()


REQUIRED_KINDS = (
    ("VDAB", "kent de werkzoekenden en hun begeleiding", lambda a: a.type is ActorType.VDAB),
    (
        "een werkgeversorganisatie",
        "spreekt voor de werkgevers en brengt ze mee",
        lambda a: a.type is ActorType.WERKGEVERSORGANISATIE,
    ),
    ("het Economisch Huis", "kent de lokale bedrijven", _is_economisch_huis),
)
"""Intermediaries a matchmaking event needs: who guides job seekers, who speaks for
employers, who knows local businesses (IDEA Consult 2019, 3.4)."""


@dataclass
class _Problem:
    """The candidates of one event and what is known about them."""

    chance: dict[Pair, float]
    side: dict[str, str]
    introducers: dict[Pair, set[str]] = field(default_factory=dict)
    required: list[tuple[str, list[str]]] = field(default_factory=list)


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
    table_size: int = 6,
    weights: Weights = DEFAULT_WEIGHTS,
) -> pd.DataFrame:
    """An invite list of at most ``capacity`` organisations, each with a table and a reason.

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
    table_size : int
        Places per table in the seating plan (column ``tafel``).

    Returns
    -------
    DataFrame
        Columns of :data:`INVITE_COLUMNS`, by table; ``attrs["verwachte_links"]`` is E for the
        list, ``attrs["opmerkingen"]`` Dutch sentences on what the list could not include and
        how sure the solver is.
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
        per_se=PER_SE_ACTOR,
    )
    total_weight = sum(getattr(weights, f) for f in FEATURES) or 1.0
    chance = _pool(links, total_weight)
    problem = _problem(dataset, verband_id, chance, municipalities)
    limit = int(intermediary_share * capacity)
    notes = _required_notes(problem, limit) if chance else [NO_PAIRS, *links.attrs["dekking"]]
    problem.required = problem.required[:limit]
    invited, solver_note = _solve(problem, capacity, balance, bonus, limit)
    notes += [solver_note] if solver_note else []
    if len(invited) < capacity and problem.chance:
        notes.append(_short_note(problem, capacity, len(invited)))
    frame = _frame(dataset, problem, invited, bonus, table_size)
    frame.attrs["opmerkingen"] = notes
    frame.attrs["synthetic"] = dataset.synthetic
    return frame


def _pool(links: pd.DataFrame, total_weight: float) -> dict[Pair, float]:
    """The pairs the planner weighs (missing_links kept the best ``POOL_FACTOR x capacity``
    and every SE actor's best ``PER_SE_ACTOR``, so the room can fill with different SE
    actors), each with its chance: the score over the weights' total, at most 1 (a pair
    wished in the network survey scores above that total)."""
    return {
        (r.se_actor, r.werkgever): min(1.0, r.score / total_weight)
        for r in links.itertuples(index=False)
    }


def _problem(
    dataset: Dataset,
    verband_id: str,
    chance: dict[Pair, float],
    municipalities: Collection[str] | None,
) -> _Problem:
    towns = {m.lower() for m in municipalities or ()}
    partners = defaultdict(set)
    for tie in dataset.ties:
        partners[tie.source].add(tie.target)
        partners[tie.target].add(tie.source)
    brokers = [
        a
        for a in dataset.members_of(verband_id)
        if (
            a.sector_group in (SectorGroup.INTERMEDIAIR, SectorGroup.OVERHEID)
            or _is_economisch_huis(a)
        )
        and a.type is not ActorType.REGISSEUR
        and (municipalities is None or (a.municipality or "").lower() in towns)
    ]
    introducers: dict[Pair, set[str]] = defaultdict(set)
    for broker in brokers:
        for pair in chance:
            if pair[0] in partners[broker.id] and pair[1] in partners[broker.id]:
                introducers[pair].add(broker.id)
    required = [
        (f"{label}: {role}", sorted(b.id for b in brokers if wanted(b)))
        for label, role, wanted in REQUIRED_KINDS
    ]
    required = [(label, ids) for label, ids in required if ids]
    side = {s: SE for s, _ in chance} | {e: EMPLOYER for _, e in chance}
    for ids in [*introducers.values(), *(ids for _, ids in required)]:
        side |= dict.fromkeys(ids, BROKER)
    return _Problem(chance, side, dict(introducers), required)


def _required_notes(problem: _Problem, limit: int) -> list[str]:
    left_out = [label.split(":")[0] for label, _ in problem.required[limit:]]
    if not left_out:
        return []
    room = (
        "bij deze capaciteit gaat geen plaats naar tussenpersonen"
        if limit == 0
        else f"tussenpersonen krijgen hoogstens {count_word(limit)} van de plaatsen"
    )
    return [
        f"Geen plaats voor {enumeration(left_out)}: {room}; kies een grotere capaciteit om ze "
        "uit te nodigen."
    ]


def _short_note(problem: _Problem, capacity: int, invited: int) -> str:
    kinds = list(problem.side.values())
    return (
        f"{count(invited)} van de {count(capacity)} plaatsen gevuld: er zijn "
        f"{count(kinds.count(SE))} SE-organisaties en {count(kinds.count(EMPLOYER))} werkgevers "
        "met een voorstel, en beide kanten blijven in evenwicht. Wie geen voorgestelde partner "
        "op de lijst heeft, wordt niet uitgenodigd."
    )


Row = tuple[dict[int, float], float, float]
"""One linear constraint: coefficients by variable, lower and upper bound."""


@dataclass
class _Model:
    """The planner's programme: variables x (one per organisation), y and w (one per pair:
    the pair counts, its bonus counts) and delta (which branch of the balance holds)."""

    actors: list[str]
    pairs: list[Pair]
    rows: list[Row]

    @property
    def size(self) -> int:
        return len(self.actors) + 2 * len(self.pairs) + 1


def _model(problem: _Problem, capacity: int, balance: float, limit: int) -> _Model:
    actors, pairs = sorted(problem.side), sorted(problem.chance)
    index = {a: i for i, a in enumerate(actors)}
    n, m = len(actors), len(pairs)
    y, w, delta = n, n + m, n + 2 * m

    def total(kind: str, sign: float = 1.0) -> dict[int, float]:
        return {index[a]: sign for a in actors if problem.side[a] == kind}

    rows: list[Row] = [({i: 1.0 for i in range(n)}, 0, capacity), (total(BROKER), 0, limit)]
    rows += [({index[a]: 1.0 for a in ids}, 1, np.inf) for _, ids in problem.required]
    partners: dict[int, dict[int, float]] = defaultdict(dict)
    for j, (s, e) in enumerate(pairs):
        rows.append(({y + j: 1.0, index[s]: -1.0}, -np.inf, 0))  # y <= x_s
        rows.append(({y + j: 1.0, index[e]: -1.0}, -np.inf, 0))  # y <= x_e
        rows.append(({w + j: 1.0, y + j: -1.0}, -np.inf, 0))  # w <= y
        helpers = {index[z]: -1.0 for z in problem.introducers.get((s, e), ())}
        rows.append(({w + j: 1.0, **helpers}, -np.inf, 0))  # w <= sum of x_z
        partners[index[s]][y + j] = partners[index[e]][y + j] = -1.0
    # Everyone invited for a pair has at least one suggested partner among the invitees.
    rows += [({i: 1.0, **row}, -np.inf, 0) for i, row in partners.items()]
    # |#SE - #employers| <= max(1, balance x (#SE + #employers)), with delta choosing the branch.
    for sign in (1.0, -1.0):
        difference = total(SE, sign) | total(EMPLOYER, -sign)
        rows.append(({**difference, delta: -capacity}, -np.inf, 1))
        share = {i: c - balance for i, c in difference.items()}
        rows.append(({**share, delta: capacity}, -np.inf, capacity))
    return _Model(actors, pairs, rows)


def _run(model: _Model, objective: np.ndarray, extra: list[Row] = ()):
    rows = [*model.rows, *extra]
    entries = [(r, c, v) for r, (row, _, _) in enumerate(rows) for c, v in row.items()]
    r_index, c_index, values = zip(*entries, strict=True)
    matrix = coo_matrix((values, (r_index, c_index)), shape=(len(rows), model.size))
    integrality = np.zeros(model.size)
    integrality[: len(model.actors)] = integrality[-1] = 1
    return milp(
        objective,
        constraints=LinearConstraint(matrix.tocsr(), [r[1] for r in rows], [r[2] for r in rows]),
        integrality=integrality,
        bounds=Bounds(0, 1),
        options={"time_limit": TIME_LIMIT},
    )


def _solve(
    problem: _Problem, capacity: int, balance: float, bonus: float, limit: int
) -> tuple[list[str], str | None]:
    """The invitees of the best list, and a sentence when the solver could not prove it best.

    Two rounds: first the most SE actors and employers that can come (the room fills), then,
    with that many, the largest expected number of new links."""
    if not problem.chance:
        return [], None
    model = _model(problem, capacity, balance, limit)
    seats = {i: 1.0 for i, a in enumerate(model.actors) if problem.side[a] != BROKER}
    fill = np.zeros(model.size)
    fill[list(seats)] = -1.0
    fullest = _run(model, fill)
    chances = np.array([problem.chance[p] for p in model.pairs])
    extra = np.minimum(bonus * chances, 1 - chances)  # a pair counts at most one new link
    objective = np.concatenate([np.zeros(len(model.actors)), -chances, -extra, [0.0]])
    most = round(-fullest.fun) if fullest.x is not None else 0
    result = _run(model, objective, [(seats, most, np.inf)])
    if result.x is None:
        return (
            [],
            "De rekenmodule vond binnen de tijd geen uitnodigingslijst; kies een kleiner thema.",
        )
    invited = [a for i, a in enumerate(model.actors) if result.x[i] > 0.5]
    notes = []
    if fullest.status != 0:
        notes.append(
            f"De rekenmodule vond in {number(TIME_LIMIT, 0)} seconden niet zeker de volste "
            "lijst: misschien kunnen er nog organisaties bij."
        )
    if result.status != 0:
        notes.append(
            f"De rekenmodule stopte na {number(TIME_LIMIT, 0)} seconden: deze lijst ligt "
            f"hoogstens {percent(result.mip_gap or 0.0)} onder de best mogelijke met deze "
            "kandidaat-paren."
        )
    return invited, " ".join(notes) or None


def _frame(
    dataset: Dataset, problem: _Problem, invited: list[str], bonus: float, table_size: int
) -> pd.DataFrame:
    group = set(invited)
    pairs = {p: c for p, c in problem.chance.items() if p[0] in group and p[1] in group}
    share: dict[str, float] = dict.fromkeys(invited, 0.0)
    for (s, e), c in pairs.items():
        share[s] += c / 2
        share[e] += c / 2
        helpers = problem.introducers.get((s, e), set()) & group
        for z in helpers:
            share[z] += min(bonus * c, 1 - c) / len(helpers)
    brokers = sorted((a for a in invited if problem.side[a] == BROKER), key=lambda a: -share[a])
    tables = seat(invited, pairs, brokers, table_size)
    by_id = dataset.actor_by_id
    required = {a: label for label, ids in problem.required for a in ids}
    rows = [
        {
            "actor": a,
            "naam": by_id[a].name,
            "type": by_id[a].type.value,
            "kant": problem.side[a],
            "tafel": tables[a],
            "bijdrage": share[a],
            "reden": _reason(a, problem, pairs, tables, required.get(a), by_id),
        }
        for a in invited
    ]
    frame = pd.DataFrame(rows, columns=list(INVITE_COLUMNS))
    if not frame.empty:
        frame = frame.sort_values(["tafel", "kant", "bijdrage"], ascending=[True, True, False])
    frame = frame.reset_index(drop=True)
    frame.attrs["verwachte_links"] = sum(share.values())
    return frame


def _reason(
    actor: str,
    problem: _Problem,
    pairs: dict[Pair, float],
    tables: dict[str, int],
    required: str | None,
    by_id: dict[str, Actor],
) -> str:
    """Why ``actor`` is invited and whom it should meet, in whole sentences, never cut."""
    if problem.side[actor] == BROKER:
        helped = sorted(
            (p for p in pairs if actor in problem.introducers.get(p, ())), key=lambda p: -pairs[p]
        )
        sentences = [f"Uitgenodigd als {required}."] if required else []
        if helped:
            couples = [f"{by_id[s].name} en {by_id[e].name}" for s, e in helped]
            noun = "paar" if len(helped) == 1 else "paren"
            sentences.append(
                f"Kent beide kanten van {count_word(len(helped))} uitgenodigde {noun} en kan "
                f"hen aan elkaar voorstellen: {'; '.join(couples)}."
            )
        return " ".join(sentences)
    own = 0 if problem.side[actor] == SE else 1
    matches = sorted(
        ((c, p[1 - own]) for p, c in pairs.items() if p[own] == actor), key=lambda m: -m[0]
    )
    if not matches:
        return "Vult een vrije plaats; er is geen uitgenodigde partner met een voorstel."
    other = "werkgever" if own == 0 else "SE-organisatie"
    noun = other if len(matches) == 1 else ("werkgevers" if own == 0 else "SE-organisaties")
    names = [by_id[m].name for _, m in matches]
    if len(names) <= BEST_NAMED:
        sentences = [
            f"Past bij {count_word(len(names))} uitgenodigde {noun}: {enumeration(names)}."
        ]
    else:
        best = enumeration(names[:BEST_NAMED])
        sentences = [f"Past bij {count_word(len(names))} uitgenodigde {noun}, het best bij {best}."]
    table_mates = [by_id[m].name for _, m in matches if tables[m] == tables[actor]]
    if table_mates:
        sentences.append(f"Zit aan tafel {tables[actor]} met {enumeration(table_mates)}.")
    return " ".join(sentences)
