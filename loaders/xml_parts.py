"""The XML parts of a workbook, checked for document type declarations before any is parsed.

An ``.xlsx`` is a zip of XML parts. A part that declares a document type (``<!DOCTYPE``) can
define entities: nested ones that expand a few bytes into gigabytes ("billion laughs") or
external ones that read another file of the computer into a cell. The Open Packaging
Conventions forbid such declarations in a package (ECMA-376 Part 2, §8.1.4: "XML content shall
not contain references to DTDs"), and Excel never writes one, so a workbook that has one is
refused with the part and, for a worksheet, the sheet it holds. openpyxl parses with
``defusedxml`` as well (a dependency of Verbinder), which refuses entities while parsing.
"""

from __future__ import annotations

import html
import posixpath
import re
import zipfile

from defusedxml import ElementTree

__all__ = ["damaged_part", "declared_parts", "sheet_of_part"]

_PROLOG_READ = 1 << 16
"""Bytes read per step until the root element starts; the declaration can only come before."""

_ELEMENT_START = re.compile(rb"<[A-Za-z_]")
_SHEET = re.compile(rb'<(?:\w+:)?sheet\b[^>]*?\bname="([^"]*)"[^>]*?\b(?:\w+:)?id="([^"]*)"')
_RELATION = re.compile(rb"<(?:\w+:)?Relationship\b[^>]*?>")
_ATTRIBUTE = re.compile(rb'\b(Id|Target)="([^"]*)"')


def _prolog(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """The part's bytes up to its root element (UTF-16 parts turned into UTF-8 first)."""
    read = b""
    with archive.open(info) as part:
        while chunk := part.read(_PROLOG_READ):
            read += chunk
            text = read
            if read.startswith((b"\xff\xfe", b"\xfe\xff")):
                text = read[: len(read) // 2 * 2].decode("utf-16", errors="replace").encode()
            start = _ELEMENT_START.search(text)
            if start:
                return text[: start.start()]
    return read


def declared_parts(archive: zipfile.ZipFile) -> list[str]:
    """The names of the archive's XML parts that declare a document type, in archive order."""
    return [
        info.filename
        for info in archive.infolist()
        if info.filename.lower().endswith((".xml", ".rels", ".vml"))
        and b"<!DOCTYPE" in _prolog(archive, info).upper()
    ]


def sheet_of_part(archive: zipfile.ZipFile, part: str) -> str | None:
    """The name of the sheet whose XML is ``part``, read from the workbook's part and its
    relations without an XML parser; None for a part that holds no sheet (or when those two
    parts are unreadable)."""
    try:
        workbook = archive.read("xl/workbook.xml")
        relations = archive.read("xl/_rels/workbook.xml.rels")
    except KeyError:
        return None
    targets = {}
    for relation in _RELATION.finditer(relations):
        attributes = dict(_ATTRIBUTE.findall(relation[0]))
        if b"Id" in attributes and b"Target" in attributes:
            target = attributes[b"Target"].decode(errors="replace")
            targets[attributes[b"Id"]] = posixpath.normpath(
                target.lstrip("/") if target.startswith("/") else f"xl/{target}"
            )
    for name, relation_id in _SHEET.findall(workbook):
        if targets.get(relation_id) == part:
            return html.unescape(name.decode(errors="replace"))
    return None


def damaged_part(archive: zipfile.ZipFile) -> str | None:
    """The first XML part that does not parse (with ``defusedxml``), to locate a workbook
    openpyxl could not open; None when every part parses."""
    for info in archive.infolist():
        if info.filename.lower().endswith((".xml", ".rels")):
            try:
                with archive.open(info) as part:
                    for _ in ElementTree.iterparse(part):
                        pass
            except Exception:  # ParseError, defusedxml's refusals, a damaged zip member
                return info.filename
    return None
