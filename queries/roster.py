"""The network survey as questions a regisseur asks (issue #18): who is on the list, who
answered, which relations are confirmed, and what trust and value the partners report.

Reading returned forms (:func:`record_roster`) replaces each respondent's earlier answers and
rebuilds the ties the survey gives the verband's network under a rule of
:data:`graphmodel.reconcile.RULES`; :func:`roster_summary` shows what each rule would give.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd
from verbinder.graphmodel.model import Actor, Dataset
from verbinder.graphmodel.reconcile import (
    DEFAULT_RULE,
    MIN_RATERS,
    RULES,
    SurveyedTie,
    TieStatus,
    item_mean,
    organisation_scores,
    reconcile,
    with_survey_ties,
)
from verbinder.graphmodel.roster import RosterResponse, survey_partners
from verbinder.queries.funnel import proportion_reading
from verbinder.queries.permissions import require

__all__ = [
    "RESPONSE_THRESHOLD",
    "record_roster",
    "response_rates",
    "response_warning",
    "roster_additions",
    "roster_comparison",
    "roster_members",
    "roster_scores",
    "roster_summary",
    "roster_ties",
]

RESPONSE_THRESHOLD = 0.7
"""Below this share of organisations answering, the survey's network is not read as the
verband's network. Removing nodes at random, Smith & Moody (2013) found density and centrality
drift noticeably once more than about 30% of a network is missing; Kossinets (2006) shows
that missing respondents bias clustering and path lengths. The threshold is a reading aid,
not a test: a verband just above it is not therefore complete.

Smith, J. A., & Moody, J. (2013). Structural effects of network sampling coverage I: Nodes
missing at random. Social Networks 35(4), 652-668. Kossinets, G. (2006). Effects of missing
data in social networks. Social Networks 28(3), 247-268."""


def roster_members(dataset: Dataset, verband_id: str, *, everyone: bool = False) -> list[Actor]:
    """The organisations that get a form, grouped by type (then by name): the members with an
    engagement above 'geen', or all members with ``everyone``."""
    require(dataset, verband_id, detail=True)
    return survey_partners(dataset, verband_id, everyone=everyone)


def _responses(dataset: Dataset, verband_id: str) -> list[RosterResponse]:
    return [r for r in dataset.roster_responses if r.verband_id == verband_id]


def record_roster(
    dataset: Dataset,
    verband_id: str,
    responses: Iterable[RosterResponse],
    *,
    rule: str = DEFAULT_RULE,
) -> Dataset:
    """The dataset with these responses of ``verband_id``, each replacing the same
    organisation's earlier response, and the verband's survey ties rebuilt under ``rule``.

    Raises ``KeyError`` for an unknown rule or verband, ``ValueError`` for a response of
    another verband.
    """
    require(dataset, verband_id, detail=True)
    if rule not in RULES:
        raise KeyError(rule)
    if verband_id not in dataset.verband_by_id:
        raise KeyError(verband_id)
    new = {r.id: r for r in responses}
    if any(r.verband_id != verband_id for r in new.values()):
        raise ValueError("een antwoord van een ander verband")
    kept = tuple(r for r in dataset.roster_responses if r.id not in new)
    merged = kept + tuple(new.values())
    ties = with_survey_ties(dataset.ties, merged, {verband_id: rule}, synthetic=dataset.synthetic)
    return dataset.replace(roster_responses=merged, ties=ties)


def _invited(responses: list[RosterResponse]) -> set[str]:
    return {r.respondent for r in responses} | {a for r in responses for a in r.roster}


def response_rates(dataset: Dataset, verband_id: str) -> pd.DataFrame:
    """Per type of organisation: how many were on the forms, how many answered, the share.

    Invited are the organisations on the received forms (the list each form was made with).
    """
    require(dataset, verband_id, detail=False)
    responses = _responses(dataset, verband_id)
    answered = {r.respondent for r in responses}
    rows: dict[str, list[int]] = {}
    for actor_id in _invited(responses):
        actor = dataset.actor_by_id.get(actor_id)
        kind = actor.type.value if actor else "onbekend"
        counts = rows.setdefault(kind, [0, 0])
        counts[0] += 1
        counts[1] += actor_id in answered
    frame = pd.DataFrame(
        [(kind, n, k, k / n) for kind, (n, k) in rows.items()],
        columns=["type", "uitgenodigd", "geantwoord", "respons"],
    )
    return frame.sort_values(["respons", "type"]).reset_index(drop=True)


def roster_summary(dataset: Dataset, verband_id: str) -> dict[str, object]:
    """The survey of one verband in figures: forms received, the response rate, relations per
    status, the density of the survey's network under each rule, the mean trust and value
    over its relations (see :func:`response_warning` for the response rate)."""
    require(dataset, verband_id, detail=False)
    responses = _responses(dataset, verband_id)
    invited = len(_invited(responses))
    surveyed = reconcile(responses)
    pairs = invited * (invited - 1) / 2
    summary: dict[str, object] = {
        "uitgenodigd": invited,
        "geantwoord": len(responses),
        "respons": len(responses) / invited if invited else None,
        **{f"relaties_{s.value}": sum(t.status is s for t in surveyed) for s in TieStatus},
        **{
            f"dichtheid_{rule}": sum(t.status in admitted for t in surveyed) / pairs
            if pairs
            else None
            for rule, admitted in RULES.items()
        },
        **_verband_scores(responses, surveyed),
    }
    return summary


def _verband_scores(
    responses: list[RosterResponse], surveyed: list[SurveyedTie]
) -> dict[str, float | None]:
    """The verband's mean trust and value over its relations, each only when at least
    :data:`graphmodel.reconcile.MIN_RATERS` partners gave such a score."""
    raters = {
        key: {r.respondent for r in responses for s in r.stated if item_mean(getattr(s, key))}
        for key in ("trust", "value")
    }
    return {
        "vertrouwen": item_mean(t.trust for t in surveyed)
        if len(raters["trust"]) >= MIN_RATERS
        else None,
        "meerwaarde": item_mean(t.value for t in surveyed)
        if len(raters["value"]) >= MIN_RATERS
        else None,
    }


def response_warning(rate: float | None) -> str | None:
    """The Dutch warning for a response rate below :data:`RESPONSE_THRESHOLD`, else None.

    >>> response_warning(0.5)[:40]
    'Slechts 50% van de organisaties antwoord'
    """
    if rate is None or rate >= RESPONSE_THRESHOLD:
        return None
    return (
        f"Slechts {rate:.0%} van de organisaties antwoordde (minder dan "
        f"{RESPONSE_THRESHOLD:.0%}): lees het netwerk uit de bevraging niet als het netwerk van "
        "het verband; vraag de anderen hun formulier terug te sturen."
    )


_ORDER = (TieStatus.EENZIJDIG, TieStatus.ONBEKEND, TieStatus.BEVESTIGD)


def _talk_first(tie: SurveyedTie) -> tuple[int, tuple[str, str]]:
    return _ORDER.index(tie.status), tie.pair


def roster_ties(dataset: Dataset, verband_id: str) -> pd.DataFrame:
    """Every relation named in the survey of ``verband_id``: the two organisations, its
    status and who named it; the one-sided first, then the unknown, then the confirmed (what a
    regisseur talks through with the partners comes first). The trust and value the two gave
    each other are not shown: with one or two raters they would be one partner's judgement of
    a named organisation."""
    require(dataset, verband_id, detail=True)
    names = {a.id: a.name for a in dataset.actors}
    rows = [
        (
            a,
            names.get(a, a),
            b,
            names.get(b, b),
            t.status.value,
            "; ".join(names.get(r, r) for r in t.reporters),
        )
        for t in sorted(reconcile(_responses(dataset, verband_id)), key=_talk_first)
        for a, b in [t.pair]
    ]
    return pd.DataFrame(
        rows,
        columns=[
            "actor_a",
            "naam_a",
            "actor_b",
            "naam_b",
            "bevestiging",
            "genoemd_door",
        ],
    )


def roster_additions(dataset: Dataset, verband_id: str) -> pd.DataFrame:
    """The organisations partners wrote in as missing from their list (sheet ``ontbrekend``),
    as written (name, town, reason), with who wrote them; the most often named first. They
    are not members: whether one belongs in the verband is the regisseur's call."""
    require(dataset, verband_id, detail=True)
    names = {a.id: a.name for a in dataset.actors}
    named: dict[str, set[str]] = {}
    for response in _responses(dataset, verband_id):
        for text in response.added:
            named.setdefault(text, set()).add(names.get(response.respondent, response.respondent))
    rows = sorted(named.items(), key=lambda item: (-len(item[1]), item[0].lower()))
    return pd.DataFrame(
        [(text, len(by), "; ".join(sorted(by))) for text, by in rows],
        columns=["ontbrekend", "genoemd_aantal", "genoemd_door"],
    )


def roster_scores(dataset: Dataset, verband_id: str) -> pd.DataFrame:
    """Per organisation the partners rated: mean trust and value, and how many partners rated
    it; both means empty below three raters (:data:`graphmodel.reconcile.MIN_RATERS`)."""
    require(dataset, verband_id, detail=True)
    scores = organisation_scores(_responses(dataset, verband_id))
    rows = [
        (actor, dataset.actor_by_id[actor].name if actor in dataset.actor_by_id else actor, *s)
        for actor, s in scores.items()
    ]
    frame = pd.DataFrame(
        rows, columns=["actor", "naam", "vertrouwen", "meerwaarde", "beoordelaars"]
    )
    return frame.sort_values(["beoordelaars", "naam"], ascending=[False, True]).reset_index(
        drop=True
    )


COMPARISON_COLUMNS = (
    "verband",
    "naam",
    "uitgenodigd",
    "geantwoord",
    "respons",
    "respons_ondergrens",
    "respons_bovengrens",
    "respons_lezing",
    "dichtheid_reconstructie",
    "vertrouwen",
    "meerwaarde",
)


def roster_comparison(dataset: Dataset) -> pd.DataFrame:
    """Every verband with a survey round side by side, in id order (never ranked): response
    with its 99,8% funnel limits around the response of the verbanden in the table together
    (all answers over all invited; none with fewer than two verbanden,
    :func:`queries.funnel.proportion_reading`), the density under the default rule, and the
    mean trust and value. Trust and value get no limits: a mean of 1-4 scores has no
    Poisson or binomial spread to set them by."""
    require(dataset, detail=False)
    rows = []
    for verband in sorted({r.verband_id for r in dataset.roster_responses}):
        summary = roster_summary(dataset, verband)
        rows.append(
            {
                "verband": verband,
                "naam": dataset.verband_by_id[verband].name,
                **{k: summary[k] for k in ("uitgenodigd", "geantwoord", "respons")},
                "dichtheid_reconstructie": summary["dichtheid_reconstructie"],
                "vertrouwen": summary["vertrouwen"],
                "meerwaarde": summary["meerwaarde"],
            }
        )
    invited = sum(r["uitgenodigd"] for r in rows)
    # The reference is the verbanden in this table (a regisseur sees only their own): with
    # fewer than two, there is nothing to compare against.
    enough = len(rows) >= 2 and invited
    target = sum(r["geantwoord"] for r in rows) / invited if enough else float("nan")
    for row in rows:
        lower, upper, reading = proportion_reading(row["respons"], row["uitgenodigd"], target)
        row |= {"respons_ondergrens": lower, "respons_bovengrens": upper, "respons_lezing": reading}
    frame = pd.DataFrame(rows, columns=list(COMPARISON_COLUMNS))
    frame.attrs["vlaanderen"] = target
    return frame
