"""The network survey's rounds side by side (issue #18): response against funnel limits around
the Flemish response, never a rank."""

from __future__ import annotations

from datetime import date

import pytest
from verbinder.graphmodel.model import Dataset, Verband
from verbinder.graphmodel.roster import RosterResponse
from verbinder.queries.funnel import HIGHER, LOWER, WITHIN
from verbinder.queries.roster import roster_comparison


def _round(verband: str, invited: int, answering: int) -> tuple[RosterResponse, ...]:
    everyone = [f"{verband}{i}" for i in range(invited)]
    return tuple(
        RosterResponse(verband, who, date(2026, 12, 1), tuple(a for a in everyone if a != who))
        for who in everyone[:answering]
    )


def test_response_is_read_against_the_pooled_response_with_its_limits():
    data = Dataset(
        "d",
        verbanden=(Verband("v", "Vee"), Verband("w", "Wee"), Verband("x", "Ix")),
        roster_responses=_round("v", 100, 10) + _round("w", 100, 90) + _round("x", 10, 5),
    )
    table = roster_comparison(data).set_index("verband")
    # By hand: (10 + 90 + 5) / (100 + 100 + 10) = 105 / 210 = 0.5 for all verbanden together.
    assert table.attrs["vlaanderen"] == pytest.approx(0.5)
    assert list(table.index) == ["v", "w", "x"]  # by id, not by response
    assert list(table["respons"]) == pytest.approx([0.1, 0.9, 0.5])
    assert list(table["respons_lezing"]) == [LOWER, HIGHER, WITHIN]
    # The limits narrow with the number invited: ten organisations leave more room than 100.
    width = table["respons_bovengrens"] - table["respons_ondergrens"]
    assert width["x"] > width["v"] == pytest.approx(width["w"])
