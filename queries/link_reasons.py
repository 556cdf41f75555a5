"""Why a pair is suggested: whole Dutch sentences, the reason that weighs most first.

Each feature of :mod:`queries.missing_links` that counts for a pair gives one sentence; the
sentences are ordered by what the feature added to the score (weight x value). A sentence that
holds for every pair of a result (all pairs in one verband, say) tells the regisseur nothing and
is left out.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from verbinder.graphmodel.formatting import count, enumeration, number
from verbinder.graphmodel.model import Actor
from verbinder.graphmodel.nace import SECTION_LABELS, nace_label, nace_levels
from verbinder.graphmodel.sector_fit import FitRule

__all__ = ["PairFacts", "explain", "without_shared"]

_WORDS = ["geen", "één", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien"]


def count_word(n: int) -> str:
    """A small count as a word ("twee"), a larger one as digits."""
    return _WORDS[n] if n < len(_WORDS) else count(n)


def _number(value: float) -> str:
    return count(value) if float(value).is_integer() else number(value, 1)


def openness_reasons(engagement: float, attended: int, mvo: bool) -> list[str]:
    """What makes an employer open to a first contact, as parts of one sentence."""
    parts = []
    if engagement >= 2 / 3:
        parts.append("is actief betrokken bij het verband")
    if attended:
        plural = "en" if attended > 1 else ""
        parts.append(f"was op {count_word(attended)} evenement{plural} van het verband")
    if mvo:
        parts.append("doet aan maatschappelijk verantwoord ondernemen (MVO)")
    return parts


@dataclass(frozen=True)
class PairFacts:
    """What is known about one suggested pair, for its explanation."""

    se: Actor
    employer: Actor
    rule: FitRule | None
    """None for a pair suggested only because it was wished."""
    code: str
    """The employer's NACE code the rule was chosen for."""
    common: int
    examples: tuple[str, ...]
    distance_km: float | None
    """Only when it adds to the score (nearer than the distance where nearness stops)."""
    same_town: bool
    shared_verband: str | None
    same_province: bool
    openness: tuple[str, ...]
    contribution: dict[str, float]
    wished: tuple[tuple[str, str], ...] = ()
    """Who wished the pair in the network survey (name) and why ('' without a reason)."""


def _lowered(label: str) -> str:
    return label[:1].lower() + label[1:]


def _fit_sentence(f: PairFacts) -> str | None:
    """The employer's own activity (its most specific code and label) and the fit rule."""
    if f.rule is None:
        return None
    code = f.code or f.rule.nace
    # A code below the official subclasses (28.290 under class 28.29) reads as its class.
    label = next((x for x in map(nace_label, nace_levels(code)) if x), None)
    own = f"NACE {code}: {_lowered(label)}" if label else f"NACE {code}"
    often = "vaak" if f.rule.weight >= 1 else "soms"
    strength = "Sterke" if f.rule.weight >= 1 else "Gedeeltelijke"
    note = f": {f.rule.note}" if f.rule.note else ""
    if f.rule.nace in SECTION_LABELS:
        scope = f"werkt in {SECTION_LABELS[f.rule.nace].lower()}, een sector die"
    else:
        scope = f"valt onder {_lowered(nace_label(f.rule.nace) or f.rule.nace)}, werk dat"
    return (
        f"{strength} sectorfit: {f.employer.name} ({own}) {scope} {often} een beroep doet op "
        f"{f.rule.activity}{note}."
    )


def _partner_sentence(f: PairFacts) -> str | None:
    if not f.common:
        return None
    if f.common == 1:
        return f"{f.examples[0]} werkt met beide samen en kan hen aan elkaar voorstellen."
    names = list(f.examples)
    if f.common > len(names):
        names.append(f"nog {count_word(f.common - len(names))} andere")
    return (
        f"Ze hebben {count_word(f.common)} gemeenschappelijke partners ({enumeration(names)}) "
        "die hen aan elkaar kunnen voorstellen."
    )


def _place_sentence(f: PairFacts) -> str | None:
    distance = None if f.distance_km is None else _number(round(f.distance_km, 1))
    if f.same_town:
        return f"Beide zijn gevestigd in {f.se.municipality}" + (
            f", op {distance} km van elkaar." if distance else "."
        )
    if distance:
        return f"Ze liggen op {distance} km van elkaar."
    if f.shared_verband:
        return f"Ze zitten allebei in het verband {f.shared_verband}."
    return "Ze liggen in dezelfde provincie." if f.same_province else None


def _openness_sentence(f: PairFacts) -> str | None:
    return f"{f.employer.name} {enumeration(list(f.openness))}." if f.openness else None


def _capacity_sentence(f: PairFacts) -> str | None:
    size = f.se.fte if f.se.fte is not None else f.se.target_group_workers
    if not size:
        return None
    unit = "VTE" if f.se.fte is not None else "doelgroepwerknemers"
    return f"{f.se.name} is een {f.se.type.label} met {_number(size)} {unit}."


def _wish_sentence(f: PairFacts) -> str | None:
    if not f.wished:
        return None
    names = enumeration([name for name, _ in f.wished])
    both = " (beide kanten)" if len(f.wished) > 1 else ""
    reasons = [f"'{reason}'" for _, reason in f.wished if reason]
    why = f": {enumeration(reasons)}" if reasons else ""
    return f"Gewenst door {names}{both} in de netwerkbevraging{why}."


_SENTENCES = {
    "gewenst": _wish_sentence,
    "sectorfit": _fit_sentence,
    "netwerknabijheid": _partner_sentence,
    "plaats": _place_sentence,
    "openheid": _openness_sentence,
    "capaciteit": _capacity_sentence,
}


def explain(facts: PairFacts) -> list[str]:
    """The pair's sentences, the feature that added most to its score first."""
    order = sorted(_SENTENCES, key=lambda f: -facts.contribution.get(f, 0.0))
    return [s for s in (_SENTENCES[f](facts) for f in order) if s]


def without_shared(explanations: list[list[str]]) -> list[str]:
    """Each pair's sentences joined, leaving out a sentence every pair has (when there are
    several pairs): it does not tell one suggestion from another."""
    shared: set[str] = set()
    if len(explanations) > 1:
        seen = Counter(s for sentences in explanations for s in set(sentences))
        shared = {s for s, n in seen.items() if n == len(explanations)}
    return [" ".join(s for s in sentences if s not in shared) for sentences in explanations]
