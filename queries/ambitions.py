"""The four ambitions of the decree per verband: a scorecard WSE can read across Flanders.

The decree on the local regie (BRIEF section 1; the 2019 evaluation, chapter 3) asks for a
shared policy vision, cooperation within the social economy, ties between the social economy
and the local governments, and ties between the social and the regular economy. For each, one to
three indicators from the network and the regie survey (:data:`INDICATORS`): the network ones
as effect sizes with their funnel reading (:mod:`queries.mixing`), the others against the
Flemish median. Groupings WSE uses: province, legal form, with or without a centrumstad, and
the cities that carry the regie alone.
"""

from __future__ import annotations

import pandas as pd
from verbinder.graphmodel.model import Dataset
from verbinder.graphmodel.survey import VISIONS
from verbinder.graphmodel.types import ActorType, Engagement
from verbinder.queries.catalogue import measure
from verbinder.queries.compare import compare_verbanden
from verbinder.queries.mixing import mixing_comparison
from verbinder.queries.permissions import require
from verbinder.queries.presentation import shown

__all__ = ["AMBITIONS", "INDICATORS", "SCORECARD_COLUMNS", "ambitions", "scorecard"]

AMBITIONS = {
    "beleidsvisie": "Een gedragen beleidsvisie op de sociale economie",
    "binnen_se": "Samenwerking binnen de sociale economie",
    "se_lokaal_bestuur": "Sociale economie en lokale besturen",
    "se_regulier": "Sociale economie en reguliere economie",
}
"""The decree's four ambitions, in the order of the evaluation."""

INDICATORS = {
    "beleidsvisie": ("beleidsvisie_score",),
    "binnen_se": ("binnen_se_verhouding",),
    "se_lokaal_bestuur": (
        "se_lokaal_bestuur_verhouding",
        "gemeenten_politiek_actief",
        "gemeenten_ambtelijk_actief",
    ),
    "se_regulier": ("se_regulier_verhouding", "se_regulier_verbonden"),
}
"""Ambition -> its indicators (columns of :func:`ambitions`)."""

FUNNELED = ("binnen_se", "se_lokaal_bestuur", "se_regulier")
"""Ambitions whose first indicator is an effect size with a funnel reading."""


def _engaged_share(dataset: Dataset, verband_id: str, field: str) -> float:
    """Share of the verband's municipalities whose political (administrative) engagement is
    actief or zeer actief; NaN when none has it recorded."""
    levels = [
        getattr(m, field)
        for a in dataset.members_of(verband_id)
        if a.type is ActorType.GEMEENTE
        for m in a.memberships
        if m.verband_id == verband_id and getattr(m, field) is not None
    ]
    return (
        sum(level >= Engagement.ACTIEF for level in levels) / len(levels)
        if levels
        else float("nan")
    )


def _columns() -> list[str]:
    """The columns of :func:`ambitions`, so that a dataset without verbanden still has them."""
    groupings = ["verband", "naam", "provincie", "rechtsvorm", "met_centrumstad", "stad_alleen"]
    readings = [f"{kind}_lezing" for kind in FUNNELED]
    return groupings + [c for columns in INDICATORS.values() for c in columns] + readings


def ambitions(dataset: Dataset, *, compared: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per verband: its groupings, every indicator of :data:`INDICATORS` and, for the
    network ambitions, the funnel reading (``<ambitie>_lezing``). ``attrs["mediaan"]`` holds
    the Flemish median of every indicator. ``compared``: the dataset's
    :func:`~queries.compare.compare_verbanden`, when the caller has it already."""
    require(dataset, detail=False)
    if compared is None:
        compared = compare_verbanden(dataset)
    connected = dict(zip(compared["verband"], compared["se_regulier_verbonden"], strict=True))
    vision = {a.verband_id: list(VISIONS).index(a.vision) for a in dataset.surveys}
    rows = {
        v.id: {
            "verband": v.id,
            "naam": v.name,
            "provincie": v.province,
            "rechtsvorm": v.legal_form,
            "met_centrumstad": v.centrumstad is not None,
            "stad_alleen": len(v.municipalities) == 1,
            "beleidsvisie_score": vision.get(v.id, float("nan")),
            "gemeenten_politiek_actief": _engaged_share(dataset, v.id, "political"),
            "gemeenten_ambtelijk_actief": _engaged_share(dataset, v.id, "administrative"),
            "se_regulier_verbonden": connected[v.id],
        }
        for v in dataset.verbanden
    }
    for kind in FUNNELED:
        for row in mixing_comparison(dataset, kind).itertuples(index=False):
            rows[row.verband][f"{kind}_verhouding"] = row.verhouding
            rows[row.verband][f"{kind}_lezing"] = row.lezing
    frame = pd.DataFrame(list(rows.values()), columns=_columns())
    indicators = [c for columns in INDICATORS.values() for c in columns]
    frame.attrs["mediaan"] = {c: float(frame[c].median()) for c in indicators}
    frame.attrs["synthetic"] = dataset.synthetic
    return frame


def scorecard(table: pd.DataFrame, verband_id: str) -> pd.DataFrame:
    """The scorecard of one verband from :func:`ambitions`, as people read it: per ambition
    and indicator its value, the Flemish median, the reading and what the indicator says."""
    row = table.set_index("verband").loc[verband_id]
    lines = []
    for ambition, indicators in INDICATORS.items():
        for number, column in enumerate(indicators):
            entry = measure(column)
            value, median = row[column], table.attrs["mediaan"][column]
            if number == 0 and ambition in FUNNELED:
                reading = row[f"{ambition}_lezing"]
            elif pd.isna(value) or pd.isna(median):
                reading = "niet te vergelijken"
            else:
                reading = "boven" if value > median else "onder" if value < median else "gelijk aan"
                reading = f"{reading} de Vlaamse mediaan"
            lines.append(
                [
                    AMBITIONS[ambition] if number == 0 else "",
                    entry.name,
                    shown(value, entry),
                    reading,
                    shown(median, entry),
                    entry.reading,
                ]
            )
    return pd.DataFrame(lines, columns=list(SCORECARD_COLUMNS))


SCORECARD_COLUMNS = ("Ambitie", "Indicator", "Waarde", "Lezing", "Vlaamse mediaan", "Wat het zegt")
"""The headings of :func:`scorecard` (already the Dutch ones: it is a presented table)."""
