"""Load a dataset exported as Verbinder JSON, with the same reference checks as the workbook."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from graphmodel.jsoncodec import FORMAT, dataset_from_dict
from graphmodel.model import Dataset, SourceFile
from loaders.problems import LoadError, Problem, ValidationReport
from loaders.workbook import LoadResult

__all__ = ["load_json_dataset"]


def _check(dataset: Dataset, file: str, report: ValidationReport) -> None:
    def error(where: str, message: str) -> None:
        report.add(Problem(file, message, column=where))

    verbanden = {v.id for v in dataset.verbanden}
    actors: set[str] = set()
    for i, actor in enumerate(dataset.actors):
        if actor.id in actors:
            error(f"actors[{i}].id", f"id '{actor.id}' komt twee keer voor")
        actors.add(actor.id)
        for membership in actor.memberships:
            if membership.verband_id not in verbanden:
                error(
                    f"actors[{i}].memberships",
                    f"'{membership.verband_id}' is geen verband van deze dataset",
                )
    ties: set[str] = set()
    for i, tie in enumerate(dataset.ties):
        if tie.id in ties:
            error(f"ties[{i}].id", f"relatie '{tie.id}' komt twee keer voor")
        ties.add(tie.id)
        for end in (tie.source, tie.target):
            if end not in actors:
                error(f"ties[{i}]", f"'{end}' is geen gekende actor")
        if tie.source == tie.target:
            error(f"ties[{i}]", f"een relatie van '{tie.source}' met zichzelf kan niet")
    events = {e.id for e in dataset.events}
    for i, participation in enumerate(dataset.participations):
        if participation.event_id not in events or participation.actor_id not in actors:
            error(
                f"participations[{i}]",
                "deelname aan een onbekend evenement of van een onbekende actor",
            )


def load_json_dataset(path: str | Path, *, name: str) -> LoadResult:
    """Read a ``verbinder-dataset`` JSON file into dataset ``name``; raises LoadError."""
    path = Path(path)
    report = ValidationReport(str(path))
    data = path.read_bytes()
    try:
        dataset = dataset_from_dict(json.loads(data.decode("utf-8-sig")), name=name)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        report.add(Problem(path.name, f"dit is geen geldig JSON-bestand ({exc})"))
        raise LoadError(report) from exc
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        report.add(
            Problem(
                path.name,
                f"dit JSON-bestand is geen {FORMAT} van Verbinder: {type(exc).__name__} {exc}",
            )
        )
        raise LoadError(report) from exc
    _check(dataset, path.name, report)
    if not report.ok:
        raise LoadError(report)
    source = SourceFile(str(path), hashlib.sha256(data).hexdigest())
    return LoadResult(dataset.replace(sources=(source,), created=None), report, (source,))
