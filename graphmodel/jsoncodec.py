"""A lossless JSON form of a dataset (format ``verbinder-dataset``, version 1)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from verbinder.graphmodel.fields import from_plain, personal_fields, to_plain
from verbinder.graphmodel.model import RECORDS, Dataset
from verbinder.graphmodel.roster import RosterResponse, Stated
from verbinder.graphmodel.survey import SurveyAnswer
from verbinder.graphmodel.types import Engagement

__all__ = [
    "FORMAT",
    "VERSION",
    "dataset_from_dict",
    "dataset_to_dict",
    "roster_from_dict",
    "roster_to_dict",
    "stated_from_dict",
    "stated_to_dict",
    "survey_from_dict",
    "survey_to_dict",
]

FORMAT = "verbinder-dataset"
VERSION = 1

_COLLECTIONS = ("sources", "verbanden", "actors", "ties", "events", "participations")


def dataset_to_dict(dataset: Dataset, *, include_personal: bool = False) -> dict[str, Any]:
    """The dataset as JSON-ready data; contact person and e-mail only if asked for.

    Every record is keyed by its field names (:func:`graphmodel.fields.to_plain`).

    Examples
    --------
    >>> data = dataset_to_dict(Dataset("x", synthetic=True))
    >>> data["format"], data["synthetic"], data["actors"]
    ('verbinder-dataset', True, [])
    """
    data: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "name": dataset.name,
        "synthetic": dataset.synthetic,
        "description": dataset.description,
        "created": None if dataset.created is None else dataset.created.isoformat(),
    }
    for key in _COLLECTIONS:
        records = getattr(dataset, key)
        omit = frozenset() if include_personal else personal_fields(RECORDS[key])
        data[key] = [to_plain(record, omit=omit) for record in records]
    # A merge's 'before' may hold contact persons: only with the personal data.
    data["merges"] = [to_plain(m) for m in (dataset.merges if include_personal else ())]
    data["surveys"] = [survey_to_dict(a) for a in dataset.surveys]
    data["roster_responses"] = [roster_to_dict(r) for r in dataset.roster_responses]
    return data


def dataset_from_dict(data: dict[str, Any], *, name: str | None = None) -> Dataset:
    """The dataset from :func:`dataset_to_dict` output.

    Raises ``KeyError``, ``TypeError`` or ``ValueError`` on data of another shape; the JSON
    loader turns those into a Dutch message.
    """
    if data.get("format") != FORMAT or data.get("version") != VERSION:
        raise ValueError(f"geen {FORMAT} versie {VERSION}")
    records = {
        key: tuple(from_plain(RECORDS[key], item) for item in data[key]) for key in _COLLECTIONS
    }
    # Merges came after version 1's first files.
    records["merges"] = tuple(from_plain(RECORDS["merges"], m) for m in data.get("merges", ()))
    return Dataset(
        name=name if name is not None else data["name"],
        synthetic=bool(data["synthetic"]),
        description=data["description"],
        created=None if data["created"] is None else datetime.fromisoformat(data["created"]),
        surveys=tuple(survey_from_dict(a) for a in data.get("surveys", ())),
        roster_responses=tuple(roster_from_dict(r) for r in data.get("roster_responses", ())),
        **records,
    )


def survey_to_dict(answer: SurveyAnswer) -> dict[str, Any]:
    """One survey answer as JSON-ready data (levels as 0-3)."""
    return {
        "verband_id": answer.verband_id,
        "answered": answer.answered.isoformat(),
        "engagement": {k: int(v) for k, v in answer.engagement.items()},
        "relations": dict(answer.relations),
        "roles": dict(answer.roles),
        "scope": answer.scope,
        "vision": answer.vision,
    }


def survey_from_dict(data: dict[str, Any]) -> SurveyAnswer:
    """The answer from :func:`survey_to_dict` output."""
    return SurveyAnswer(
        data["verband_id"],
        date.fromisoformat(data["answered"]),
        {k: Engagement(v) for k, v in data["engagement"].items()},
        {k: int(v) for k, v in data["relations"].items()},
        {k: float(v) for k, v in data["roles"].items()},
        data["scope"],
        data["vision"],
    )


def roster_to_dict(response: RosterResponse) -> dict[str, Any]:
    """One network survey response as JSON-ready data."""
    return {
        "verband_id": response.verband_id,
        "respondent": response.respondent,
        "received": response.received.isoformat(),
        "roster": list(response.roster),
        "stated": [stated_to_dict(s) for s in response.stated],
        "added": list(response.added),
    }


def roster_from_dict(data: dict[str, Any]) -> RosterResponse:
    """The response from :func:`roster_to_dict` output."""
    return RosterResponse(
        data["verband_id"],
        data["respondent"],
        date.fromisoformat(data["received"]),
        tuple(data["roster"]),
        tuple(stated_from_dict(s) for s in data["stated"]),
        tuple(data["added"]),
    )


def stated_to_dict(stated: Stated) -> dict[str, Any]:
    """What a response says about one organisation, as JSON-ready data."""
    return {
        "about": stated.about,
        "contact": stated.contact,
        "kinds": list(stated.kinds),
        "frequency": stated.frequency,
        "trust": list(stated.trust),
        "value": list(stated.value),
        "wished": stated.wished,
        "reason": stated.reason,
    }


def stated_from_dict(data: dict[str, Any]) -> Stated:
    """The row from :func:`stated_to_dict` output."""
    return Stated(
        data["about"],
        data["contact"],
        tuple(data["kinds"]),
        data["frequency"],
        tuple(data["trust"]),
        tuple(data["value"]),
        bool(data["wished"]),
        data["reason"],
    )
