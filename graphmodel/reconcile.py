"""From the network survey's answers to ties: which relations both sides confirm, and the trust
and value the partners report (issue #18).

A relation is *bevestigd* when both organisations name it, *eenzijdig* when one names it while
the other answered about it and did not, and *onbekend* when one names it and the other did not
answer. Which of these enter the analysis network is a rule (:data:`RULES`); the default,
:data:`DEFAULT_RULE`, is *reconstructie*: a tie with an organisation that did not answer is
taken from the side that did, a tie the other side answered about and did not name is left
out. Stork & Richards (1992) proposed it for nonrespondents and Huisman (2009) found it keeps
density and degree closer to the full network than leaving nonrespondents' ties out.

References
----------
.. [1] Stork, D., & Richards, W. D. (1992). Nonrespondents in communication network studies.
   Group & Organization Management 17(2), 193-209.
.. [2] Huisman, M. (2009). Imputation of missing network data: some simple procedures.
   Journal of Social Structure 10(1).
.. [3] Varda, D. M., Chandra, A., Stern, S. A., & Lurie, N. (2008). Core dimensions of
   connectivity in public health collaboratives. Journal of Public Health Management and
   Practice 14(5), E1-E7.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from statistics import fmean

import networkx as nx
from verbinder.graphmodel.model import Tie
from verbinder.graphmodel.roster import KINDS, RosterResponse, Stated
from verbinder.graphmodel.types import Provenance, TieKind

__all__ = [
    "CONTACT_KIND",
    "DEFAULT_RULE",
    "MIN_RATERS",
    "RULES",
    "SURVEY_TIE",
    "SurveyedTie",
    "TieStatus",
    "item_mean",
    "organisation_scores",
    "reconcile",
    "rule_in_use",
    "survey_ties",
    "tie_id_prefix",
    "unconfirmed_partners",
    "wishes",
    "with_survey_ties",
]


class TieStatus(StrEnum):
    """How a relation named in the survey is confirmed."""

    BEVESTIGD = "bevestigd"
    EENZIJDIG = "eenzijdig"
    ONBEKEND = "onbekend"

    @property
    def description(self) -> str:
        """One Dutch sentence: what the status means."""
        return _STATUS_WORDS[self]


_STATUS_WORDS = {
    TieStatus.BEVESTIGD: "beide organisaties noemen de relatie",
    TieStatus.EENZIJDIG: "één organisatie noemt ze, de andere antwoordde en noemde ze niet",
    TieStatus.ONBEKEND: "één organisatie noemt ze, de andere antwoordde niet",
}

RULES: dict[str, frozenset[TieStatus]] = {
    "reconstructie": frozenset({TieStatus.BEVESTIGD, TieStatus.ONBEKEND}),
    "unie": frozenset(TieStatus),
    "bevestigd": frozenset({TieStatus.BEVESTIGD}),
}
"""Which relations enter the analysis network under each rule."""

DEFAULT_RULE = "reconstructie"

CONTACT_KIND = TieKind.OVERLEG
"""The kind of a relation named with 'contact: ja' and no kind ticked."""

MIN_RATERS = 3
"""An organisation's trust and value are shown only when at least this many partners rated it,
so that no single partner's judgement of a named organisation can be read from them."""


@dataclass(frozen=True)
class SurveyedTie:
    """A relation named in the survey: its two organisations (in id order), its status, who
    named it, its kinds as (kind, source, target), and the mean trust and value the reporters
    gave each other (None when nobody rated)."""

    pair: tuple[str, str]
    status: TieStatus
    reporters: tuple[str, ...]
    kinds: tuple[tuple[TieKind, str, str], ...]
    trust: float | None
    value: float | None


def item_mean(items: Iterable[float | None]) -> float | None:
    """The mean of the answered items (or of the given scores), None when there is none.

    >>> item_mean((4, 3, None))
    3.5
    """
    answered = [i for i in items if i is not None]
    return fmean(answered) if answered else None


def _kinds(respondent: str, stated: Stated) -> list[tuple[TieKind, str, str]]:
    found = []
    for key in stated.kinds or ():
        _, kind, reverse = KINDS[key]
        if kind.directed:
            ends = (stated.about, respondent) if reverse else (respondent, stated.about)
        else:
            ends = tuple(sorted((respondent, stated.about)))
        found.append((kind, *ends))
    if not found:
        found.append((CONTACT_KIND, *sorted((respondent, stated.about))))
    return found


def _status(other: RosterResponse | None, respondent: str) -> TieStatus:
    if other is None or respondent not in other.roster:
        return TieStatus.ONBEKEND
    stated = other.about(respondent)
    return TieStatus.BEVESTIGD if stated and stated.names_tie else TieStatus.EENZIJDIG


def reconcile(responses: Iterable[RosterResponse]) -> list[SurveyedTie]:
    """Every relation named in one verband's responses, with its status, in pair order.

    Parameters
    ----------
    responses : iterable of RosterResponse
        The responses of one verband (at most one per organisation).

    Returns
    -------
    list of SurveyedTie

    Examples
    --------
    >>> from datetime import date
    >>> a = RosterResponse("v", "a", date(2026, 1, 1), ("b", "c"), (Stated("b", True),))
    >>> b = RosterResponse("v", "b", date(2026, 1, 1), ("a", "c"), ())
    >>> [(t.pair, t.status.value) for t in reconcile([a, b])]
    [(('a', 'b'), 'eenzijdig')]
    """
    by_respondent = {r.respondent: r for r in responses}
    named: dict[tuple[str, str], dict[str, Stated]] = {}
    for response in by_respondent.values():
        for stated in response.stated:
            if stated.names_tie and stated.about != response.respondent:
                pair = tuple(sorted((response.respondent, stated.about)))
                named.setdefault(pair, {})[response.respondent] = stated
    found = []
    for pair in sorted(named):
        reports = named[pair]
        first = next(iter(reports))
        other = pair[1] if first == pair[0] else pair[0]
        status = _status(by_respondent.get(other), first)
        kinds = {k for who, stated in reports.items() for k in _kinds(who, stated)}
        found.append(
            SurveyedTie(
                pair,
                status,
                tuple(sorted(reports)),
                tuple(sorted(kinds)),
                item_mean(item_mean(s.trust) for s in reports.values()),
                item_mean(item_mean(s.value) for s in reports.values()),
            )
        )
    return found


SURVEY_TIE = "netwerkbevraging:"
"""The start of the id of every tie a survey put in the network."""


def tie_id_prefix(verband_id: str) -> str:
    """The start of the id of every tie the survey of ``verband_id`` put in the network."""
    return f"{SURVEY_TIE}{verband_id}:"


def survey_ties(
    verband_id: str,
    surveyed: Iterable[SurveyedTie],
    rule: str = DEFAULT_RULE,
    *,
    synthetic: bool = False,
) -> tuple[Tie, ...]:
    """The ties the analysis network gets from the survey under ``rule`` (a key of
    :data:`RULES`): one per kind of each admitted relation, provenance *bevraging*, its
    status and the rule in the note (so that the rule can be read back,
    :func:`rule_in_use`), and "(synthetisch)" after it for a synthetic dataset's round."""
    admitted = RULES[rule]
    prefix = tie_id_prefix(verband_id)
    label = " (synthetisch)" if synthetic else ""
    return tuple(
        Tie(
            f"{prefix}{source}:{target}:{kind.value}",
            source,
            target,
            kind,
            provenance=Provenance.BEVRAGING,
            note=f"netwerkbevraging: {tie.status.value} (regel {rule}){label}",
        )
        for tie in surveyed
        if tie.status in admitted
        for kind, source, target in tie.kinds
    )


def with_survey_ties(
    ties: Iterable[Tie],
    responses: Iterable[RosterResponse],
    rules: dict[str, str],
    *,
    synthetic: bool = False,
) -> tuple[Tie, ...]:
    """``ties`` with the survey ties of each verband of ``rules`` (verband id -> rule) built
    anew from its ``responses`` under its rule (:func:`survey_ties`); the other ties as they
    are, in their order."""
    prefixes = tuple(tie_id_prefix(v) for v in rules)
    answers = list(responses)
    kept = tuple(t for t in ties if not (prefixes and t.id.startswith(prefixes)))
    return kept + tuple(
        tie
        for verband, rule in rules.items()
        for tie in survey_ties(
            verband,
            reconcile(r for r in answers if r.verband_id == verband),
            rule,
            synthetic=synthetic,
        )
    )


_RULE_NOTE = re.compile(r"\(regel (\w+)\)")


def rule_in_use(
    verband_id: str,
    responses: Iterable[RosterResponse],
    ties: Iterable[Tie],
    first: str = DEFAULT_RULE,
    *,
    synthetic: bool = False,
) -> str | None:
    """The rule (a key of :data:`RULES`) under which ``responses`` give exactly the survey
    ties of ``verband_id`` among ``ties``, every field alike; None when it gives other ties
    (a survey tie was edited by hand). The rule is the one the ties' notes name; a verband
    without survey ties tries ``first``, then the others (where all rules give the same ties,
    the choice makes no difference)."""
    prefix = tie_id_prefix(verband_id)
    present = {t for t in ties if t.id.startswith(prefix)}
    noted = {m.group(1) for t in present if (m := _RULE_NOTE.search(t.note or ""))}
    rules = noted if noted else dict.fromkeys((first, *RULES))
    surveyed = reconcile(r for r in responses if r.verband_id == verband_id)
    for rule in rules:
        if rule not in RULES:
            continue
        if set(survey_ties(verband_id, surveyed, rule, synthetic=synthetic)) == present:
            return rule
    return None


def unconfirmed_partners(
    graph: nx.MultiDiGraph, responses: Iterable[RosterResponse]
) -> dict[str, int]:
    """Per organisation of ``graph`` (a network with tie ids as edge keys): with how many
    partners it is linked only by survey ties whose relation no survey confirmed (eenzijdig or
    onbekend in the survey of each verband that put one there; ``responses`` holds them). A
    pair that also has a tie from another source counts as confirmed.

    >>> from datetime import date
    >>> g = nx.MultiDiGraph()
    >>> g.add_edge("a", "b", key="netwerkbevraging:v:a:b:overleg")
    'netwerkbevraging:v:a:b:overleg'
    >>> said = [RosterResponse("v", "a", date(2026, 1, 1), ("b",), (Stated("b", True),))]
    >>> unconfirmed_partners(g, said)  # b did not answer: onbekend
    {'a': 1, 'b': 1}
    >>> _ = g.add_edge("b", "a", key="t1")  # the regisseur entered the tie too
    >>> unconfirmed_partners(g, said)
    {'a': 0, 'b': 0}
    >>> h = nx.MultiDiGraph([("a", "b", "netwerkbevraging:w:a:b:overleg")])
    >>> unconfirmed_partners(h, said)  # another verband's survey tie, confirmed by none
    {'a': 1, 'b': 1}
    """
    survey_only: dict[tuple[str, str], bool] = {}
    surveys = set()
    for u, v, key in graph.edges(keys=True):
        pair = (u, v) if u <= v else (v, u)
        survey = str(key).startswith(SURVEY_TIE)
        survey_only[pair] = survey_only.get(pair, True) and survey
        if survey:
            surveys.add(str(key)[len(SURVEY_TIE) :].split(":", 1)[0])
    counts = dict.fromkeys(graph, 0)
    if surveys:
        answers = [r for r in responses if r.verband_id in surveys]
        confirmed = {
            t.pair
            for verband in surveys
            for t in reconcile(r for r in answers if r.verband_id == verband)
            if t.status is TieStatus.BEVESTIGD
        }
        for pair, only in survey_only.items():
            if only and pair not in confirmed:
                for end in pair:
                    counts[end] += 1
    return counts


def organisation_scores(
    responses: Iterable[RosterResponse], minimum: int = MIN_RATERS
) -> dict[str, tuple[float | None, float | None, int]]:
    """Per rated organisation: the mean trust and value its partners report, and how many
    partners rated it. Each mean is None when fewer than ``minimum`` partners answered its
    items (see :data:`MIN_RATERS`).

    Each rater counts once, with the mean of the items it answered (Varda et al. 2008).

    >>> from datetime import date
    >>> day = date(2026, 1, 1)
    >>> said = [RosterResponse("v", r, day, ("x",), (Stated("x", True, trust=(t, t, t)),))
    ...         for r, t in (("a", 4), ("b", 3), ("c", 2))]
    >>> organisation_scores(said)
    {'x': (3.0, None, 3)}
    >>> organisation_scores(said[:2])
    {'x': (None, None, 2)}
    """
    ratings: dict[str, list[tuple[float | None, float | None]]] = {}
    for response in responses:
        for stated in response.stated:
            trust, value = item_mean(stated.trust), item_mean(stated.value)
            if stated.about != response.respondent and (trust, value) != (None, None):
                ratings.setdefault(stated.about, []).append((trust, value))
    scores = {}
    for actor, given in ratings.items():
        trust = [t for t, _ in given if t is not None]
        value = [v for _, v in given if v is not None]
        scores[actor] = (
            fmean(trust) if len(trust) >= minimum else None,
            fmean(value) if len(value) >= minimum else None,
            len(given),
        )
    return scores


def wishes(
    responses: Iterable[RosterResponse],
) -> dict[tuple[str, str], tuple[tuple[str, str], ...]]:
    """Per pair (in id order) that someone wished to work with more: who wished it and why
    (the reason as written, '' without one), wishers in id order.

    >>> from datetime import date
    >>> a = RosterResponse("v", "a", date(2026, 1, 1), ("b",), (Stated("b", wished=True),))
    >>> wishes([a])
    {('a', 'b'): (('a', ''),)}
    """
    found: dict[tuple[str, str], dict[str, str]] = {}
    for response in responses:
        for stated in response.stated:
            if stated.wished and stated.about != response.respondent:
                pair = tuple(sorted((response.respondent, stated.about)))
                found.setdefault(pair, {})[response.respondent] = stated.reason or ""
    return {pair: tuple(sorted(who.items())) for pair, who in sorted(found.items())}
