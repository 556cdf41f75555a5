"""Benchmark: the KBO loader for one verband on generated files of national size.

The generator writes the six files the loader reads in the KBO layout, at the sizes of the
October 2025 full extract times ``--scale`` (1.0: 1.94 M enterprises, 1.67 M establishments,
3.3 M names, 2.84 M addresses, 36.3 M activity rows, about 2 GB), spread over the reference
municipalities and as many made-up ones elsewhere. It is synthetic: made-up names and numbers
in the real layout. Files are kept in ``--folder`` and reused when their scale matches.

Measured, each in its own process: ``select_employers`` for ``--verband`` (seconds and peak
RSS), and as the baseline in the same run the time to read every byte of the same files (the
I/O floor). Targets (issue #8): under 3 minutes and under 4 GB for one verband.

Usage: ``python benchmarks/kbo.py [--scale 1.0] [--verband gent] [--folder DIR] [--smoke]``.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from pyarrow import csv
from worker import run_worker

NATIONAL = {
    "enterprise": 1_938_238,
    "establishment": 1_672_491,
    "denomination": 3_309_908,
    "address": 2_841_756,
    "activity": 36_306_369,
}
CHUNK = 2_000_000


def _numbers(values: np.ndarray, prefix: str) -> pa.Array:
    """'0xxx.xxx.xxx' (prefix '0') or '2.xxx.xxx.xxx' (prefix '2') from integers."""
    text = pc.utf8_lpad(pc.cast(pa.array(values), pa.string()), 9, "0")
    parts = [pc.utf8_slice_codeunits(text, a, b) for a, b in ((0, 3), (3, 6), (6, 9))]
    if prefix == "2":  # 2.xxx.xxx.xxx
        return pc.binary_join_element_wise("2", *parts, ".")
    first = pc.binary_join_element_wise("0", parts[0], "")  # 0xxx.xxx.xxx
    return pc.binary_join_element_wise(first, parts[1], parts[2], ".")


def _write(path: Path, columns: dict[str, pa.Array], first: bool) -> None:
    table = pa.table(columns)
    options = csv.WriteOptions(include_header=first, quoting_style="all_valid")
    with path.open("ab" if not first else "wb") as sink:
        csv.write_csv(table, sink, options)


def generate(folder: Path, scale: float) -> None:
    """Write meta, code, enterprise, establishment, denomination, address and activity.csv."""
    from verbinder.graphmodel.reference import reference_verbanden

    folder.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(8)
    n = {k: max(10, int(v * scale)) for k, v in NATIONAL.items()}
    (folder / "meta.csv").write_text(
        '"Variable","Value"\n"SnapshotDate","04-11-2025"\n"ExtractNumber","171"\n', "utf-8"
    )
    (folder / "code.csv").write_text(
        '"Category","Code","Language","Description"\n'
        '"JuridicalSituation","000","NL","Normale toestand"\n'
        '"JuridicalSituation","012","NL","Vrijwillige ontbinding – vereffening"\n',
        "utf-8",
    )
    flemish = sorted({m for v in reference_verbanden() for m in v.municipalities})
    places = flemish + [f"Elders {i}" for i in range(len(flemish), 580)]
    weights = np.where(np.arange(len(places)) < len(flemish), 3.0, 1.0)
    weights /= weights.sum()
    enterprises = n["enterprise"]
    e_ids = np.arange(enterprises) + 200_000_000
    _write(
        folder / "enterprise.csv",
        {
            "EnterpriseNumber": _numbers(e_ids, "0"),
            "Status": pa.array(np.full(enterprises, "AC")),
            "JuridicalSituation": pa.array(np.where(rng.random(enterprises) < 0.03, "012", "000")),
            "TypeOfEnterprise": pa.array(np.where(rng.random(enterprises) < 0.45, "1", "2")),
            "JuridicalForm": pa.array(np.full(enterprises, "610")),
            "JuridicalFormCAC": pa.array(np.full(enterprises, "")),
            "StartDate": pa.array(np.full(enterprises, "01-01-2010")),
        },
        True,
    )
    units = n["establishment"]
    u_ids = np.arange(units) + 100_000_000
    parent = rng.integers(0, enterprises, units)
    _write(
        folder / "establishment.csv",
        {
            "EstablishmentNumber": _numbers(u_ids, "2"),
            "StartDate": pa.array(np.full(units, "01-01-2012")),
            "EnterpriseNumber": _numbers(e_ids[parent], "0"),
        },
        True,
    )
    entity_numbers = pa.concat_arrays([_numbers(e_ids, "0"), _numbers(u_ids, "2")])
    total = len(entity_numbers)
    place = rng.choice(len(places), n["address"], p=weights)
    who = rng.integers(0, total, n["address"])
    kind = np.where(who < enterprises, "REGO", "BAET")
    names = np.array(places)
    _write(
        folder / "address.csv",
        {
            "EntityNumber": pc.take(entity_numbers, pa.array(who)),
            "TypeOfAddress": pa.array(kind),
            "CountryNL": pa.array(np.full(len(who), "")),
            "CountryFR": pa.array(np.full(len(who), "")),
            "Zipcode": pc.cast(pa.array(1000 + place), pa.string()),
            "MunicipalityNL": pa.array(names[place]),
            "MunicipalityFR": pa.array(names[place]),
            "StreetNL": pa.array(np.full(len(who), "Kerkstraat")),
            "StreetFR": pa.array(np.full(len(who), "Rue de l'Église")),
            "HouseNumber": pc.cast(pa.array(rng.integers(1, 300, len(who))), pa.string()),
            "Box": pa.array(np.full(len(who), "")),
            "ExtraAddressInfo": pa.array(np.full(len(who), "")),
            "DateStrikingOff": pa.array(np.full(len(who), "")),
        },
        True,
    )
    named = min(total, n["denomination"])  # every entity has a name, as in the register
    who = np.concatenate([np.arange(named), rng.integers(0, total, n["denomination"] - named)])
    _write(
        folder / "denomination.csv",
        {
            "EntityNumber": pc.take(entity_numbers, pa.array(who)),
            "Language": pa.array(rng.choice(["0", "1", "2"], len(who), p=[0.1, 0.3, 0.6])),
            "TypeOfDenomination": pa.array(np.where(who < enterprises, "001", "003")),
            "Denomination": pc.binary_join_element_wise(
                "Bedrijf ", pc.cast(pa.array(who), pa.string()), ""
            ),
        },
        True,
    )
    for start in range(0, n["activity"], CHUNK):
        size = min(CHUNK, n["activity"] - start)
        who = rng.integers(0, total, size)
        code = pc.utf8_lpad(
            pc.cast(pa.array(rng.integers(1_110, 99_000, size)), pa.string()), 5, "0"
        )
        _write(
            folder / "activity.csv",
            {
                "EntityNumber": pc.take(entity_numbers, pa.array(who)),
                "ActivityGroup": pa.array(
                    rng.choice(["001", "003", "006"], size, p=[0.18, 0.79, 0.03])
                ),
                "NaceVersion": pa.array(
                    rng.choice(["2003", "2008", "2025"], size, p=[0.06, 0.46, 0.48])
                ),
                "NaceCode": code,
                "Classification": pa.array(rng.choice(["MAIN", "SECO"], size, p=[0.5, 0.5])),
            },
            start == 0,
        )
    (folder / "schaal.txt").write_text(str(scale))


def _peak_mb() -> float:
    """Peak resident memory of this process since it started (VmHWM: unlike ru_maxrss it
    does not carry over the parent's peak through fork and exec)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def worker(part: str, folder: Path, verband_id: str) -> None:
    began = time.perf_counter()
    if part == "ours":
        from verbinder.graphmodel.reference import reference_verband
        from verbinder.loaders.kbo import select_employers

        verband = reference_verband(verband_id)
        selection = select_employers(folder, verband)
        found = len(selection.actors)
    else:
        found = 0
        for file in sorted(folder.glob("*.csv")):
            with file.open("rb") as handle:
                while chunk := handle.read(16 << 20):
                    found += len(chunk)
    print(json.dumps({"s": time.perf_counter() - began, "mb": _peak_mb(), "n": found}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--verband", default="gent")
    parser.add_argument("--folder", type=Path, default=Path("/tmp/verbinder-kbo-bench"))
    parser.add_argument("--timeout", type=float, default=900)
    parser.add_argument("--smoke", action="store_true", help="tiny scale, to check it runs")
    parser.add_argument("--worker", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.worker[0], Path(args.worker[1]), args.worker[2])
        return
    scale = 0.001 if args.smoke else args.scale
    folder = args.folder / f"schaal-{scale:g}"
    marker = folder / "schaal.txt"
    if not marker.exists():
        began = time.perf_counter()
        generate(folder, scale)
        print(f"bestanden gemaakt in {time.perf_counter() - began:.0f} s: {folder}")
    size = sum(f.stat().st_size for f in folder.glob("*.csv")) / 1e9
    rows = {k: max(10, int(v * scale)) for k, v in NATIONAL.items()}
    print(
        f"KBO-bestanden (synthetisch, schaal {scale:g}): {size:.2f} GB, "
        f"{rows['activity']:,} activiteiten, {rows['enterprise']:,} ondernemingen"
    )
    results = {}
    for part in ("baseline", "ours"):
        command = [sys.executable, __file__, "--worker", part, str(folder), args.verband]
        lines, ended = run_worker(command, args.timeout)
        results[part] = lines[-1] if lines else None
        if not lines:
            print(f"{part}: {ended}")
    base, ours = results["baseline"], results["ours"]
    if base and ours:
        print(f"bytes lezen (ondergrens): {base['s']:.1f} s, piek {base['mb']:.0f} MB")
        print(
            f"werkgevers van {args.verband}: {ours['n']:,} in {ours['s']:.1f} s, "
            f"piek {ours['mb']:.0f} MB (doel < 180 s, < 4096 MB); "
            f"verhouding tot de ondergrens {ours['s'] / base['s']:.1f}x"
        )


if __name__ == "__main__":
    main()
