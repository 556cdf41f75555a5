"""The regie survey next to the 2018 figures and next to the network (issue #8).

- :func:`survey_distribution`: per partner, how many verbanden give it each role now;
- :func:`survey_vs_2018`: the figures the 2018 evaluation states in its text, with the current
  share on the same question;
- :func:`survey_disagreements`: where a verband's detailed network says otherwise than its
  regisseur's answer.
"""

from __future__ import annotations

import pandas as pd
from verbinder.graphmodel.model import Dataset
from verbinder.graphmodel.survey import PARTNER_TYPES, PARTNERS, RELATIONS, ROLES, SHARE_WORDS
from verbinder.graphmodel.types import ActorType, Engagement
from verbinder.queries.permissions import require

__all__ = [
    "REFERENCE_2018",
    "survey_disagreements",
    "survey_distribution",
    "survey_table",
    "survey_vs_2018",
]

_ACTIVE = (Engagement.ACTIEF, Engagement.ZEER_ACTIEF)

REFERENCE_2018: tuple[tuple[str, str, tuple, float, str], ...] = (
    (
        "stad_gemeenten",
        "zeer actief (voortrekker)",
        ("engagement", (Engagement.ZEER_ACTIEF,)),
        0.43,
        "IDEA Consult 2019, 2.2: 'in 43% van de samenwerkingsverbanden zelf een voortrekker'",
    ),
    (
        "sociale_partners",
        "geen rol",
        ("engagement", (Engagement.GEEN,)),
        0.48,
        "IDEA Consult 2019, 2.2: 'in bijna de helft ... geen rol' (48% is onze lezing)",
    ),
    (
        "sociale_partners",
        "passieve rol",
        ("engagement", (Engagement.PASSIEF,)),
        0.40,
        "IDEA Consult 2019, 2.2: 'in nog eens 40% ... een passieve rol'",
    ),
    (
        "provincie",
        "actief of zeer actief",
        ("engagement", _ACTIVE),
        0.40,
        "IDEA Consult 2019, 2.2: '40% ... de provincie effectief als een actieve partner'",
    ),
    (
        "lokale besturen",
        "constructief met slechts een klein deel",
        ("relation", ("constructief", 1)),
        0.21,
        "IDEA Consult 2019, 2.2: '21% ... slechts met een klein deel van de besturen'",
    ),
    (
        "tijd",
        "coördinator + facilitator (gemiddeld aandeel van de tijd)",
        ("roles", ("coordinator", "facilitator")),
        0.80,
        "IDEA Consult 2019, 2.6: 'Coördinatie en facilitering staan voor 80% van de tijd'",
    ),
    (
        "tijd",
        "(co)producent (gemiddeld aandeel van de tijd)",
        ("roles", ("coproducent",)),
        0.14,
        "IDEA Consult 2019, 2.6: 'In mindere mate (14%) ... eigen sociale economie-initiatieven'",
    ),
)
"""The 2018 figures stated in the report's text: (partner, answer, how to measure it now,
share in 2018, source). Figure 5 of the report has no numbers; only these are comparable."""


def survey_table(dataset: Dataset) -> pd.DataFrame:
    """One row per answered verband, to compare verbanden: ``verband``, ``datum``, the role of
    each partner (``rol_<partner>``), the relation with the local governments
    (``besturen_<statement>``: geen / klein deel / groot deel / alle), the time per role in %
    (``tijd_<rol>``), ``reikwijdte`` and ``beleidsvisie``."""
    require(dataset, detail=False)
    rows = []
    for a in sorted(dataset.surveys, key=lambda a: a.verband_id):
        row = {"verband": a.verband_id, "datum": a.answered}
        row |= {f"rol_{k}": a.engagement[k].label for k in PARTNERS}
        row |= {f"besturen_{k}": SHARE_WORDS[a.relations[k]] for k in RELATIONS}
        row |= {f"tijd_{k}": a.roles[k] for k in ROLES}
        rows.append(row | {"reikwijdte": a.scope, "beleidsvisie": a.vision})
    return pd.DataFrame(rows)


def survey_distribution(dataset: Dataset) -> pd.DataFrame:
    """Per partner (rows, Dutch labels) the number of answered verbanden per role (columns
    geen, passief, actief, zeer actief)."""
    require(dataset, detail=False)
    rows = {
        PARTNERS[key]: [
            sum(a.engagement[key] is level for a in dataset.surveys) for level in Engagement
        ]
        for key in PARTNERS
    }
    frame = pd.DataFrame.from_dict(rows, orient="index", columns=[e.label for e in Engagement])
    return frame.rename_axis("partner")


def _now(answers: tuple, partner: str, measure: tuple) -> float:
    """The current value of a 2018 measure over ``answers`` (NaN without answers)."""
    if not answers:
        return float("nan")
    kind, what = measure
    if kind == "engagement":
        return sum(a.engagement[partner] in what for a in answers) / len(answers)
    if kind == "relation":
        relation, share = what
        return sum(a.relations[relation] == share for a in answers) / len(answers)
    return sum(sum(a.roles[r] for r in what) for a in answers) / len(answers) / 100


def survey_vs_2018(dataset: Dataset) -> pd.DataFrame:
    """The 2018 figures next to the same measure on the current answers.

    Columns ``partner``, ``antwoord``, ``aandeel_2018``, ``aandeel_nu`` (NaN without answers),
    ``verbanden_nu`` (answers counted) and ``bron``.
    """
    require(dataset, detail=False)
    answers = dataset.surveys
    rows = []
    for partner, answer, measure, share, source in REFERENCE_2018:
        now = _now(answers, partner, measure)
        rows.append(
            {
                "partner": PARTNERS.get(partner, partner),
                "antwoord": answer,
                "aandeel_2018": share,
                "aandeel_nu": now,
                "verbanden_nu": len(answers),
                "bronvermelding": source,
            }
        )
    return pd.DataFrame(rows)


def survey_disagreements(dataset: Dataset, verband_id: str) -> pd.DataFrame:
    """Where the network of ``verband_id`` disagrees with its survey answer.

    Per partner: an answer of actief or zeer actief while no member of that type is engaged
    that much in the network, or has a tie with the regisseur; an answer of 'geen rol' while a
    member of that type is actief or zeer actief. Columns ``partner``, ``antwoord``,
    ``netwerk``, ``melding``; empty when they agree or there is no answer.
    """
    require(dataset, verband_id, detail=True)
    answer = next((a for a in dataset.surveys if a.verband_id == verband_id), None)
    columns = ["partner", "antwoord", "netwerk", "melding"]
    if answer is None:
        return pd.DataFrame(columns=columns)
    members = dataset.members_of(verband_id)
    regisseurs = {a.id for a in members if a.type is ActorType.REGISSEUR}
    ids = {a.id for a in members}
    tied_to_regisseur: set[str] = set()
    for tie in dataset.ties:
        if tie.source in ids and tie.target in ids:
            if tie.source in regisseurs:
                tied_to_regisseur.add(tie.target)
            if tie.target in regisseurs:
                tied_to_regisseur.add(tie.source)
    rows = []
    for key, label in PARTNERS.items():
        said = answer.engagement[key]
        of_type = [a for a in members if a.type in PARTNER_TYPES[key]]
        best = max((a.engagement_in(verband_id) for a in of_type), default=None)
        seen = "geen actor van dit type" if best is None else f"hoogstens {best.label}"
        if said in _ACTIVE:
            if best is None or best not in _ACTIVE:
                rows.append([label, said.label, seen, "de bevraging zegt actief, het netwerk niet"])
            elif not any(a.id in tied_to_regisseur for a in of_type):
                rows.append(
                    [
                        label,
                        said.label,
                        seen,
                        "actief volgens de bevraging, maar geen relatie "
                        "met de regisseur in het netwerk",
                    ]
                )
        elif said is Engagement.GEEN and best in _ACTIVE:
            names = ", ".join(a.name for a in of_type if a.engagement_in(verband_id) in _ACTIVE)
            rows.append(
                [label, said.label, seen, f"de bevraging zegt geen rol, maar actief: {names}"]
            )
    return pd.DataFrame(rows, columns=columns)
