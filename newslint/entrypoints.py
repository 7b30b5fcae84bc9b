"""Entry points of one group, found without importing ``importlib.metadata``.

Why: ``importlib.metadata.entry_points`` imports ``email``, ``zipfile``, ``csv`` and friends and
parses every installed distribution's metadata, about 30 ms on each run; the run itself lints a
typical article in about 15 ms. Plugin discovery only needs each distribution's
``entry_points.txt``, which this module reads directly from the ``*.dist-info`` / ``*.egg-info``
folders on ``sys.path`` (the first distribution of a name wins, as with importlib.metadata).

Anything this reader does not understand (a zip archive on ``sys.path``, a path hook) makes it
hand over to ``importlib.metadata``, so discovery never misses a plugin that importlib would find.
"""

from __future__ import annotations

import importlib
import os
import re
import sys
from dataclasses import dataclass
from typing import Any

_NORMALIZE = re.compile(r"[-_.]+")


@dataclass(frozen=True, slots=True)
class Distribution:
    name: str
    version: str


@dataclass(frozen=True, slots=True)
class EntryPoint:
    """The parts of ``importlib.metadata.EntryPoint`` the plugin manager uses."""

    name: str
    value: str
    group: str
    dist: Distribution | None = None

    def load(self) -> Any:
        module, _, attr = self.value.partition(":")
        obj: Any = importlib.import_module(module.strip())
        for part in attr.split("[", 1)[0].strip().split(".") if attr else []:
            obj = getattr(obj, part)
        return obj


class _Unsupported(Exception):
    pass


def _dist_of(folder: str) -> Distribution:
    stem = folder.rsplit(".", 1)[0]
    name, _, rest = stem.partition("-")
    return Distribution(name, rest.split("-", 1)[0] if rest else "")


def _parse(text: str, group: str, dist: Distribution) -> list[EntryPoint]:
    out: list[EntryPoint] = []
    current = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1].strip()
            continue
        if current == group and "=" in line:
            name, _, value = line.partition("=")
            out.append(EntryPoint(name.strip(), value.strip(), group, dist))
    return out


def _scan(group: str) -> list[EntryPoint]:
    seen: set[str] = set()
    found: list[EntryPoint] = []
    for entry in sys.path:
        path = entry or "."
        if not os.path.isdir(path):
            if os.path.isfile(path) and entry.endswith((".zip", ".egg", ".whl")):
                raise _Unsupported(entry)
            continue  # a missing folder, or a path hook's token (editable installs)
        try:
            names = sorted(os.listdir(path))
        except OSError:
            continue
        for folder in names:
            if not folder.endswith((".dist-info", ".egg-info")):
                continue
            dist = _dist_of(folder)
            key = _NORMALIZE.sub("-", dist.name).lower()
            if key in seen:
                continue
            seen.add(key)
            eps = os.path.join(path, folder, "entry_points.txt")
            try:
                with open(eps, encoding="utf-8") as fh:
                    text = fh.read()
            except OSError:
                continue
            if f"[{group}]" in text:
                found.extend(_parse(text, group, _metadata_name(os.path.join(path, folder), dist)))
    return found


def _metadata_name(folder: str, fallback: Distribution) -> Distribution:
    """Name and version as the distribution's metadata spells them (``newslint-example``, where
    the folder has ``newslint_example``), read only for distributions that have a plugin."""
    name, version = fallback.name, fallback.version
    for meta in ("METADATA", "PKG-INFO"):
        try:
            with open(os.path.join(folder, meta), encoding="utf-8") as fh:
                for line in fh:
                    if not line.strip():
                        break  # end of the headers
                    key, _, value = line.partition(":")
                    if key == "Name":
                        name = value.strip()
                    elif key == "Version":
                        version = value.strip()
            break
        except OSError:
            continue
    return Distribution(name, version)


def entry_points(group: str) -> list[Any]:
    """Entry points of ``group`` from the installed distributions."""
    try:
        return _scan(group)
    except _Unsupported:
        from importlib.metadata import entry_points as slow

        return list(slow(group=group))
