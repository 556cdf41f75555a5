"""Activities written in people's own words are read as the activity they mean, and said so."""

from __future__ import annotations

from verbinder.graphmodel.activities import activity_key, vocabulary
from verbinder.loaders import load_dataset, validate
from verbinder.loaders.sector_fit import default_sector_fit
from verbinder.queries.missing_links import missing_links

ACTORS = [
    ["id", "naam", "type", "gemeente", "verbanden", "vte", "activiteiten"],
    ["reg", "Regie Gent", "regisseur", "Gent", "gent", None, None],
    ["strijk", "Strijkatelier Ledeberg", "lde", "Gent", "gent", "6", "strijken"],
    ["poets", "Poetsdienst De Bron", "lde", "Gent", "gent", "9", "poetsdienst"],
    ["groen", "Groenploeg Gent", "maatwerkbedrijf", "Gent", "gent", "420", "Groen onderhoud"],
    ["raam", "Vensters vzw", "lde", "Gent", "gent", "3", "ramenwassen"],
    ["typo", "Kuisploeg", "lde", "Gent", "gent", "3", "schoonmak"],
    ["hotel", "Hotel Gent", "werkgever", "Gent", "gent", None, "bakkerij"],
    ["bouw", "Bouwbedrijf Gent", "werkgever", "Gent", "gent", None, None],
]
NACE = {"hotel": "55.100", "bouw": "41.201"}


def _workbook(tmp_path, write_workbook):
    rows = [ACTORS[0] + ["nace", "betrokkenheid"]]
    rows += [[*row, NACE.get(row[0]), "actief"] for row in ACTORS[1:]]
    return write_workbook(
        tmp_path / "v.xlsx",
        {"actoren": rows, "relaties": [["bron", "doel", "soort"], ["reg", "hotel", "overleg"]]},
    )


def test_other_spellings_are_warnings_at_the_cell_naming_the_activity(tmp_path, write_workbook):
    report = validate(_workbook(tmp_path, write_workbook))
    assert report.ok
    found = {(w.row, w.column): w.message for w in report.warnings if "activiteit" in w.message}
    column = "'activiteiten' (G)"
    assert found[(3, column)] == "activiteit 'strijken' wordt gelezen als 'strijkatelier'"
    assert found[(4, column)] == "activiteit 'poetsdienst' wordt gelezen als 'schoonmaak'"
    assert found[(5, column)] == "activiteit 'Groen onderhoud' wordt gelezen als 'groenonderhoud'"
    assert found[(6, column)].startswith("activiteit 'ramenwassen' is niet gekend. Zonder")
    assert "geen voorstellen" in found[(6, column)]
    assert found[(7, column)].startswith("activiteit 'schoonmak' is niet gekend; bedoelde u")
    # An employer's activities are not matched on, so they are not checked.
    assert not any(row == 8 for row, _ in found)


def test_those_actors_get_suggestions_and_the_unknown_one_is_named(tmp_path, write_workbook):
    dataset = load_dataset(_workbook(tmp_path, write_workbook), name="x").dataset
    by_id = dataset.actor_by_id
    assert by_id["strijk"].activities == ("strijkatelier",)
    assert by_id["raam"].activities == ("ramenwassen",)  # kept as written, not dropped
    assert by_id["hotel"].activities == ("bakkerij",)
    links = missing_links(dataset, "gent", fit=default_sector_fit(), top=None)
    suggested = set(links["se_actor"])
    assert {"strijk", "poets", "groen"} <= suggested
    assert "raam" not in suggested
    (line,) = [line for line in links.attrs["dekking"] if "sectorfit-tabel" in line]
    assert "Vensters vzw (ramenwassen)" in line and "Kuisploeg (schoonmak)" in line


def test_without_activities_missing_links_says_why_there_are_no_pairs(tmp_path, write_workbook):
    path = write_workbook(
        tmp_path / "leeg.xlsx",
        {
            "actoren": [
                ["id", "naam", "type", "verbanden", "betrokkenheid", "nace"],
                ["lde", "LDE Een", "lde", "gent", "actief", None],
                ["wg", "Hotel", "werkgever", "gent", "actief", None],
            ],
            "relaties": [["bron", "doel", "soort"]],
        },
    )
    links = missing_links(load_dataset(path, name="x").dataset, "gent", fit=default_sector_fit())
    assert links.empty
    assert links.attrs["dekking"] == [
        "1 SE-actor(en) zonder activiteit krijgen geen voorstellen: LDE Een. Vul de kolom "
        "'activiteiten' in.",
        "1 werkgever(s) zonder NACE-code komen niet in aanmerking: Hotel.",
    ]


def test_every_spelling_means_one_activity_and_every_activity_has_a_sector_fit():
    meaning: dict[str, set[str]] = {}
    for activity in vocabulary().activities:
        for word in (activity.name, *activity.synonyms):
            meaning.setdefault(activity_key(word), set()).add(activity.name)
    assert all(len(names) == 1 for names in meaning.values())
    assert set(vocabulary().names) == set(default_sector_fit().activities)


def test_an_activity_named_twice_is_kept_once_and_said(tmp_path, write_workbook):
    actors = [
        [*ACTORS[0], "betrokkenheid"],
        [
            "strijk",
            "Strijkatelier",
            "lde",
            "Gent",
            "gent",
            "6",
            "strijken; strijkatelier",
            "actief",
        ],
    ]
    path = write_workbook(
        tmp_path / "v.xlsx", {"actoren": actors, "relaties": [["bron", "doel", "soort"]]}
    )
    result = load_dataset(path, name="x")
    assert result.dataset.actor_by_id["strijk"].activities == ("strijkatelier",)
    messages = [w.message for w in result.report.warnings if w.row == 2]
    assert "activiteit 'strijkatelier' staat er meer dan eens; ze is één keer bewaard" in messages
