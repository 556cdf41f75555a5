"""The Belgian number formats: the fast path gives exactly what Babel's nl_BE patterns give."""

from __future__ import annotations

import random

import pytest
from verbinder.graphmodel.formatting import _LOCALE, _fixed, _pattern


def _values(seed: int) -> list[float]:
    rng = random.Random(seed)
    values = [rng.uniform(-1, 1) * 10 ** rng.randint(-6, 12) for _ in range(40_000)]
    # halves at the rounding digit, where half-to-even and the float's repr decide
    values += [
        rng.randint(-(10**6), 10**6) / 10 ** rng.randint(0, 4) + 0.5 * 10 ** -rng.randint(0, 3)
        for _ in range(20_000)
    ]
    values += [0.0, -0.0, 0.005, 0.015, 2.675, 1.005, -2.5, 0.5, 1.5, 1e21, 123456789.125]
    return values


@pytest.mark.parametrize("decimals", [0, 1, 2, 3, 4])
def test_the_fast_path_equals_babel(decimals):
    pattern = _pattern(decimals)
    for value in _values(decimals):
        assert _fixed(value, decimals) == pattern.apply(value, _LOCALE), value
    for whole in (0, 7, -7, 1234, -1234567, 10**15):
        assert _fixed(whole, decimals) == pattern.apply(whole, _LOCALE), whole


def test_infinity_goes_through_babel():
    assert _fixed(float("inf"), 2) == "∞" and _fixed(float("-inf"), 1) == "-∞"


def test_numpy_numbers_format_as_python_ones():
    import numpy as np

    assert _fixed(np.float64(1234.5), 2) == _fixed(1234.5, 2) == "1.234,50"
    assert _fixed(np.int64(-1234), 0) == "-1.234"
