"""The network survey (netwerkbevraging): each partner organisation of a verband reports, on a
list of the others (a roster), which relations it has with them and how it rates them.

The roster method asks every respondent about every other member of a bounded network, so that
a tie can be checked from both sides (Marsden 1990). The questions on the quality of a relation
follow the two dimensions of PARTNER (Varda et al. 2008): *trust* (openness, reliability,
commitment to the shared mission) and *value* (influence, resources brought in, involvement).
The wording below is ours, written for social economy and work; it does not copy PARTNER's
instrument. A response belongs to an organisation, never to the person who filled it in: it
holds no personal data.

References
----------
.. [1] Marsden, P. V. (1990). Network data and measurement. Annual Review of Sociology 16,
   435-463.
.. [2] Varda, D. M., Chandra, A., Stern, S. A., & Lurie, N. (2008). Core dimensions of
   connectivity in public health collaboratives. Journal of Public Health Management and
   Practice 14(5), E1-E7.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date

from verbinder.graphmodel.model import Actor, Dataset
from verbinder.graphmodel.types import Engagement, TieKind

__all__ = [
    "FREQUENCIES",
    "KINDS",
    "SCALE",
    "SCALE_WORDS",
    "SCORE_KEYS",
    "TRUST_ITEMS",
    "VALUE_ITEMS",
    "RosterResponse",
    "Stated",
    "merged_responses",
    "response_problem",
    "responses_after_merges",
    "survey_partners",
]

FREQUENCIES: tuple[str, ...] = ("jaarlijks", "driemaandelijks", "maandelijks", "wekelijks")
"""How often the two organisations were in contact, least often first."""

KINDS: dict[str, tuple[str, TieKind, bool]] = {
    "overleg": ("Overleg of netwerking", TieKind.OVERLEG, False),
    "samenwerking": ("Samen acties of projecten", TieKind.SAMENWERKING, False),
    "overeenkomst": ("Een samenwerkingsovereenkomst", TieKind.SAMENWERKINGSOVEREENKOMST, False),
    "wij_kopen": ("Wij kopen bij hen of besteden werk aan hen uit", TieKind.AANKOOP, False),
    "zij_kopen": ("Zij kopen bij ons of besteden werk aan ons uit", TieKind.AANKOOP, True),
    "wij_leiden_toe": ("Wij leiden werkzoekenden naar hen toe", TieKind.TOELEIDING, False),
    "zij_leiden_toe": ("Zij leiden werkzoekenden naar ons toe", TieKind.TOELEIDING, True),
}
"""The kinds of relation a respondent can tick, by form column: the question, the tie kind and
whether the tie points from the other organisation to the respondent (for directed kinds)."""

SCALE: tuple[int, int] = (1, 4)
"""The answers on a trust or value item: 1 (helemaal niet) to 4 (helemaal wel)."""

SCALE_WORDS: tuple[str, ...] = ("helemaal niet", "eerder niet", "eerder wel", "helemaal wel")
"""What 1, 2, 3 and 4 mean."""

TRUST_ITEMS: dict[str, str] = {
    "open": "Deze organisatie staat open voor overleg en deelt wat ze weet.",
    "betrouwbaar": "Deze organisatie doet wat ze met ons afspreekt.",
    "missie": "Deze organisatie zet zich in voor werk voor wie moeilijk aan de slag raakt.",
}
"""Trust in the other organisation (PARTNER's openness, reliability and shared mission)."""

VALUE_ITEMS: dict[str, str] = {
    "invloed": "Deze organisatie krijgt in de regio dingen in beweging.",
    "middelen": "Deze organisatie brengt iets in: jobs, opdrachten, mensen, kennis of geld.",
    "inzet": "Deze organisatie werkt actief mee aan wat het verband doet.",
}
"""The value of the other organisation to the verband (PARTNER's power and influence,
resource contribution and level of involvement)."""

SCORE_KEYS: tuple[str, ...] = (
    *(f"vertrouwen_{key}" for key in TRUST_ITEMS),
    *(f"waarde_{key}" for key in VALUE_ITEMS),
)
"""The score columns of the form and of the sheet ``netwerkbevraging``: trust items, then
value items (as :attr:`Stated.trust` + :attr:`Stated.value`)."""


@dataclass(frozen=True)
class Stated:
    """What a respondent said about one organisation on its roster.

    ``contact`` is None when the row was left empty (then the respondent named no relation with
    it); ``kinds`` are keys of :data:`KINDS`; ``trust`` and ``value`` hold one answer (1-4, or
    None when not answered) per item of :data:`TRUST_ITEMS` and :data:`VALUE_ITEMS`.
    """

    about: str
    contact: bool | None = None
    kinds: tuple[str, ...] = ()
    frequency: str | None = None
    trust: tuple[int | None, ...] = (None, None, None)
    value: tuple[int | None, ...] = (None, None, None)
    wished: bool = False
    reason: str | None = None

    @property
    def names_tie(self) -> bool:
        """True when the respondent reports a relation with the organisation."""
        return bool(self.contact) or bool(self.kinds)


@dataclass(frozen=True)
class RosterResponse:
    """One organisation's returned form for one verband.

    ``roster`` lists the ids on its form (what it was asked about); ``stated`` one entry per
    row it filled in; ``added`` the organisations it wrote in as missing from the list (names
    as written). ``received`` is the day the form was read.
    """

    verband_id: str
    respondent: str
    received: date
    roster: tuple[str, ...]
    stated: tuple[Stated, ...] = field(default=())
    added: tuple[str, ...] = ()

    @property
    def id(self) -> str:
        """One response per organisation and verband."""
        return f"{self.verband_id}:{self.respondent}"

    def about(self, actor_id: str) -> Stated | None:
        """What this response says about ``actor_id``, or None when its row was left empty."""
        return next((s for s in self.stated if s.about == actor_id), None)


def _on_scale(score: object) -> bool:
    return type(score) is int and SCALE[0] <= score <= SCALE[1]


def response_problem(response: RosterResponse) -> str | None:
    """What makes a response impossible to have come from a form (Dutch), or None.

    >>> said = (Stated("b", True, ("x",)),)
    >>> response_problem(RosterResponse("v", "a", date(2026, 1, 1), ("b",), said))
    "over 'b': onbekende soort relatie 'x'"
    >>> response_problem(RosterResponse("v", "a", date(2026, 1, 1), ("a", "b")))
    'de organisatie staat op haar eigen lijst'
    """
    if len(set(response.roster)) != len(response.roster):
        return "een organisatie staat twee keer op de lijst"
    if response.respondent in response.roster:
        return "de organisatie staat op haar eigen lijst"
    if len({s.about for s in response.stated}) != len(response.stated):
        return "twee antwoorden over dezelfde organisatie"
    for stated in response.stated:
        where = f"over '{stated.about}'"
        if stated.about not in response.roster:
            return f"{where}: staat niet op de lijst van het formulier"
        if unknown := [k for k in stated.kinds if k not in KINDS]:
            return f"{where}: onbekende soort relatie '{unknown[0]}'"
        if stated.contact not in (True, False, None) or not isinstance(stated.wished, bool):
            return f"{where}: contact en wens zijn ja (true) of nee (false)"
        if stated.frequency is not None and stated.frequency not in FREQUENCIES:
            return f"{where}: onbekende frequentie '{stated.frequency}'"
        scores = stated.trust + stated.value
        if len(stated.trust) != len(TRUST_ITEMS) or len(stated.value) != len(VALUE_ITEMS):
            return f"{where}: {len(TRUST_ITEMS)} scores voor vertrouwen en waarde nodig"
        if any(s is not None and not _on_scale(s) for s in scores):
            return f"{where}: een score buiten {SCALE[0]} tot {SCALE[1]}"
    return None


def survey_partners(dataset: Dataset, verband_id: str, *, everyone: bool = False) -> list[Actor]:
    """The organisations of a verband that get a form, in the order of the list (by type,
    then by name): the members with an engagement above 'geen', or all with ``everyone``."""
    members = [
        a
        for a in dataset.members_of(verband_id)
        if everyone or a.engagement_in(verband_id) is not Engagement.GEEN
    ]
    return sorted(members, key=lambda a: (a.type.label.lower(), a.name.lower(), a.id))


def _joined_stated(first: Stated, second: Stated) -> Stated:
    """One row from two rows about organisations that proved to be one: every relation either
    names, the more frequent contact, per item the first row's score where it has one."""
    kinds = tuple(k for k in KINDS if k in first.kinds or k in second.kinds)
    contacts = {first.contact, second.contact}
    frequencies = [f for f in (first.frequency, second.frequency) if f]
    reasons = dict.fromkeys(r for r in (first.reason, second.reason) if r)
    return Stated(
        first.about,
        True if True in contacts or kinds else False if False in contacts else None,
        kinds,
        max(frequencies, key=FREQUENCIES.index, default=None),
        tuple(a if a is not None else b for a, b in zip(first.trust, second.trust, strict=True)),
        tuple(a if a is not None else b for a, b in zip(first.value, second.value, strict=True)),
        first.wished or second.wished,
        " / ".join(reasons) or None,
    )


def _joined_response(first: RosterResponse, second: RosterResponse) -> RosterResponse:
    stated = {s.about: s for s in first.stated}
    for s in second.stated:
        stated[s.about] = _joined_stated(stated[s.about], s) if s.about in stated else s
    roster = tuple(dict.fromkeys(first.roster + second.roster))
    return replace(
        first,
        received=max(first.received, second.received),
        roster=roster,
        stated=_in_order(stated, roster),
        added=tuple(dict.fromkeys(first.added + second.added)),
    )


def _in_order(stated: dict[str, Stated], roster: tuple[str, ...]) -> tuple[Stated, ...]:
    """The rows in the order of the list, as a form gives them."""
    return tuple(stated[a] for a in roster if a in stated)


def merged_responses(
    responses: Iterable[RosterResponse], kept: str, dropped: str
) -> tuple[RosterResponse, ...]:
    """The responses once organisation ``dropped`` proved to be ``kept``.

    ``dropped`` becomes ``kept`` as respondent and on every list; two rows of one list about
    the two become one row, and two forms of the two in one verband become one form (both
    with the rule of :func:`_joined_stated`, ``kept``'s answers first); a row of ``kept``'s
    form about ``dropped`` (or the reverse) is about itself and is left out.

    >>> day = date(2026, 1, 1)
    >>> said = (Stated("b", True, ("overleg",)), Stated("c", True, ("samenwerking",)))
    >>> merged_responses([RosterResponse("v", "a", day, ("b", "c"), said)], "b", "c")[0].stated
    (Stated(about='b', contact=True, kinds=('overleg', 'samenwerking'), frequency=None, \
trust=(None, None, None), value=(None, None, None), wished=False, reason=None),)
    """

    def one(actor_id: str) -> str:
        return kept if actor_id == dropped else actor_id

    result: dict[str, RosterResponse] = {}
    for response in sorted(responses, key=lambda r: r.respondent == dropped):
        who = one(response.respondent)
        stated: dict[str, Stated] = {}
        for s in sorted(response.stated, key=lambda s: s.about == dropped):
            about = one(s.about)
            if about != who:
                s = replace(s, about=about)
                stated[about] = _joined_stated(stated[about], s) if about in stated else s
        roster = tuple(dict.fromkeys(one(a) for a in response.roster if one(a) != who))
        carried = replace(response, respondent=who, roster=roster, stated=_in_order(stated, roster))
        if carried.id in result:
            carried = _joined_response(result[carried.id], carried)
        result[carried.id] = carried
    return tuple(result.values())


def responses_after_merges(
    responses: tuple[RosterResponse, ...], dataset: Dataset
) -> tuple[RosterResponse, ...]:
    """``responses`` given on forms made before some of ``dataset``'s merges, carried over
    each of those merges in turn (:func:`merged_responses`)."""
    named = {a for r in responses for a in (r.respondent, *r.roster)}
    for merge in dataset.merges:
        if merge.dropped in named:
            responses = merged_responses(responses, merge.kept, merge.dropped)
            named.add(merge.kept)
    return responses
