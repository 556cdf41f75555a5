"""Closing the loop: which suggested links met at an event, and which became ties."""

from __future__ import annotations

import pandas as pd
from verbinder.graphmodel.model import Dataset
from verbinder.queries.permissions import require

__all__ = ["suggestion_outcomes"]


def suggestion_outcomes(
    dataset: Dataset, event_id: str, pairs: list[tuple[str, str]]
) -> pd.DataFrame:
    """Per suggested (SE actor, employer) pair: did both attend ``event_id``, is there a tie now?

    Returns a DataFrame with ``se_actor``, ``werkgever``, ``beide_aanwezig``, ``relatie_nu``;
    ``attrs["aandeel_ontmoet"]`` and ``attrs["precisie"]`` are the shares of suggestions that
    met at the event and that became a tie (NaN without suggestions).

    Raises ``KeyError`` when the dataset has no event ``event_id`` (also when it belongs to a
    verband the dataset's principal may not see).

    >>> from verbinder.graphmodel.model import Event, Participation, Tie
    >>> from verbinder.graphmodel.types import TieKind
    >>> ds = Dataset("x", participations=(Participation("e", "s"), Participation("e", "w")),
    ...              events=(Event("e", "Beurs"),),
    ...              ties=(Tie("t", "s", "w", TieKind.SAMENWERKING),))
    >>> out = suggestion_outcomes(ds, "e", [("s", "w"), ("s", "v")])
    >>> out.attrs["aandeel_ontmoet"], out.attrs["precisie"]
    (0.5, 0.5)
    """
    require(dataset, detail=True)
    if not any(event.id == event_id for event in dataset.events):
        raise KeyError(event_id)
    present = {p.actor_id for p in dataset.participations if p.event_id == event_id}
    tied = {(t.source, t.target) for t in dataset.ties}
    tied |= {(b, a) for a, b in tied}
    frame = pd.DataFrame(
        [
            {
                "se_actor": s,
                "werkgever": w,
                "beide_aanwezig": s in present and w in present,
                "relatie_nu": (s, w) in tied,
            }
            for s, w in pairs
        ],
        columns=["se_actor", "werkgever", "beide_aanwezig", "relatie_nu"],
    )
    count = len(frame) or float("nan")
    frame.attrs["aandeel_ontmoet"] = float(frame["beide_aanwezig"].sum() / count)
    frame.attrs["precisie"] = float(frame["relatie_nu"].sum() / count)
    return frame
