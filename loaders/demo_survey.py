"""Synthetic survey answers for the demo: what its made-up regisseurs would have answered.

Like 2018, 28 of the 32 verbanden answer. Each regisseur reports, per partner type, the
highest engagement of its members in the demo network; in about one answer in seven the
regisseur sees it one level higher or lower (so the check against the network has something
to show). The other answers are drawn around the figures the 2018 report states (21%
constructive with only a small part of the local governments; about 80% of the time on
coordination and facilitation, 14% as co-producer). Synthetic, like the rest of the demo.
"""

from __future__ import annotations

import random
from datetime import date

from verbinder.graphmodel.model import Dataset
from verbinder.graphmodel.survey import (
    PARTNER_TYPES,
    PARTNERS,
    RELATIONS,
    SCOPES,
    VISIONS,
    SurveyAnswer,
)
from verbinder.graphmodel.types import Engagement

__all__ = ["ANSWERED", "demo_survey_answers"]

ANSWERED = date(2018, 4, 18)
"""The deadline of the 2018 survey."""
RESPONDING = 28
PERCEPTION_SHIFT = 1 / 7


def _roles(rng: random.Random) -> dict[str, float]:
    raw = {
        "coproducent": rng.uniform(5, 25),
        "coordinator": rng.uniform(35, 55),
        "facilitator": rng.uniform(25, 40),
        "promotor": rng.uniform(2, 12),
        "andere": rng.choice((0.0, 0.0, 5.0)),
    }
    # Whole percentages that add up to 100: the largest part takes the rounding difference.
    scaled = {k: float(round(v * 100 / sum(raw.values()))) for k, v in raw.items()}
    largest = max(scaled, key=scaled.get)
    scaled[largest] += 100 - sum(scaled.values())
    return scaled


def demo_survey_answers(dataset: Dataset, seed: int) -> tuple[SurveyAnswer, ...]:
    """Answers for 28 of the dataset's verbanden, drawn with ``seed``."""
    rng = random.Random(seed + 2018)
    verbanden = sorted(dataset.verband_by_id)
    answering = sorted(rng.sample(verbanden, min(RESPONDING, len(verbanden))))
    answers = []
    for verband in answering:
        members = dataset.members_of(verband)
        engagement = {}
        for key in PARTNERS:
            levels = [a.engagement_in(verband) for a in members if a.type in PARTNER_TYPES[key]]
            level = int(max(levels, default=Engagement.GEEN))
            if rng.random() < PERCEPTION_SHIFT:
                level = min(3, max(0, level + rng.choice((-1, 1))))
            engagement[key] = Engagement(level)
        relations = {key: rng.choice((2, 2, 3)) for key in RELATIONS}
        if rng.random() < 0.21:
            relations["constructief"] = 1
        answers.append(
            SurveyAnswer(
                verband,
                ANSWERED,
                engagement,
                relations,
                _roles(rng),
                rng.choice(list(SCOPES)),
                rng.choice(list(VISIONS)[1:]),
            )
        )
    return tuple(answers)
