"""The check every query makes first: may the dataset's principal ask this question?

A dataset read through a guarded store carries its principal (``Dataset.principal``). The
store already left out what the principal may not see; this check turns a question about
another verband into a clear refusal instead of an "unknown verband", and keeps an analist to
aggregated figures: questions whose answer names organisations are *detail* questions.
A dataset without a principal (the local mode, tests, loaders) is not restricted.
"""

from __future__ import annotations

from verbinder.graphmodel.access import AccessDeniedError, Role
from verbinder.graphmodel.model import Dataset

__all__ = ["require"]


def require(dataset: Dataset, verband_id: str | None = None, *, detail: bool) -> None:
    """Raise :class:`AccessDeniedError` unless the dataset's principal may ask about
    ``verband_id`` (None: the dataset as a whole) at this level of ``detail``.

    >>> from verbinder.graphmodel.access import Principal
    >>> an = Principal("an", Role.REGISSEUR, frozenset({"gent"}))
    >>> require(Dataset("d", principal=an), "gent", detail=True)
    >>> require(Dataset("d", principal=an), "brugge", detail=False)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    verbinder.graphmodel.access.AccessDeniedError: U hebt geen toegang tot verband 'brugge' ...
    """
    principal = dataset.principal
    if principal is None or principal.sees_everything:
        return
    if detail and principal.role is Role.ANALIST:
        raise AccessDeniedError(
            "Als analist ziet u samengevoegde cijfers per verband, geen lijsten van "
            "organisaties; deze vraag toont organisaties."
        )
    if verband_id is not None and not principal.may_read(verband_id):
        raise AccessDeniedError(
            f"U hebt geen toegang tot verband '{verband_id}' "
            f"(uw verbanden: {', '.join(sorted(principal.verbanden))})."
        )
