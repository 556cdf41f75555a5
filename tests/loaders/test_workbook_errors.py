"""A workbook with 20 deliberate, different errors: 20 located Dutch messages, store unchanged."""

from __future__ import annotations

import hashlib

from click.testing import CliRunner
from verbinder.loaders import LoadError, load_dataset

from verbinder.cli import main

ACTOR_HEADER = [
    "id",
    "naam",
    "type",
    "gemeente",
    "verbanden",
    "betrokkenheid",
    "kbo",
    "vte",
    "doelgroepwerknemers",
    "nace",
    "email",
]
TIE_HEADER = ["id", "bron", "doel", "soort", "gewicht", "geldig_vanaf", "geldig_tot", "herkomst"]


def _row(**cells):
    return [cells.get(h) for h in ACTOR_HEADER]


def _tie(**cells):
    return [cells.get(h) for h in TIE_HEADER]


BAD_SHEETS = {
    "actoren": [
        ACTOR_HEADER,
        _row(
            id="reg",
            naam="Regie Gent",
            type="regisseur",
            verbanden="gent",
            betrokkenheid="zeer actief",
        ),  # row 2 ok
        _row(
            id="gem", naam="Stad Gent", type="gemeente", verbanden="gent", betrokkenheid="actief"
        ),  # row 3 ok
        _row(id="a4", naam="Bakkerij Zoë", type="werkgevr"),  # 1 row 4
        _row(
            id="a5", naam="LDE Fiets", type="lde", verbanden="gent", betrokkenheid="heel actief"
        ),  # 2 row 5
        _row(id="gem", naam="Gemeente Gent bis", type="gemeente"),  # 3 row 6
        _row(id="a7", naam="Transport X", type="werkgever", kbo="0403.170.702"),  # 4 row 7
        _row(id="a8", naam="Hotel Y", type="werkgever", vte="twaalf"),  # 5 row 8
        _row(
            id="a9", naam="Kringwinkel Z", type="lde", verbanden="gentt", betrokkenheid="actief"
        ),  # 6 row 9
        _row(id="a10", type="werkgever"),  # 7 row 10
        _row(id="a11", naam="Brasserie Q", type="werkgever", email="zoe(at)q.be"),  # 8 row 11
        _row(id="a12", naam="Mijn Bedrijf", type="werkgever", nace="04.100"),  # 9 row 12
        _row(
            id="a13", naam="Maatwerk M", type="maatwerkbedrijf", doelgroepwerknemers="-3"
        ),  # 10 row 13
        _row(id="a14", naam="VDAB Gent", type="vdab", betrokkenheid="actief"),  # 11 row 14
        _row(
            id="wg", naam="Logistiek L", type="werkgever", verbanden="gent", betrokkenheid="passief"
        ),  # row 15 ok
    ],
    "relaties": [
        TIE_HEADER,
        _tie(id="r1", bron="reg", doel="gem", soort="overleg"),  # row 2 ok
        _tie(bron="reg", doel="onbekend", soort="overleg"),  # 12 row 3
        _tie(bron="gem", doel="Stad Gent", soort="samenwerking"),  # 13 row 4
        _tie(bron="reg", doel="wg", soort="overleg", geldig_vanaf="31/02/2024"),  # 14 row 5
        _tie(bron="reg", doel="wg", soort="overleggen"),  # 15 row 6
        _tie(bron="gem", doel="wg", soort="aankoop", gewicht=0),  # 16 row 7
        _tie(
            bron="gem",
            doel="wg",
            soort="aankoop",
            geldig_vanaf="01/06/2024",
            geldig_tot="01/01/2024",
        ),  # 17 row 8
        _tie(bron="gem", doel="wg", soort="aankoop", herkomst="telefoon"),  # 18 row 9
        _tie(id="r1", bron="gem", doel="wg", soort="overleg"),  # 19 row 10
    ],
    "evenementen": [["id", "datum"], ["ev1", "14/05/2024"]],  # 20 row 1
}

EXPECTED = [
    # (sheet, row, column header or None, words in the message)
    ("actoren", 4, "type", "bedoelde u 'werkgever'"),
    ("actoren", 5, "betrokkenheid", "geen geldige betrokkenheid"),
    ("actoren", 6, "id", "komt al voor op rij 3"),
    ("actoren", 7, "kbo", "controlegetal"),
    ("actoren", 8, "vte", "geen getal"),
    ("actoren", 9, "verbanden", "geen gekend verband"),
    ("actoren", 10, "naam", "verplicht"),
    ("actoren", 11, "email", "geen geldig e-mailadres"),
    ("actoren", 12, "nace", "geen geldige NACE-code"),
    ("actoren", 13, "doelgroepwerknemers", "niet negatief"),
    ("actoren", 14, "betrokkenheid", "zonder verband"),
    ("relaties", 3, "doel", "geen gekende actor"),
    ("relaties", 4, "doel", "met zichzelf"),
    ("relaties", 5, "geldig_vanaf", "geen geldige datum"),
    ("relaties", 6, "soort", "bedoelde u 'overleg'"),
    ("relaties", 7, "gewicht", "groter dan 0"),
    ("relaties", 8, "geldig_tot", "ligt voor de begindatum"),
    ("relaties", 9, "herkomst", "geen gekende herkomst"),
    ("relaties", 10, "id", "staat er al op rij 2"),
    ("evenementen", 1, None, "verplichte kolom 'naam' ontbreekt"),
]


def test_twenty_errors_give_twenty_located_dutch_messages(tmp_path, write_workbook):
    path = write_workbook(tmp_path / "fouten.xlsx", BAD_SHEETS)
    try:
        load_dataset(path, name="x")
    except LoadError as exc:
        errors = exc.report.errors
    else:
        raise AssertionError("a workbook with errors was accepted")
    assert len(errors) == 20, "\n".join(map(str, errors))
    for problem, (sheet, row, column, words) in zip(errors, EXPECTED, strict=True):
        assert problem.file == "fouten.xlsx"
        assert (problem.sheet, problem.row) == (sheet, row), str(problem)
        if column is None:
            assert problem.column is None
        else:
            letter = chr(
                ord("A") + (ACTOR_HEADER if sheet == "actoren" else TIE_HEADER).index(column)
            )
            assert problem.column == f"'{column}' ({letter})", str(problem)
        assert words in problem.message, str(problem)
    first = str(errors[0])
    assert first == (
        "fouten.xlsx, blad 'actoren', rij 4, kolom 'type' (C): 'werkgevr' is geen "
        "gekend actortype; bedoelde u 'werkgever'?"
    )


def _store_bytes(folder):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def test_a_failed_import_leaves_the_store_byte_for_byte_unchanged(tmp_path, write_workbook):
    db_dir = tmp_path / "db"
    db_dir.mkdir()
    db = db_dir / "verbinder.sqlite"
    runner = CliRunner()
    assert runner.invoke(main, ["--db", str(db), "demo", "--schaal", "0.05"]).exit_code == 0
    before = _store_bytes(db_dir)
    bad = write_workbook(tmp_path / "fouten.xlsx", BAD_SHEETS)
    for args in (
        ["import", str(bad), "--dataset", "nieuw"],
        ["import", str(bad), "--dataset", "demo", "--vervang"],
    ):
        result = runner.invoke(main, ["--db", str(db), *args])
        assert result.exit_code == 1
        assert "Niets ingelezen" in result.output
        assert "rij 4, kolom 'type' (C)" in result.output
        assert _store_bytes(db_dir) == before
