"""Configuration: ``[tool.newslint]`` in ``pyproject.toml`` or a ``newslint.toml``.

The nearest file upward from the linted path wins (or ``--config``). Every key is validated:
an unknown key, an unknown code or a bad value is a :class:`ConfigError` naming the file and the
key, never a traceback. Command-line flags are merged on top with :meth:`Config.merged`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .findings import SEVERITIES

CONFIG_FILES: tuple[str, ...] = ("newslint.toml", ".newslint.toml", "pyproject.toml")

#: Keys the core reads, with a description (plugins add theirs through ``newslint_config_keys``).
CORE_KEYS: dict[str, str] = {
    "select": "codes, code prefixes, check names or categories to run (ALL for every check)",
    "extend-select": "add to the selection without replacing it",
    "ignore": "codes, code prefixes, check names or categories not to run",
    "severity": "table of code/name/category = severity overrides",
    "per-path-ignores": "table of glob = list of codes/names/categories to ignore there",
    "fail-on": "lowest severity that makes the exit status 1 (error, warning, info, never)",
    "fail-under": "exit 1 when an article's quality score is below this",
    "checks": "per-check option tables: [tool.newslint.checks.NAME]",
    "plugins": "extra plugin modules or .py files to load (a newsroom's own checks)",
    "rules": "house-rule files (TOML or YAML): existence, substitution, occurrence, ... rules",
    "exclude": "glob patterns of files and folders not to lint",
    "max-file-size": "largest input file in bytes (default 20 MB)",
    "jobs": "parallel worker processes for the command line",
    "check-timeout": "seconds one check may run on one article before it is stopped (default 30; 0: none)",
    "fields": "table mapping article fields to a CMS record's fields (body = \"content\")",
}
FAIL_ON: tuple[str, ...] = (*SEVERITIES, "never")
#: Settings and check options that send article text to another host: a config found in a
#: linted tree (not the one you stand in) may not set them.
REMOTE_SETTINGS: tuple[str, ...] = ("languagetool-url",)
REMOTE_OPTIONS: tuple[str, ...] = ("url",)
DEFAULT_MAX_FILE_SIZE = 20 * 1024 * 1024
DEFAULT_CHECK_TIMEOUT = 30.0
#: More worker processes than this is a typo, not a machine.
MAX_JOBS = 256


class ConfigError(Exception):
    """A configuration problem, worded for the user: ``file: key: what is wrong``."""


_TOML_AT = re.compile(r"(?<!\s)\s*+\(at line (\d+), column (\d+)\)\s*$")


_TOML_AT_END = re.compile(r"(?<!\s)\s*+\(at end of document\)\s*$")


def toml_error_position(exc: Exception, source: str | None = None) -> tuple[str, int, int]:
    """``(message, line, column)`` of a TOML syntax error (0, 0 when the parser gave none).

    Python 3.11-3.13's ``tomllib`` puts the position only in the message text; 3.14 adds
    ``lineno``/``colno``. Both are read. "At end of document" becomes the document's last
    position when ``source`` (the TOML text) is given."""
    text = str(exc)
    line, col = getattr(exc, "lineno", None), getattr(exc, "colno", None)
    m = _TOML_AT.search(text)
    if m:
        text = text[:m.start()]
        line, col = line or int(m.group(1)), col or int(m.group(2))
    end = _TOML_AT_END.search(text)
    if end:
        text = text[:end.start()] + " (at end of document)"
        if source is not None and not line:
            body = source.rstrip("\n")
            line = body.count("\n") + 1
            col = len(body) - (body.rfind("\n") + 1) + 1
    return text, int(line or 0), int(col or 0)


def syntax_error(path: Path | str, exc: Exception, kind: str, source: str | None = None) -> ConfigError:
    """A ConfigError for a TOML or YAML syntax error, in the ``file:line:column: message`` form
    editors and CI logs link to."""
    mark = getattr(exc, "problem_mark", None)
    if mark is not None:  # PyYAML: 0-based line and column
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        return ConfigError(f"{path}:{mark.line + 1}:{mark.column + 1}: invalid {kind}: {problem}")
    msg, line, col = toml_error_position(exc, source)
    where = f"{path}:{line}:{col}" if line else str(path)
    return ConfigError(f"{where}: invalid {kind}: {msg}")


@dataclass(frozen=True)
class Config:
    """The resolved configuration. Immutable, so one instance is safe to share between threads."""

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, str] = field(default_factory=dict)
    per_path_ignores: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    fail_on: str = "warning"
    fail_under: float | None = None
    check_options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    plugins: tuple[str, ...] = ()
    rules: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    jobs: int | None = None
    check_timeout: float = DEFAULT_CHECK_TIMEOUT
    field_map: Mapping[str, str] = field(default_factory=dict)
    settings: Mapping[str, Any] = field(default_factory=dict)
    source: str | None = None
    root: str | None = None

    def merged(self, **overrides: Any) -> Config:
        """A copy with the given (non-None) fields replaced: command-line flags win."""
        return replace(self, **{k: v for k, v in overrides.items() if v is not None})

    def get(self, key: str, default: Any = None) -> Any:
        """A plugin-declared top-level setting (``languagetool-url`` ...)."""
        return self.settings.get(key, default)


def find_config_file(start: Path) -> Path | None:
    """The nearest config file at or above ``start`` that configures newslint.

    A ``pyproject.toml`` that is not valid TOML is an error, not a file to skip: silently
    ignoring it would silently drop the user's settings (``exclude``, ``ignore``)."""
    start = start.resolve()
    here = start if start.is_dir() else start.parent
    for folder in (here, *here.parents):
        for name in CONFIG_FILES:
            candidate = folder / name
            if candidate.is_file():
                if name != "pyproject.toml" or _pyproject_has_section(candidate):
                    return candidate
    return None


def _pyproject_has_section(path: Path) -> bool:
    import tomllib  # here: only runs that find a config file pay for it (~8 ms with datetime)

    try:
        raw = path.read_text(encoding="utf-8")
        data = tomllib.loads(raw)
    except (OSError, UnicodeDecodeError):
        return False
    except RecursionError:
        raise ConfigError(f"{path}: invalid TOML: nested too deeply") from None
    except tomllib.TOMLDecodeError as exc:
        raise syntax_error(path, exc, "TOML", raw) from None
    return isinstance(data.get("tool"), dict) and "newslint" in data["tool"]


def load_config_file(path: Path) -> Config:
    """Read and validate one config file."""
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read config: {exc}") from None
    import tomllib

    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        raise syntax_error(path, exc, "TOML", raw) from None
    except RecursionError:
        raise ConfigError(f"{path}: invalid TOML: nested too deeply") from None
    if path.name == "pyproject.toml":
        section = data.get("tool", {}).get("newslint", {})
    else:
        section = data.get("tool", {}).get("newslint", data)
    if not isinstance(section, dict):
        raise ConfigError(f"{path}: [tool.newslint] must be a table")
    return config_from_mapping(section, source=str(path), root=str(path.parent))


def _str_list(value: Any, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [v.strip() for v in value.split(",") if v.strip()]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: expected a list of strings, got {value!r}")
    return tuple(value)


def _severity(value: Any, where: str, allowed: tuple[str, ...] = SEVERITIES) -> str:
    if value not in allowed:
        raise ConfigError(f"{where}: {value!r} is not one of {', '.join(allowed)}")
    return str(value)


def config_from_mapping(
    section: Mapping[str, Any],
    *,
    source: str = "<config>",
    root: str | None = None,
) -> Config:
    """Validate a ``[tool.newslint]`` table and build a :class:`Config`.

    Keys the core does not know are kept in ``settings``; the ``Linter`` checks them against the
    keys its plugins declare (``newslint_config_keys``), and check codes and names against the
    registered checks, because only then are they known.
    """
    kwargs: dict[str, Any] = {"source": source, "root": root}
    settings: dict[str, Any] = {}
    for key, value in section.items():
        where = f"{source}: {key}"
        if key == "select":
            kwargs["select"] = _str_list(value, where)
        elif key == "extend-select":
            kwargs["extend_select"] = _str_list(value, where)
        elif key == "ignore":
            kwargs["ignore"] = _str_list(value, where)
        elif key == "exclude":
            kwargs["exclude"] = _str_list(value, where)
        elif key == "plugins":
            kwargs["plugins"] = _str_list(value, where)
        elif key == "rules":
            kwargs["rules"] = _str_list(value, where)
        elif key == "severity":
            if not isinstance(value, dict):
                raise ConfigError(f"{where}: expected a table of code = severity")
            kwargs["severity"] = {k: _severity(v, f"{where}.{k}") for k, v in value.items()}
        elif key == "per-path-ignores":
            if not isinstance(value, dict):
                raise ConfigError(f"{where}: expected a table of glob = [codes]")
            kwargs["per_path_ignores"] = {k: _str_list(v, f"{where}.{k}") for k, v in value.items()}
        elif key == "fail-on":
            kwargs["fail_on"] = _severity(value, where, FAIL_ON)
        elif key == "fail-under":
            if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 100:
                raise ConfigError(f"{where}: expected a number from 0 to 100")
            kwargs["fail_under"] = float(value)
        elif key == "max-file-size":
            if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
                raise ConfigError(f"{where}: expected a positive number of bytes")
            kwargs["max_file_size"] = value
        elif key == "jobs":
            if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_JOBS:
                raise ConfigError(f"{where}: expected a whole number from 1 to {MAX_JOBS}")
            kwargs["jobs"] = value
        elif key == "check-timeout":
            if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 86400:
                raise ConfigError(f"{where}: expected a number of seconds from 0 (no limit) to 86400")
            kwargs["check_timeout"] = float(value)
        elif key == "fields":
            if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
                raise ConfigError(f"{where}: expected a table of field = \"record field\"")
            kwargs["field_map"] = dict(value)
        elif key == "checks":
            if not isinstance(value, dict) or not all(isinstance(v, dict) for v in value.values()):
                raise ConfigError(f"{where}: expected tables [tool.newslint.checks.NAME]")
            kwargs["check_options"] = {k: dict(v) for k, v in value.items()}
        else:
            settings[key] = value
    kwargs["settings"] = settings
    return Config(**kwargs)
