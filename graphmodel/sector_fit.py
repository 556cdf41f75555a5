"""Sector fit: which social-economy activities the employers of which NACE sections buy or hire.

The default table ships as ``graphmodel/data/sector_fit.csv``; users can edit a copy and pass
it instead (``loaders.sector_fit``). Weights are 1 for a strong fit and 0.5 for a partial one.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

__all__ = ["FitRule", "SectorFit"]


@dataclass(frozen=True)
class FitRule:
    """Employers of NACE section ``section`` buy or hire the SE activity ``activity``."""

    activity: str
    section: str
    weight: float
    note: str = ""


@dataclass(frozen=True)
class SectorFit:
    """A set of fit rules, looked up by activity and section."""

    rules: tuple[FitRule, ...]

    @cached_property
    def _index(self) -> dict[tuple[str, str], FitRule]:
        return {(rule.activity, rule.section): rule for rule in self.rules}

    @property
    def activities(self) -> list[str]:
        """Activities the table knows, sorted."""
        return sorted({rule.activity for rule in self.rules})

    def best(self, activities: tuple[str, ...], section: str | None) -> FitRule | None:
        """The strongest rule between any of ``activities`` and ``section``, or None.

        >>> fit = SectorFit((FitRule("logistiek", "H", 1.0), FitRule("schoonmaak", "H", 0.5)))
        >>> fit.best(("schoonmaak", "logistiek"), "H").activity
        'logistiek'
        """
        if section is None:
            return None
        found = [self._index[(a, section)] for a in activities if (a, section) in self._index]
        return max(found, key=lambda rule: rule.weight, default=None)
