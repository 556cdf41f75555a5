"""Cell parsers: Belgian numbers and dates, engagement words, types, KBO numbers."""

from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st
from verbinder.graphmodel.cells import (
    EXCEL_ERRORS,
    FORMULA_TRIGGERS,
    escape_formula,
    unescape_formula,
)
from verbinder.graphmodel.types import ActorType, Engagement, Provenance, TieKind
from verbinder.loaders.parsing import (
    CellError,
    parse_actor_type,
    parse_date,
    parse_decimal,
    parse_email,
    parse_engagement,
    parse_int,
    parse_kbo,
    parse_list,
    parse_nace,
    parse_provenance,
    parse_text,
    parse_tie_kind,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("12,5", 12.5),
        ("12.5", 12.5),
        ("1.234,5", 1234.5),
        ("1,234.5", 1234.5),
        ("1 234,5", 1234.5),
        ("0,375", 0.375),
        ("0.375", 0.375),
        ("-2", -2.0),
        (",5", 0.5),
        (3, 3.0),
        (2.25, 2.25),
        ("1,5e3", 1500.0),
        ("\u00a012,5 ", 12.5),
    ],
)
def test_decimals_with_comma_or_point(raw, expected):
    assert parse_decimal(raw) == expected


@pytest.mark.parametrize("raw", ["twaalf", "1.234", "12,5,3", "", "1e999", "nan", "--1"])
def test_bad_or_ambiguous_decimals_are_refused(raw):
    with pytest.raises(CellError):
        parse_decimal(raw)


def test_ambiguous_thousands_mark_explains_both_readings():
    with pytest.raises(CellError, match=r"1234 of 1,234"):
        parse_decimal("1.234")


@pytest.mark.parametrize(
    ("raw", "expected"), [("257.029", 257029), ("257 029", 257029), (12.0, 12), ("7", 7)]
)
def test_integers(raw, expected):
    assert parse_int(raw) == expected


@pytest.mark.parametrize("raw", ["1,5", "12.5", 2.5, "veel"])
def test_non_integers_are_refused(raw):
    with pytest.raises(CellError):
        parse_int(raw)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("15/03/2024", date(2024, 3, 15)),
        ("1/3/2024", date(2024, 3, 1)),
        ("01-03-2024", date(2024, 3, 1)),
        ("2024-03-01", date(2024, 3, 1)),
        ("01.03.2024", date(2024, 3, 1)),
        (datetime(2024, 3, 1, 0, 0), date(2024, 3, 1)),
    ],
)
def test_dates_are_day_first_or_iso(raw, expected):
    assert parse_date(raw) == expected


@pytest.mark.parametrize("raw", ["31/02/2024", "2024-13-01", "morgen", "03/15/2024"])
def test_invalid_dates(raw):
    with pytest.raises(CellError, match="geen geldige datum"):
        parse_date(raw)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("0", 0),
        (3, 3),
        (2.0, 2),
        ("geen", 0),
        ("Passief", 1),
        ("ACTIEF", 2),
        ("zeer actief", 3),
        ("Zeer_actief", 3),
        ("Geen rol", 0),
        ("Passieve rol (ondersteunende rol, van op afstand)", 1),
        ("Actieve rol (partner in acties)", 2),
        ("Zeer actieve rol (voortrekker in acties)", 3),
    ],
)
def test_engagement_in_numbers_words_and_survey_phrases(raw, expected):
    assert parse_engagement(raw) == Engagement(expected)


@pytest.mark.parametrize("raw", ["4", "heel actief", "-1", "actief?"])
def test_invalid_engagement(raw):
    with pytest.raises(CellError, match="geen geldige betrokkenheid"):
        parse_engagement(raw)


def test_actor_types_any_case_and_synonyms():
    assert parse_actor_type(" WERKGEVER ") is ActorType.WERKGEVER
    assert parse_actor_type("Individueel-maatwerk") is ActorType.INDIVIDUEEL_MAATWERK
    assert parse_actor_type("Sociale werkplaats") is ActorType.MAATWERKBEDRIJF
    assert parse_actor_type("stad") is ActorType.GEMEENTE


def test_unknown_actor_type_suggests_the_closest():
    with pytest.raises(CellError) as caught:
        parse_actor_type("werkgevr")
    assert str(caught.value) == ("'werkgevr' is geen gekend actortype; bedoelde u 'werkgever'?")


def test_tie_kinds_and_provenance():
    assert parse_tie_kind("Lerend netwerk") is TieKind.LEREND_NETWERK
    assert parse_provenance("Bevraging") is Provenance.BEVRAGING
    with pytest.raises(CellError, match="bedoelde u 'overleg'"):
        parse_tie_kind("overleggen")


def test_kbo_numbers_are_checked_with_modulo_97():
    # 0403.170.701: 97 - (4031707 mod 97) = 97 - 96 = 1 -> check digits 01.
    assert parse_kbo("0403.170.701") == "0403170701"
    assert parse_kbo("BE0403170701") == "0403170701"
    assert parse_kbo(403170701) == "0403170701"
    with pytest.raises(CellError, match="controlegetal"):
        parse_kbo("0403.170.702")
    with pytest.raises(CellError, match="10 cijfers"):
        parse_kbo("12345")


def test_lists_nace_and_email():
    assert parse_list("a; b,c | d") == ("a", "b", "c", "d")
    with pytest.raises(CellError):
        parse_list("a;;b")
    assert parse_nace("01.130; 96") == ("01.130", "96")
    with pytest.raises(CellError, match="geen geldige NACE-code"):
        parse_nace("04.100")
    with pytest.raises(CellError):
        parse_email("zoe(at)voorbeeld.be")


def test_text_keeps_what_was_typed_but_trims_spaces():
    assert parse_text("  Kringwinkel Café De Markt  ") == "Kringwinkel Café De Markt"
    assert parse_text(12.0) == "12"


_FORMULA_LIKE = "'=+-@\t\r#VALUE!"


@given(
    st.text(max_size=8).map(lambda t: t[:3] + "".join(ch for ch in t[3:] if ch in _FORMULA_LIKE))
)
def test_formula_escaping_round_trips_any_text(text):
    assert unescape_formula(escape_formula(text)) == text
    assert escape_formula(text)[:1] not in FORMULA_TRIGGERS
    assert escape_formula(text) not in EXCEL_ERRORS
