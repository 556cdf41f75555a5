"""Sector fit: which social-economy activities the employers of which NACE codes buy or hire.

A rule names an activity and a NACE-BEL 2008 code at any level: a section letter ("N"), a
division ("81"), group ("81.2"), class ("81.21") or subclass ("81.210"). For an employer's
code the most specific rule of an activity counts, so a rule for a division or class refines
or, with weight 0, cancels the rule of its section. The default table ships as
``graphmodel/data/sector_fit.csv``; users can edit a copy and pass it instead
(``loaders.sector_fit``). Weights are 1 for a strong fit, 0.5 for a partial one, 0 for none.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from verbinder.graphmodel.nace import nace_levels

__all__ = ["FitRule", "SectorFit"]


@dataclass(frozen=True)
class FitRule:
    """Employers with NACE code ``nace`` (or a code under it) buy or hire ``activity``."""

    activity: str
    nace: str
    weight: float
    note: str = ""


@dataclass(frozen=True)
class SectorFit:
    """A set of fit rules, looked up by activity and an employer's NACE code."""

    rules: tuple[FitRule, ...]

    @cached_property
    def _index(self) -> dict[tuple[str, str], FitRule]:
        return {(rule.activity, rule.nace): rule for rule in self.rules}

    @property
    def activities(self) -> list[str]:
        """Activities the table knows, sorted."""
        return sorted({rule.activity for rule in self.rules})

    def rule_for(self, activity: str, code: str) -> FitRule | None:
        """The most specific rule of ``activity`` that covers ``code``, or None.

        >>> fit = SectorFit((FitRule("verpakking", "N", 1.0), FitRule("verpakking", "81", 0.0)))
        >>> fit.rule_for("verpakking", "81.210").weight, fit.rule_for("verpakking", "82.920").nace
        (0.0, 'N')
        """
        for level in nace_levels(code):
            rule = self._index.get((activity, level))
            if rule is not None:
                return rule
        return None

    def best(self, activities: Iterable[str], codes: Iterable[str]) -> FitRule | None:
        """The strongest fitting rule (weight above 0) between any of ``activities`` and any
        of an employer's ``codes``, or None.

        >>> fit = SectorFit((FitRule("logistiek", "H", 1.0), FitRule("schoonmaak", "H", 0.5)))
        >>> fit.best(("schoonmaak", "logistiek"), ("49.410",)).activity
        'logistiek'
        """
        found = [
            rule
            for activity in activities
            for code in codes
            if (rule := self.rule_for(activity, code)) is not None and rule.weight > 0
        ]
        return max(found, key=lambda rule: rule.weight, default=None)
