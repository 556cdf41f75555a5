"""click's own messages in Dutch: usage, missing options, invalid values, unknown commands.

click marks its messages for translation with gettext but ships no Dutch catalogue, and which
catalogue gettext picks would depend on the user's locale settings. So :func:`install` gives
click's modules our own lookup: the Dutch text of every message a user of ``verbinder`` can
meet, keyed by click's English text (taken from click's source, version 8). A message click
adds later falls back to its English text; ``tests/test_cli_dutch.py`` lists click's messages
and fails on one that has no Dutch text here.
"""

from __future__ import annotations

import sys

import click

__all__ = ["DUTCH", "PLURALS", "UNUSED", "install"]

DUTCH = {
    "Aborted!": "Afgebroken.",
    "Missing command.": "Geef een commando op.",
    "Options": "Opties",
    "Positional arguments": "Argumenten",
    "Commands": "Commando's",
    "deprecated": "verouderd",
    "env var: {var}": "omgevingsvariabele: {var}",
    "default: {default}": "standaard: {default}",
    "(dynamic)": "(wisselend)",
    "Do you want to continue?": "Wilt u verdergaan?",
    "Confirm the action without prompting.": "Bevestig zonder te vragen.",
    "%(prog)s, version %(version)s": "%(prog)s, versie %(version)s",
    "Show the version and exit.": "Toon de versie en stop.",
    "Show this message and exit.": "Toon deze hulp en stop.",
    "Missing argument": "Ontbrekend argument",
    "Missing option": "Ontbrekende optie",
    "Missing parameter": "Ontbrekende waarde",
    "Missing parameter: {param_name}": "Ontbrekende waarde: {param_name}",
    "Missing {param_type}": "Ontbrekende {param_type}",
    "unknown error": "onbekende fout",
    "Invalid value for {param_hint}: {message}": "Ongeldige waarde voor {param_hint}: {message}",
    "Invalid value: {message}": "Ongeldige waarde: {message}",
    "Could not open file {filename!r}: {message}": (
        "Kan het bestand {filename!r} niet openen: {message}"
    ),
    "Error: {message}": "Fout: {message}",
    "Try '{command} {option}' for help.": "Hulp: '{command} {option}'.",
    "No such option {name!r}.": "Onbekende optie {name!r}.",
    "No such command {name!r}.": "Onbekend commando {name!r}.",
    "Usage:": "Gebruik:",
    "required": "verplicht",
    "Invalid start character for option ({option})": (
        "Een optie begint niet met dit teken ({option})"
    ),
    "Option {name!r} does not take a value.": "De optie {name!r} neemt geen waarde.",
    "Argument {name!r} takes {nargs} values.": "Het argument {name!r} neemt {nargs} waarden.",
    "Press any key to continue...": "Druk op een toets om verder te gaan...",
    "Repeat for confirmation": "Herhaal ter bevestiging",
    "Error: The two entered values do not match.": "Fout: de twee waarden verschillen.",
    "Error: invalid input": "Fout: ongeldige invoer",
    "file": "bestand",
    "directory": "map",
    "path": "pad",
    "Choose from:\n\t{choices}": "Kies uit:\n\t{choices}",
    "Choice({choices})": "Keuze({choices})",
    "{value} is not in the range {range}.": "{value} ligt niet in het bereik {range}.",
    "{value!r} is not a valid boolean. Recognized values: {states}": (
        "{value!r} is geen ja/nee-waarde. Mogelijk: {states}"
    ),
    "{value!r} is not a valid {number_type}.": "{value!r} is geen geldig {number_type}.",
    "{value!r} is not a valid UUID.": "{value!r} is geen geldige UUID.",
    "{name} {filename!r} is a file.": "{name} {filename!r} is een bestand, geen map.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} is een map, geen bestand.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} kan niet gelezen worden.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} kan niet beschreven worden.",
    "{name} {filename!r} is not executable.": "{name} {filename!r} is niet uitvoerbaar.",
    "{name} {filename!r} does not exist.": "{name} {filename!r} bestaat niet.",
}
"""click's English message -> Dutch, for messages without a plural form."""

PLURALS = {
    "Got unexpected extra argument ({args})": (
        "Onverwacht extra argument ({args})",
        "Onverwachte extra argumenten ({args})",
    ),
    "Takes {nargs} values but 1 was given.": (
        "Neemt {nargs} waarden, maar er werd er 1 gegeven.",
        "Neemt {nargs} waarden, maar er werden er {len} gegeven.",
    ),
    "Did you mean {possibility}?": (
        "Bedoelt u {possibility}?",
        "(Bedoelt u een van: {possibilities}?)",
    ),
    "Option {name!r} requires an argument.": (
        "De optie {name!r} vraagt een waarde.",
        "De optie {name!r} vraagt {nargs} waarden.",
    ),
    "{value!r} is not {choice}.": (
        "{value!r} is geen {choice}.",
        "{value!r} is geen van {choices}.",
    ),
    "{value!r} does not match the format {format}.": (
        "{value!r} past niet bij de vorm {format}.",
        "{value!r} past bij geen van de vormen {formats}.",
    ),
    "{len_type} values are required, but {len_value} was given.": (
        "{len_type} waarden nodig, maar {len_value} gegeven.",
        "{len_type} waarden nodig, maar {len_value} gegeven.",
    ),
}
"""click's English singular -> (Dutch singular, Dutch plural)."""

UNUSED = (
    "DeprecationWarning: The command {name!r} is deprecated.{extra_message}",
    "DeprecationWarning: The {param_type} {name!r} is deprecated.{extra_message}",
    "Value must be an iterable.",
    "Could not determine name for option with declarations {decls!r}",
    "No options defined but a name was passed ({name}). Did you mean to declare an argument "
    "instead? Did you mean to pass '--{name}'?",
    "Arguments take exactly one parameter declaration, got {length}: {decls}.",
    "Name '{name}' defined twice",
    "Boolean option {decl!r} cannot use the same flag for true/false.",
    "Couldn't detect Bash version, shell completion is not supported.",
    "Shell completion is not supported for Bash versions older than 4.4.",
    "Unknown color {colour!r}",
    "Unknown standard stream '{name}'",
    "{editor}: Editing failed",
    "{editor}: Editing failed: {e}",
    "Windows error: {error}",
    "d",
)
"""click's messages that only a programmer can meet (a mistake in our own command
definitions, shell completion, editors, colours, Windows consoles): left in English."""

_TYPE_NAMES = {
    click.STRING: "tekst",
    click.INT: "geheel getal",
    click.FLOAT: "getal",
    click.BOOL: "ja/nee",
    click.UUID: "uuid",
}
"""The names click shows as metavar (upper case) and in 'is not a valid ...'."""

ARGUMENTS = {
    "file": "BESTAND",
    "source": "BRON",
    "kept": "BLIJFT",
    "dropped": "VERDWIJNT",
    "merge_id": "SAMENVOEGING",
}
"""Our commands' arguments as the usage line names them."""


def _gettext(message: str) -> str:
    return DUTCH.get(message, message)


def _ngettext(singular: str, plural: str, n: int) -> str:
    if singular in PLURALS:
        return PLURALS[singular][0 if n == 1 else 1]
    return singular if n == 1 else plural


def _path_name(kind: click.Path) -> str:
    if kind.file_okay and not kind.dir_okay:
        return "bestand"
    if kind.dir_okay and not kind.file_okay:
        return "map"
    return "pad"


def _translate_tree(command: click.Command) -> None:
    command.options_metavar = "[OPTIES]"
    for param in command.params:
        if isinstance(param.type, click.Path):
            param.type.name = _path_name(param.type)
        if isinstance(param, click.Argument) and param.name in ARGUMENTS:
            name = ARGUMENTS[param.name]
            param.metavar = name if param.required else f"[{name}]"
        if isinstance(param, click.Option) and param.help in DUTCH:
            param.help = DUTCH[param.help]  # click's own options (--version) got it too early
    if isinstance(command, click.Group):
        command.subcommand_metavar = "COMMANDO [ARGUMENTEN]..."
        for sub in command.commands.values():
            _translate_tree(sub)


def install(root: click.Command) -> None:
    """Make click speak Dutch in this process, and every command under ``root`` in its help
    (idempotent)."""
    for name, module in list(sys.modules.items()):
        if name == "click" or name.startswith("click."):
            if hasattr(module, "_"):
                module._ = _gettext  # type: ignore[attr-defined]
            if hasattr(module, "ngettext"):
                module.ngettext = _ngettext  # type: ignore[attr-defined]
    for kind, name in _TYPE_NAMES.items():
        kind.name = name
    click.IntRange.name = "geheel getal"
    click.FloatRange.name = "getal"
    _translate_tree(root)
