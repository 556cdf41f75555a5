"""Names on the actor card are shown as written, never as Markdown."""

from __future__ import annotations

from verbinder.dashboards.network_card import _md


def test_a_name_cannot_load_an_image_or_typeset_latex():
    assert _md("![](https://x/y.png) $x$") == r"\!\[\]\(https\://x/y\.png\) \$x\$"
    assert _md("Café & Co") == "Café & Co"
