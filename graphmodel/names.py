"""The one way names are compared: organisations (attendance lists, duplicates, KBO) and places.

Names are compared as keys, never changed: what a user typed is stored as typed. A key sets
aside letter case, accents, punctuation and, for organisations, the legal form: the Belgian
forms in Dutch and French, old and new (Wetboek van vennootschappen en verenigingen, 2019:
BV replaced BVBA, CV the CVBA), with dots or without ("b.v.", "BV").
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["LEGAL_FORMS", "folded", "organisation_key", "place_key"]

LEGAL_FORMS = frozenset(
    {
        # Dutch: companies (and the forms before 2019), associations, partnerships
        "nv",
        "bv",
        "bvba",
        "ebvba",
        "cv",
        "cvba",
        "cvoa",
        "vzw",
        "ivzw",
        "vof",
        "commv",
        "commva",
        # French
        "sa",
        "srl",
        "sprl",
        "scrl",
        "sc",
        "asbl",
        "aisbl",
        "snc",
        "scs",
    }
)
"""Legal forms left out of an organisation's key, written without dots or spaces."""

_INITIALS = re.compile(r"\b([a-z])\.(?=[a-z]\.)")
_WORDS = re.compile(r"[^a-z0-9]+")


def folded(text: str) -> str:
    """Lower case without accents: the letters a name is compared by.

    >>> folded("Zoë Café")
    'zoe cafe'
    """
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def organisation_key(name: str) -> str:
    """An organisation's name for comparison: no case, accents, punctuation or legal form.

    >>> organisation_key("De Kringwinkel ivzw"), organisation_key("'t Atelier b.v.")
    ('de kringwinkel', 't atelier')
    >>> organisation_key("  Kringwinkel  Café De Markt, NV ")
    'kringwinkel cafe de markt'
    """
    text = _INITIALS.sub(r"\1", folded(name)).replace(".", "")  # b.v. -> bv
    return " ".join(w for w in _WORDS.split(text) if w and w not in LEGAL_FORMS)


def place_key(name: str) -> str:
    """A municipality's name for comparison: letters and digits only ("Sint-Truiden" and
    "Sint Truiden" are one place).

    >>> place_key("Sint-Truiden") == place_key("sint truiden")
    True
    """
    return re.sub(r"[^a-z0-9]", "", folded(name))
