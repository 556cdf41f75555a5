"""Turn the 2018 survey shares (:mod:`graphmodel.survey_2018`) into whole verbanden."""

from __future__ import annotations

from verbinder.graphmodel.types import Engagement

__all__ = ["allocate"]


def allocate(shares: tuple[float, ...], n: int) -> list[Engagement]:
    """Exactly ``n`` engagement levels in the given shares (largest-remainder rounding).

    The counts differ from ``share * n`` by less than one each, so a demo built from them
    matches the survey as closely as whole verbanden allow.

    Examples
    --------
    >>> from collections import Counter
    >>> sorted(Counter(allocate((0.48, 0.40, 0.12, 0.0), 32)).items())
    [(<Engagement.GEEN: 0>, 15), (<Engagement.PASSIEF: 1>, 13), (<Engagement.ACTIEF: 2>, 4)]
    """
    quotas = [share * n for share in shares]
    counts = [int(q) for q in quotas]
    by_remainder = sorted(range(len(shares)), key=lambda i: quotas[i] - counts[i], reverse=True)
    for i in by_remainder[: n - sum(counts)]:
        counts[i] += 1
    return [Engagement(level) for level, count in enumerate(counts) for _ in range(count)]
