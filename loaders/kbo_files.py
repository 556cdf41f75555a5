"""Reading the KBO Open Data files (FOD Economie), streaming, from the extract's zip or folder.

The layout is the one of the "Cookbook KBO Open data" (R018.00) and of real extracts: nine
comma-separated files with a quoted header row, every text value quoted, dates unquoted as
``dd-mm-yyyy``, UTF-8. The national files are large (``activity.csv`` holds 36 million rows,
1.5 GB), so they are read in blocks with pyarrow and filtered block by block; only the columns
a step needs are kept.
"""

from __future__ import annotations

import contextlib
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
from pyarrow import csv
from verbinder.loaders.problems import LoadError, Problem, ValidationReport

__all__ = ["HEADERS", "KboFiles"]

HEADERS: dict[str, tuple[str, ...]] = {
    "meta": ("Variable", "Value"),
    "code": ("Category", "Code", "Language", "Description"),
    "enterprise": (
        "EnterpriseNumber",
        "Status",
        "JuridicalSituation",
        "TypeOfEnterprise",
        "JuridicalForm",
        "JuridicalFormCAC",
        "StartDate",
    ),
    "establishment": ("EstablishmentNumber", "StartDate", "EnterpriseNumber"),
    "denomination": ("EntityNumber", "Language", "TypeOfDenomination", "Denomination"),
    "address": (
        "EntityNumber",
        "TypeOfAddress",
        "CountryNL",
        "CountryFR",
        "Zipcode",
        "MunicipalityNL",
        "MunicipalityFR",
        "StreetNL",
        "StreetFR",
        "HouseNumber",
        "Box",
        "ExtraAddressInfo",
        "DateStrikingOff",
    ),
    "activity": ("EntityNumber", "ActivityGroup", "NaceVersion", "NaceCode", "Classification"),
}
"""The documented header of each file the loader reads (contact and branch are not needed)."""

BLOCK_BYTES = 16 << 20


@dataclass
class KboFiles:
    """The extract at ``source``: the downloaded zip or the folder it was unpacked in."""

    source: Path

    def _open(self, name: str):
        file = f"{name}.csv"
        if self.source.is_dir():
            path = self.source / file
            if not path.is_file():
                raise self._missing(file)
            return path.open("rb")
        try:
            archive = zipfile.ZipFile(self.source)
        except (zipfile.BadZipFile, OSError) as exc:
            report = ValidationReport(str(self.source))
            report.add(
                Problem(
                    self.source.name,
                    "dit is geen (leesbaar) zip-bestand: geef het zip-bestand van een KBO Open "
                    "Data-extractie zoals gedownload, of de map waarin het uitgepakt is",
                )
            )
            raise LoadError(report) from exc
        members = {Path(m).name.lower(): m for m in archive.namelist()}
        if file not in members:
            archive.close()
            raise self._missing(file)
        handle = archive.open(members[file])
        return _Closing(handle, archive)

    def _missing(self, file: str) -> LoadError:
        report = ValidationReport(str(self.source))
        report.add(
            Problem(
                self.source.name,
                f"het bestand {file} ontbreekt: geef de map of het zip-bestand van een "
                "volledige KBO Open Data-extractie (KboOpenData_..._Full.zip)",
            )
        )
        return LoadError(report)

    def batches(
        self, name: str, columns: tuple[str, ...], keep: tuple[str, pa.Array] | None = None
    ) -> Iterator[pa.Table]:
        """The file ``name`` in blocks of the given ``columns`` (all as text; an empty field is
        ''), only the rows whose column ``keep[0]`` is in ``keep[1]`` when given."""
        file = f"{name}.csv"
        with self._open(name) as handle:
            try:
                reader = csv.open_csv(
                    handle,
                    read_options=csv.ReadOptions(block_size=BLOCK_BYTES),
                    convert_options=csv.ConvertOptions(
                        include_columns=list(columns),
                        column_types={c: pa.string() for c in columns},
                        strings_can_be_null=False,
                        quoted_strings_can_be_null=False,
                    ),
                )
                for batch in reader:
                    table = pa.Table.from_batches([batch])
                    if keep is not None:
                        table = table.filter(pc.is_in(table[keep[0]], value_set=keep[1]))
                    yield table
            except (pa.ArrowInvalid, pa.ArrowKeyError, UnicodeDecodeError) as exc:
                raise self._unreadable(file, exc) from exc

    def _unreadable(self, file: str, exc: Exception) -> LoadError:
        report = ValidationReport(str(self.source))
        expected = ", ".join(HEADERS[file.removesuffix(".csv")])
        report.add(
            Problem(
                file,
                f"dit bestand heeft niet de indeling van KBO Open Data (verwacht de kolommen "
                f"{expected}): {str(exc).splitlines()[0]}",
            )
        )
        return LoadError(report)

    def table(
        self, name: str, columns: tuple[str, ...], keep: tuple[str, pa.Array] | None = None
    ) -> pa.Table:
        """All blocks of :meth:`batches` as one table."""
        blocks = list(self.batches(name, columns, keep))
        if not blocks:
            return pa.table({c: pa.array([], pa.string()) for c in columns})
        return pa.concat_tables(blocks)


class _Closing(contextlib.AbstractContextManager):
    """A zip member that also closes its archive."""

    def __init__(self, handle, archive: zipfile.ZipFile) -> None:
        self.handle = handle
        self.archive = archive

    def __enter__(self):
        return self.handle

    def __exit__(self, *exc: object) -> None:
        self.handle.close()
        self.archive.close()
