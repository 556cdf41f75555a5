"""Plain-text rendering of query results for the terminal, in Dutch."""

from __future__ import annotations

import pandas as pd

from graphmodel.store import DatasetInfo
from graphmodel.tables import SYNTHETIC_WARNING
from queries.report import VerbandReport

__all__ = ["dutch_number", "render_datasets", "render_report", "synthetic_banner"]


def dutch_number(value: float | None, decimals: int = 0) -> str:
    """'257.029', '12,5' or 'onbekend'.

    >>> dutch_number(257029), dutch_number(12.5, 1), dutch_number(None)
    ('257.029', '12,5', 'onbekend')
    """
    if value is None:
        return "onbekend"
    text = f"{value:,.{decimals}f}"
    return text.replace(",", " ").replace(".", ",").replace(" ", ".")


def synthetic_banner() -> str:
    """The line every output of synthetic data starts with."""
    return f"*** {SYNTHETIC_WARNING} ***"


def _table(frame: pd.DataFrame, index: bool = False) -> str:
    if frame.empty:
        return "  (geen)"
    text = frame.to_string(index=index)
    return "\n".join("  " + line for line in text.splitlines())


def render_report(report: VerbandReport) -> str:
    """The verband report as text: reference facts, actors, engagement, ties."""
    v = report.verband
    lines = []
    if report.synthetic:
        lines += [synthetic_banner(), ""]
    period = f"{v.period_start}-{v.period_end}" if v.period_start else "onbekend"
    subsidy = "onbekend" if v.subsidy_eur is None else f"€ {dutch_number(v.subsidy_eur)}"
    lines += [
        f"Verband {v.id}: {v.name}",
        f"Dataset: {report.dataset}",
        "",
        "Referentiegegevens",
        f"  Rechtsvorm:      {v.legal_form or 'onbekend'}",
        f"  Provincie:       {v.province or 'onbekend'}",
        f"  Periode:         {period}",
        f"  Inwoners:        {dutch_number(v.inhabitants)}",
        f"  Subsidie/jaar:   {subsidy}",
        f"  Centrumstad:     {v.centrumstad or 'geen'}",
        f"  Gemeenten ({len(v.municipalities)}): {', '.join(v.municipalities)}",
    ]
    if v.note:
        lines.append(f"  Opmerking:       {v.note}")
    if v.source:
        lines.append(f"  Bron:            {v.source}")
    lines += [
        "",
        f"Actoren per type ({report.n_actors} in totaal)",
        _table(report.actors_by_type),
        "",
        "Betrokkenheid per type (aantal actoren)",
        _table(report.engagement_by_type, index=True),
        "",
        f"Relaties per soort binnen het verband ({report.n_ties} in totaal)",
        _table(report.ties_by_kind),
    ]
    if report.synthetic:
        lines += ["", synthetic_banner()]
    return "\n".join(lines)


def render_datasets(infos: list[DatasetInfo]) -> str:
    """One line per dataset: name, counts, synthetic flag, version and creation time."""
    if not infos:
        return "Nog geen datasets. Maak er een met 'verbinder demo' of 'verbinder import'."
    rows = [
        {
            "dataset": i.name,
            "synthetisch": "ja" if i.synthetic else "nee",
            **i.counts,
            "versie": i.version,
            "aangemaakt": i.created.strftime("%d/%m/%Y %H:%M"),
        }
        for i in infos
    ]
    return _table(pd.DataFrame(rows))
