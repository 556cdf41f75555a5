"""The social-economy activities Verbinder knows, with the words people use for them.

Matchmaking (:mod:`queries.missing_links`) pairs an SE actor with employers through its
activities and the sector-fit table, so an activity written in other words ("poetsdienst",
"Groen onderhoud") must be read as the activity it means ("schoonmaak", "groenonderhoud"). The
list ships as ``graphmodel/data/activiteiten.csv`` (activity; synonyms, comma-separated; a
description) and is shown in the template and on the Woordenlijst.
"""

from __future__ import annotations

import csv
import difflib
import unicodedata
from dataclasses import dataclass
from functools import cache, cached_property

from verbinder.graphmodel.reference import shipped

__all__ = ["Activity", "ActivityVocabulary", "activity_key", "vocabulary"]


def activity_key(text: str) -> str:
    """The form two spellings of one activity share: lower case, no accents, spaces or dashes.

    >>> activity_key(" Groen-onderhoud "), activity_key("Réparatie")
    ('groenonderhoud', 'reparatie')
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return "".join(c for c in plain if c.isalnum())


@dataclass(frozen=True)
class Activity:
    """One known activity: the word Verbinder uses, the other words it accepts, what it is."""

    name: str
    synonyms: tuple[str, ...]
    description: str


@dataclass(frozen=True)
class ActivityVocabulary:
    """Known activities, looked up by any of their spellings."""

    activities: tuple[Activity, ...]

    @cached_property
    def _by_key(self) -> dict[str, str]:
        keys = {}
        for activity in self.activities:
            for word in (activity.name, *activity.synonyms):
                keys[activity_key(word)] = activity.name
        return keys

    @property
    def names(self) -> list[str]:
        """The activities' own names, sorted."""
        return sorted(a.name for a in self.activities)

    def resolve(self, text: str) -> str | None:
        """The activity ``text`` means, or None when it is not known.

        >>> vocabulary().resolve("Poetsdienst"), vocabulary().resolve("raamwerk")
        ('schoonmaak', None)
        """
        return self._by_key.get(activity_key(text))

    def suggest(self, text: str) -> str | None:
        """The known activity whose spelling is closest to ``text`` (a typo), or None."""
        close = difflib.get_close_matches(activity_key(text), list(self._by_key), n=1, cutoff=0.7)
        return self._by_key[close[0]] if close else None


@cache
def vocabulary() -> ActivityVocabulary:
    """The shipped vocabulary, ``graphmodel/data/activiteiten.csv``."""
    text = shipped("activiteiten.csv").read_text("utf-8")
    rows = csv.DictReader(text.splitlines(), delimiter=";")
    return ActivityVocabulary(
        tuple(
            Activity(
                row["activiteit"],
                tuple(s.strip() for s in row["synoniemen"].split(",") if s.strip()),
                row["omschrijving"],
            )
            for row in rows
        )
    )
