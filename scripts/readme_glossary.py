"""Write the README's glossary and list of measures from their one source, the measure
catalogue (``queries/data/maten.toml``) and ``queries/data/woordenlijst.md``.

Run it after changing either; ``tests/queries/test_catalogue.py`` fails while the README is
behind. Usage: ``.venv/bin/python scripts/readme_glossary.py``.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

from verbinder.queries.brokers import BROKER_COLUMNS  # noqa: E402
from verbinder.queries.catalogue import glossary, measure  # noqa: E402
from verbinder.queries.compare import COMPARE_COLUMNS  # noqa: E402
from verbinder.queries.profile import PROFILE_MEASURES  # noqa: E402

START = "<!-- woordenlijst: geschreven door scripts/readme_glossary.py -->"
END = "<!-- einde woordenlijst -->"


def _measures(title: str, columns: tuple[str, ...]) -> list[str]:
    lines = [f"#### {title}", "", "| maat | wat ze zegt |", "| --- | --- |"]
    for column in dict.fromkeys(columns):
        entry = measure(column)
        if entry.method:
            lines.append(f"| {entry.name} | {entry.reading} |")
    return [*lines, ""]


def section() -> str:
    """The README's part between :data:`START` and :data:`END`."""
    body = glossary().split("\n", 1)[1].strip()  # without its own title
    text = re.sub(r"^(#{2,3}) ", r"#\1 ", body, flags=re.M)  # one level deeper in the README
    lines = [START, "", text, "", "### De maten, kort", ""]
    lines += _measures("Per organisatie (verbinder brokers, pagina Verbinders)", BROKER_COLUMNS)
    lines += _measures("Per verband (verbinder profile)", PROFILE_MEASURES)
    lines += _measures("Tussen verbanden (verbinder compare)", COMPARE_COLUMNS)
    return "\n".join([*lines, END])


def updated(readme: str) -> str:
    """``readme`` with its glossary section written anew."""
    before, rest = readme.split(START, 1)
    after = rest.split(END, 1)[1]
    return before + section() + after


if __name__ == "__main__":
    path = ROOT / "README.md"
    path.write_text(updated(path.read_text(encoding="utf-8")), encoding="utf-8")
