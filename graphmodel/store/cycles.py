"""The verbanden of a policy cycle, kept in a store as the reference of every dataset of it.

Verbinder ships the verbanden of 2017-2019 (:mod:`graphmodel.reference`); those of a later
cycle come from a file a user loads (:mod:`loaders.periods`) and are kept in the store under
the cycle's first and last year, so that an import of a dataset of that cycle fills in the
verbanden it names from them. Both stores keep a cycle as one JSON text written with the
model's field codec (:func:`graphmodel.fields.to_plain`).
"""

from __future__ import annotations

import json

from verbinder.graphmodel.fields import from_plain, to_plain
from verbinder.graphmodel.model import RECORDS, Verband
from verbinder.graphmodel.reference import REFERENCE_PERIOD, period_label, reference_verbanden
from verbinder.graphmodel.store.base import Period, Store, StoreError

__all__ = ["cycle_reference", "decode", "encode", "history_name"]


def history_name(period: Period) -> str:
    """The name under which the import history records a cycle's verbanden."""
    return f"verbanden {period_label(period)}"


def encode(verbanden: tuple[Verband, ...]) -> str:
    """The verbanden as one JSON text (the dataset format's records)."""
    return json.dumps([to_plain(v) for v in verbanden], ensure_ascii=False)


def decode(text: str) -> tuple[Verband, ...]:
    """The verbanden :func:`encode` wrote."""
    return tuple(from_plain(RECORDS["verbanden"], item) for item in json.loads(text))


def cycle_reference(store: Store, period: Period) -> tuple[Verband, ...]:
    """The verbanden of cycle ``period``: the shipped ones for 2017-2019, else those kept in
    ``store``; a :class:`StoreError` that says how to load them when there are none."""
    if period == REFERENCE_PERIOD:
        return reference_verbanden()
    kept = store.cycle(period)
    if kept is None:
        known = ", ".join(period_label(p) for p in [REFERENCE_PERIOD, *store.cycles()])
        shown = period_label(period)
        raise StoreError(
            f"De verbanden van de periode {shown} zijn nog niet bewaard (wel: {known}). "
            f"Bewaar ze eerst met 'verbinder periode BESTAND --periode {shown} --bewaar'."
        )
    return kept
