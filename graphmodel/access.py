"""Who may see and change what in a shared installation: roles, principals and the roles file.

Three roles (issue #7): a *regisseur* reads and writes the verbanden named for them; a WSE
*analist* reads every verband, but only aggregated figures and never personal data; a
*beheerder* does everything. The roles file is TOML with one ``[[gebruiker]]`` table per user::

    [[gebruiker]]
    naam = "an.peeters@gent.be"   # e-mail of the dashboard login, or the Neo4j user of the CLI
    rol = "regisseur"
    verbanden = ["gent"]

Without a roles file Verbinder runs in single-user local mode: whoever can open the database
file sees everything, and the dashboard says so.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from pathlib import Path

from verbinder.graphmodel.store.base import StoreError

__all__ = [
    "LOCAL",
    "ROLES_ENV",
    "AccessDeniedError",
    "Principal",
    "Role",
    "RolesFileError",
    "principal_for",
    "read_roles",
    "roles_path",
]

ROLES_ENV = "VERBINDER_ROLLEN"
"""Environment variable with the path of the roles file; unset means single-user local mode."""


class AccessDeniedError(StoreError):
    """The user asked for something their role does not allow; the message is Dutch."""


class RolesFileError(StoreError):
    """The roles file cannot be used; the message names the file, the entry and the field."""


class Role(Enum):
    """What a user may do."""

    REGISSEUR = "regisseur"
    ANALIST = "analist"
    BEHEERDER = "beheerder"


@dataclass(frozen=True)
class Principal:
    """A user and what they may see.

    Attributes
    ----------
    user : str
        The login (e-mail or Neo4j user), as written in the roles file.
    role : Role
    verbanden : frozenset of str
        The verbanden a regisseur works for (empty for the other roles).
    local : bool
        True for the single-user local mode without a roles file.
    """

    user: str
    role: Role
    verbanden: frozenset[str] = frozenset()
    local: bool = False

    @property
    def sees_everything(self) -> bool:
        """True for a beheerder (and the local mode): no scoping at all."""
        return self.role is Role.BEHEERDER

    @property
    def scope_key(self) -> tuple[str, tuple[str, ...]]:
        """What this principal's view of a dataset depends on (a cache key without the name)."""
        return self.role.value, tuple(sorted(self.verbanden))

    def may_read(self, verband_id: str) -> bool:
        """True when this principal may see the data of ``verband_id`` (aggregated or not)."""
        return self.role is not Role.REGISSEUR or verband_id in self.verbanden

    def describe(self) -> str:
        """One Dutch line for the user: who they are and what they see."""
        if self.local:
            return "Lokale modus voor één gebruiker (geen aanmelding): u ziet alle gegevens."
        if self.role is Role.REGISSEUR:
            return f"{self.user}: regisseur van {', '.join(sorted(self.verbanden))}."
        if self.role is Role.ANALIST:
            return f"{self.user}: analist, alle verbanden, enkel samengevoegde cijfers."
        return f"{self.user}: beheerder, alle gegevens."


LOCAL = Principal("lokaal", Role.BEHEERDER, local=True)
"""The single-user local mode: no roles file, everything visible."""


def roles_path() -> Path | None:
    """The roles file named by $VERBINDER_ROLLEN, or None (local mode)."""
    value = os.environ.get(ROLES_ENV, "").strip()
    return Path(value) if value else None


def read_roles(path: str | Path) -> dict[str, Principal]:
    """The principals of a roles file, by lower-cased user name.

    Raises :class:`RolesFileError` listing every problem with its entry and field.

    >>> import tempfile
    >>> with tempfile.NamedTemporaryFile("w", suffix=".toml", delete=False) as f:
    ...     _ = f.write('[[gebruiker]]\\nnaam = "An@Gent.be"\\nrol = "regisseur"\\n'
    ...                 'verbanden = ["gent"]\\n')
    >>> read_roles(f.name)["an@gent.be"].verbanden
    frozenset({'gent'})
    """
    path = Path(path)
    try:
        content = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise RolesFileError(f"rollenbestand {path} kan niet gelezen worden: {exc}") from exc
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise RolesFileError(f"rollenbestand {path} is geen geldige TOML: {exc}") from exc
    entries = content.get("gebruiker")
    if not isinstance(entries, list) or not entries:
        raise RolesFileError(f"rollenbestand {path}: geen enkele [[gebruiker]] gevonden.")
    problems: list[str] = []
    principals: dict[str, Principal] = {}
    for number, entry in enumerate(entries, start=1):
        where = f"rollenbestand {path}, gebruiker {number}"
        principal = _principal(entry, where, problems)
        if principal is None:
            continue
        key = principal.user.casefold()
        if key in principals:
            problems.append(f"{where}: '{principal.user}' staat er twee keer in")
        principals[key] = principal
    if problems:
        raise RolesFileError("\n".join(problems))
    return principals


def _principal(entry: object, where: str, problems: list[str]) -> Principal | None:
    if not isinstance(entry, dict):
        problems.append(f"{where}: verwacht naam, rol en (voor een regisseur) verbanden")
        return None
    unknown = sorted(set(entry) - {"naam", "rol", "verbanden"})
    if unknown:
        problems.append(f"{where}: onbekend veld {', '.join(unknown)}")
    user = entry.get("naam")
    if not isinstance(user, str) or not user.strip():
        problems.append(f"{where}, veld 'naam': vul de aanmeldnaam of het e-mailadres in")
        return None
    roles = {role.value: role for role in Role}
    role = roles.get(str(entry.get("rol", "")).strip().lower())
    if role is None:
        problems.append(f"{where} ({user}), veld 'rol': kies {', '.join(roles)}")
        return None
    verbanden = entry.get("verbanden", [])
    if not isinstance(verbanden, list) or not all(
        isinstance(v, str) and v.strip() for v in verbanden
    ):
        problems.append(f"{where} ({user}), veld 'verbanden': een lijst van verband-ids")
        return None
    if role is Role.REGISSEUR and not verbanden:
        problems.append(f"{where} ({user}), veld 'verbanden': een regisseur heeft minstens één")
        return None
    if role is not Role.REGISSEUR and verbanden:
        problems.append(
            f"{where} ({user}), veld 'verbanden': enkel voor een regisseur "
            f"(een {role.value} ziet alle verbanden)"
        )
        return None
    return Principal(user.strip(), role, frozenset(v.strip() for v in verbanden))


def _roles_as_saved(path: Path) -> dict[str, Principal]:
    """:func:`read_roles`, parsed again only when the file changed (the dashboard asks for
    the principal several times per run)."""
    try:
        stamp = path.stat()
    except OSError:
        return read_roles(path)  # reports the file as unreadable
    return _parsed_roles(str(path), stamp.st_mtime_ns, stamp.st_size)


@lru_cache(maxsize=8)
def _parsed_roles(path: str, mtime_ns: int, size: int) -> dict[str, Principal]:
    return read_roles(path)


def principal_for(user: str | None, path: str | Path | None = None) -> Principal:
    """The principal of ``user`` under the roles file ``path`` ($VERBINDER_ROLLEN when None).

    Without a roles file this is :data:`LOCAL`. With one, an unknown or missing user raises
    :class:`AccessDeniedError`.
    """
    path = roles_path() if path is None else Path(path)
    if path is None:
        return LOCAL
    principals = _roles_as_saved(path)
    if not user or not user.strip():
        raise AccessDeniedError(
            f"Er is een rollenbestand ({path}) maar geen gebruiker: meld u aan "
            "(dashboard) of geef --gebruiker (opdrachtregel)."
        )
    found = principals.get(user.strip().casefold())
    if found is None:
        raise AccessDeniedError(
            f"Gebruiker '{user}' staat niet in het rollenbestand: geen toegang."
        )
    return found
