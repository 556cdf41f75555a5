"""Funnel plots for comparing verbanden fairly: control limits around the Flemish figure that
narrow as the expected count grows, with a correction when verbanden differ more than chance.

The indicator of a verband is a ratio ``y = O / E`` (observed ties of a kind over the ties
chance gives with the same actors and mix), its precision the expected count ``E``; the target
``theta`` is the Flemish ratio (all observed over all expected). Following Spiegelhalter (2005),
for a standardised ratio:

- without overdispersion: exact Poisson limits, ``O`` ~ Poisson(``theta E``): the limit at
  probability ``p`` is ``(y_p - alpha) / E`` with ``y_p`` the Poisson quantile and the
  interpolation ``alpha = (F(y_p) - p) / (F(y_p) - F(y_p - 1))`` (his appendix A.1.2);
- overdispersion: ``z_i = (y_i - theta) / sqrt(theta / E_i)``; ``phi`` is the mean of the
  squared z-scores after winsorising them at their 10th and 90th percentiles (his section 4.1);
  ``phi`` is used when ``I phi`` exceeds the 95% point of chi-square with ``I - 1`` degrees of
  freedom (more spread than chance, with ``theta`` estimated), and then the limits are
  ``theta +- z_p sqrt(phi theta / E)`` (normal approximation inflated by ``sqrt(phi)``).

Limits at 95% (two-sided, z = 1,96) and 99,8% (z = 3,09). A verband above the 99,8% limit is
*opvallend hoger*, below it *opvallend lager*, otherwise *binnen de verwachting*; with 32
verbanden, about one and a half would fall outside the 95% limits by chance alone, so the
reading uses the 99,8% limits and the 95% limits are shown as the first warning.

References
----------
.. [1] Spiegelhalter, D. J. (2005). Funnel plots for comparing institutional performance.
   Statistics in Medicine 24(8): 1185-1202.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import stats

__all__ = [
    "ALARM",
    "ALERT",
    "HIGHER",
    "LOWER",
    "WITHIN",
    "Funnel",
    "binomial_limit",
    "funnel",
    "poisson_limit",
    "proportion_reading",
]

ALERT = 0.95
ALARM = 0.998
"""Two-sided coverage of the inner (warning) and outer (reading) control limits."""
WITHIN, HIGHER, LOWER = "binnen de verwachting", "opvallend hoger", "opvallend lager"
UNKNOWN = "niet te berekenen"


def poisson_limit(probability: float, target: float, expected: float) -> float:
    """The ratio at cumulative ``probability`` when ``O`` ~ Poisson(``target x expected``),
    interpolated between the integers (Spiegelhalter 2005, appendix A.1.2).

    With ``theta E = 4``: the 97,5% quantile of Poisson(4) is 8 (F(7) = 0,94887,
    F(8) = 0,97864), alpha = (0,97864 - 0,975) / (0,97864 - 0,94887) = 0,1222, so the limit
    on ``O`` is 7,8778 and on the ratio (E = 4) 1,9695.

    >>> round(poisson_limit(0.975, 1.0, 4.0), 4)
    1.9695
    """
    mean = target * expected
    quantile = stats.poisson.ppf(probability, mean)
    above, below = stats.poisson.cdf(quantile, mean), stats.poisson.cdf(quantile - 1, mean)
    alpha = (above - probability) / (above - below) if above > below else 0.0
    return max(0.0, float((quantile - alpha) / expected))


def binomial_limit(probability: float, target: float, size: int) -> float:
    """The proportion at cumulative ``probability`` when ``O`` ~ Binomial(``size``,
    ``target``), interpolated between the integers like :func:`poisson_limit` (Spiegelhalter
    2005, appendix A.1.1).

    With ``size`` 10 and ``target`` 0,5: the 97,5% quantile is 8 (F(7) = 968/1024,
    F(8) = 1013/1024), alpha = (1013/1024 - 0,975) / (45/1024) = 0,3244, so the limit on ``O``
    is 7,6756 and on the proportion 0,7676.

    >>> round(binomial_limit(0.975, 0.5, 10), 4)
    0.7676
    """
    quantile = stats.binom.ppf(probability, size, target)
    above = stats.binom.cdf(quantile, size, target)
    below = stats.binom.cdf(quantile - 1, size, target)
    alpha = (above - probability) / (above - below) if above > below else 0.0
    return min(1.0, max(0.0, float((quantile - alpha) / size)))


def proportion_reading(share: float, size: int, target: float) -> tuple[float, float, str]:
    """The 99,8% limits around ``target`` for a share out of ``size`` and its reading
    (*binnen de verwachting*, *opvallend hoger* or *opvallend lager*). Without a correction for
    overdispersion: with few verbanden in a round it cannot be estimated."""
    if size < 1 or not 0 < target < 1:
        return float("nan"), float("nan"), UNKNOWN
    tail = (1 - ALARM) / 2
    lower, upper = binomial_limit(tail, target, size), binomial_limit(1 - tail, target, size)
    return lower, upper, HIGHER if share > upper else LOWER if share < lower else WITHIN


@dataclass(frozen=True)
class Funnel:
    """Control limits around ``target`` for ratios with the given expected counts."""

    target: float
    phi: float
    """The estimated overdispersion factor (winsorised mean squared z-score)."""
    overdispersed: bool
    """Whether ``phi`` shows more spread than chance, and so widens the limits."""

    def limits(self, expected: float, coverage: float) -> tuple[float, float]:
        """(lower, upper) limit of the ratio at ``expected`` for a two-sided ``coverage``."""
        if not expected > 0 or not self.target > 0:
            return float("nan"), float("nan")
        tail = (1 - coverage) / 2
        if self.overdispersed:
            spread = stats.norm.ppf(1 - tail) * math.sqrt(self.phi * self.target / expected)
            return max(0.0, self.target - spread), self.target + spread
        return (
            poisson_limit(tail, self.target, expected),
            poisson_limit(1 - tail, self.target, expected),
        )

    def reading(self, ratio: float, expected: float) -> str:
        """*binnen de verwachting*, *opvallend hoger* or *opvallend lager* (99,8% limits)."""
        lower, upper = self.limits(expected, ALARM)
        if math.isnan(ratio) or math.isnan(lower):
            return UNKNOWN
        return HIGHER if ratio > upper else LOWER if ratio < lower else WITHIN


def funnel(observed: Sequence[float], expected: Sequence[float]) -> Funnel:
    """The funnel for these verbanden: the pooled target and, if needed, the overdispersion.

    Verbanden without an expected count (no ties, or no pairs of the kind) do not count.
    """
    pairs = [(o, e) for o, e in zip(observed, expected, strict=True) if e > 0]
    if not pairs:
        return Funnel(float("nan"), 1.0, False)
    o, e = (np.array(v, dtype=float) for v in zip(*pairs, strict=True))
    target = o.sum() / e.sum()
    if target <= 0 or len(pairs) < 3:
        return Funnel(target, 1.0, False)
    z = (o / e - target) / np.sqrt(target / e)
    low, high = np.percentile(z, [10, 90])
    phi = float(np.mean(np.clip(z, low, high) ** 2))
    overdispersed = len(pairs) * phi > stats.chi2.ppf(0.95, len(pairs) - 1)
    return Funnel(float(target), phi, bool(overdispersed))
