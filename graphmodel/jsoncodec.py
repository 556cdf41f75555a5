"""A lossless JSON form of a dataset (format ``verbinder-dataset``, version 1)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from verbinder.graphmodel.model import (
    Actor,
    Dataset,
    Event,
    Membership,
    Merge,
    Participation,
    SourceFile,
    Tie,
    Verband,
)
from verbinder.graphmodel.survey import SurveyAnswer
from verbinder.graphmodel.types import ActorType, Engagement, Provenance, TieKind

__all__ = [
    "FORMAT",
    "VERSION",
    "dataset_from_dict",
    "dataset_to_dict",
    "survey_from_dict",
    "survey_to_dict",
]

FORMAT = "verbinder-dataset"
VERSION = 1


def _iso(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _level(value: Engagement | None) -> int | None:
    return None if value is None else int(value)


def dataset_to_dict(dataset: Dataset, *, include_personal: bool = False) -> dict[str, Any]:
    """The dataset as JSON-ready data; contact person and e-mail only if asked for.

    Examples
    --------
    >>> data = dataset_to_dict(Dataset("x", synthetic=True))
    >>> data["format"], data["synthetic"], data["actors"]
    ('verbinder-dataset', True, [])
    """
    return {
        "format": FORMAT,
        "version": VERSION,
        "name": dataset.name,
        "synthetic": dataset.synthetic,
        "description": dataset.description,
        "created": None if dataset.created is None else dataset.created.isoformat(),
        "sources": [{"path": s.path, "sha256": s.sha256} for s in dataset.sources],
        "verbanden": [
            {
                "id": v.id,
                "name": v.name,
                "legal_form": v.legal_form,
                "province": v.province,
                "municipalities": list(v.municipalities),
                "inhabitants": v.inhabitants,
                "subsidy_eur": v.subsidy_eur,
                "period_start": v.period_start,
                "period_end": v.period_end,
                "centrumstad": v.centrumstad,
                "note": v.note,
                "source": v.source,
            }
            for v in dataset.verbanden
        ],
        "actors": [
            {
                "id": a.id,
                "name": a.name,
                "type": a.type.value,
                "municipality": a.municipality,
                "nace": list(a.nace),
                "activities": list(a.activities),
                "kbo": a.kbo,
                "fte": a.fte,
                "target_group_workers": a.target_group_workers,
                "memberships": [
                    {
                        "verband_id": m.verband_id,
                        "engagement": int(m.engagement),
                        "political": _level(m.political),
                        "administrative": _level(m.administrative),
                    }
                    for m in a.memberships
                ],
                "tags": list(a.tags),
                "contact_name": a.contact_name if include_personal else None,
                "contact_email": a.contact_email if include_personal else None,
                "note": a.note,
                "lat": a.lat,
                "lon": a.lon,
            }
            for a in dataset.actors
        ],
        "ties": [
            {
                "id": t.id,
                "source": t.source,
                "target": t.target,
                "kind": t.kind.value,
                "weight": t.weight,
                "valid_from": _iso(t.valid_from),
                "valid_to": _iso(t.valid_to),
                "provenance": t.provenance.value,
                "note": t.note,
            }
            for t in dataset.ties
        ],
        "events": [
            {
                "id": e.id,
                "name": e.name,
                "date": _iso(e.date),
                "verband_id": e.verband_id,
                "kind": e.kind,
                "theme": e.theme,
            }
            for e in dataset.events
        ],
        "participations": [
            {"event_id": p.event_id, "actor_id": p.actor_id} for p in dataset.participations
        ],
        # A merge's 'before' may hold contact persons: only with the personal data.
        "merges": [
            {
                "id": m.id,
                "at": m.at.isoformat(),
                "kept": m.kept,
                "dropped": m.dropped,
                "reason": m.reason,
                "before": m.before,
            }
            for m in (dataset.merges if include_personal else ())
        ],
        "surveys": [survey_to_dict(a) for a in dataset.surveys],
    }


def _date(value: str | None) -> date | None:
    return None if value is None else date.fromisoformat(value)


def _engagement(value: int | None) -> Engagement | None:
    return None if value is None else Engagement(value)


def dataset_from_dict(data: dict[str, Any], *, name: str | None = None) -> Dataset:
    """The dataset from :func:`dataset_to_dict` output.

    Raises ``KeyError``, ``TypeError`` or ``ValueError`` on data of another shape; the JSON
    loader turns those into a Dutch message.
    """
    if data.get("format") != FORMAT or data.get("version") != VERSION:
        raise ValueError(f"geen {FORMAT} versie {VERSION}")
    return Dataset(
        name=name if name is not None else data["name"],
        synthetic=bool(data["synthetic"]),
        description=data["description"],
        created=None if data["created"] is None else datetime.fromisoformat(data["created"]),
        sources=tuple(SourceFile(s["path"], s["sha256"]) for s in data["sources"]),
        verbanden=tuple(
            Verband(
                v["id"],
                v["name"],
                v["legal_form"],
                v["province"],
                tuple(v["municipalities"]),
                v["inhabitants"],
                v["subsidy_eur"],
                v["period_start"],
                v["period_end"],
                v["centrumstad"],
                v["note"],
                v["source"],
            )
            for v in data["verbanden"]
        ),
        actors=tuple(
            Actor(
                a["id"],
                a["name"],
                ActorType(a["type"]),
                a["municipality"],
                tuple(a["nace"]),
                tuple(a["activities"]),
                a["kbo"],
                a["fte"],
                a["target_group_workers"],
                tuple(
                    Membership(
                        m["verband_id"],
                        Engagement(m["engagement"]),
                        _engagement(m["political"]),
                        _engagement(m["administrative"]),
                    )
                    for m in a["memberships"]
                ),
                tuple(a["tags"]),
                a["contact_name"],
                a["contact_email"],
                a["note"],
                a.get("lat"),
                a.get("lon"),
            )
            for a in data["actors"]
        ),
        ties=tuple(
            Tie(
                t["id"],
                t["source"],
                t["target"],
                TieKind(t["kind"]),
                t["weight"],
                _date(t["valid_from"]),
                _date(t["valid_to"]),
                Provenance(t["provenance"]),
                t["note"],
            )
            for t in data["ties"]
        ),
        events=tuple(
            Event(e["id"], e["name"], _date(e["date"]), e["verband_id"], e["kind"], e["theme"])
            for e in data["events"]
        ),
        participations=tuple(
            Participation(p["event_id"], p["actor_id"]) for p in data["participations"]
        ),
        merges=tuple(
            Merge(
                m["id"],
                datetime.fromisoformat(m["at"]),
                m["kept"],
                m["dropped"],
                m["reason"],
                m["before"],
            )
            for m in data.get("merges", ())
        ),
        surveys=tuple(survey_from_dict(a) for a in data.get("surveys", ())),
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
