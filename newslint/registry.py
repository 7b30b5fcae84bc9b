"""Which checks exist and which run: registration, selection, severities and options.

Built once per :class:`~newslint.linter.Linter` from its plugin manager and configuration. Every
code named in the configuration is validated here, so a typo fails when the linter is built, not
halfway through a run. Read-only afterwards (the per-path cache is filled with atomic dict
assignments), so one registry serves every thread.
"""

from __future__ import annotations

import fnmatch
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

import pluggy

from .config import Config, ConfigError
from .declaration import Check
from .didyoumean import did_you_mean
from .house_rules import load_rule_file
from .inputs import Parser

_PREFIX = re.compile(r"^[A-Z]{1,5}\d{0,3}$")
#: Core findings that are not checks but can be selected, ignored and suppressed like them.
CORE_CODES: dict[str, tuple[str, str]] = {
    "NL001": ("internal.check-crashed", "internal"),
    "NL002": ("internal.unused-suppression", "internal"),
}


def token_matches_check(token: str, code: str, name: str, category: str) -> bool:
    """Whether a selector (``ALL``, code, code prefix, check name or category) names a check.

    ``name`` is the qualified ``category.name`` (possibly with a sub-rule suffix); the bare name
    and dotted prefixes match too, so ``grammar.languagetool`` selects every LanguageTool rule.
    """
    if token == "ALL" or token == category or token == name:
        return True
    if _PREFIX.match(token):
        return code.startswith(token)
    if name.startswith(token + "."):
        return True
    bare = name.split(".", 2)[1] if name.count(".") >= 1 else name
    return token == bare


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list | tuple | set | frozenset):
        return "a list"
    if isinstance(value, Mapping):
        return "a table"
    return type(value).__name__


def option_type_problem(default: Any, value: Any) -> str | None:
    """Why ``value`` cannot replace a check option whose declared default is ``default`` (None
    when it can). The default's type is the option's declared type: a check written for
    ``max-words = 40`` must never receive ``"abc"`` and crash on every article at lint time.
    A default of None accepts anything (the check validates it)."""
    if default is None:
        return None
    if isinstance(default, bool):
        ok = isinstance(value, bool)
    elif isinstance(default, int):
        ok = isinstance(value, int) and not isinstance(value, bool)
    elif isinstance(default, float):
        ok = isinstance(value, int | float) and not isinstance(value, bool)
    elif isinstance(default, str):
        ok = isinstance(value, str)
    elif isinstance(default, list | tuple | set | frozenset):
        ok = isinstance(value, list)
        if ok and default:
            item = next(iter(default))
            bad = next((v for v in value if option_type_problem(item, v)), None)
            if bad is not None:
                return f"expected a list of {_kind(item).removeprefix('a ')}s, got an item {bad!r}"
    elif isinstance(default, Mapping):
        ok = isinstance(value, Mapping)
    else:
        return None
    return None if ok else f"expected {_kind(default)} (like the default {default!r}), got {value!r}"


class CheckRegistry:
    """The registered checks and parsers of one plugin set, and the selection a config makes."""

    def __init__(self, pm: pluggy.PluginManager, config: Config, labels: dict[str, str],
                 warnings: list[str]) -> None:
        self.pm = pm
        self.config = config
        self._labels = labels
        self.warnings = warnings
        self.all_checks: list[Check] = self._register_checks()
        self.parsers: dict[str, Parser] = self._register_parsers()
        self._validate_selectors()
        self.checks: list[Check] = self._configure_checks()
        self._selection_cache: dict[str, list[Check]] = {}

    def _register_checks(self) -> list[Check]:
        checks: dict[str, Check] = {}
        names: dict[str, str] = {}

        def add(chk: Check, label: str) -> None:
            if not isinstance(chk, Check):
                raise TypeError(f"register() takes a Check, got {type(chk).__name__}")
            problems = chk.validate()
            if problems:
                self.warnings.append(f"check {chk.code} from {label} refused: {'; '.join(problems)}")
            elif chk.code in checks or chk.code in CORE_CODES:
                owner = checks[chk.code].plugin if chk.code in checks else "newslint"
                self.warnings.append(f"check {chk.code} ({chk.qualified_name}) from {label} refused: "
                                     f"code already registered by {owner}")
            elif chk.qualified_name in names:
                self.warnings.append(f"check {chk.qualified_name} from {label} refused: name "
                                     f"already used by {names[chk.qualified_name]}")
            else:
                checks[chk.code] = replace(chk, plugin=label)
                names[chk.qualified_name] = chk.code

        # Registration order: built-ins first, so a third-party check cannot take a built-in code.
        for impl in self.pm.hook.newslint_register_checks.get_hookimpls():
            label = self._labels.get(impl.plugin_name, impl.plugin_name)
            try:
                impl.function(register=lambda chk, _label=label: add(chk, _label))
            except Exception as exc:  # noqa: BLE001 - a broken plugin must not stop the others
                self.warnings.append(f"plugin {label} failed to register checks: "
                                     f"{type(exc).__name__}: {exc}")
        for rule_file in self.config.rules:
            path = Path(rule_file)
            if not path.is_absolute() and self.config.root:
                path = Path(self.config.root) / path
            for rule in load_rule_file(path):  # a bad rule file is a ConfigError: stop loudly
                add(rule, f"rules:{rule_file}")
        return sorted(checks.values(), key=lambda c: c.code)

    def _register_parsers(self) -> dict[str, Parser]:
        parsers: dict[str, Parser] = {}

        def register(parser: Parser) -> None:
            for ext in parser.extensions:
                parsers[ext.lower()] = parser

        # Registration order: a plugin's parser for an extension replaces the built-in one.
        for impl in self.pm.hook.newslint_register_parsers.get_hookimpls():
            try:
                impl.function(register=register)
            except Exception as exc:  # noqa: BLE001
                self.warnings.append(f"plugin {impl.plugin_name} failed to register parsers: {exc}")
        return parsers

    def formatters(self) -> dict[str, Any]:
        """Registered output formats: name to factory."""
        out: dict[str, Any] = {}
        for impl in self.pm.hook.newslint_register_formatters.get_hookimpls():
            impl.function(register=lambda name, factory: out.__setitem__(name, factory))
        return out

    def _known(self, token: str) -> bool:
        if any(token_matches_check(token, c.code, c.qualified_name, c.category)
               for c in self.all_checks):
            return True
        return any(token_matches_check(token, code, name, cat)
                   for code, (name, cat) in CORE_CODES.items())

    def selector_names(self) -> set[str]:
        """Every code, check name (bare and qualified) and category a selector may use."""
        names = {"ALL"}
        for c in self.all_checks:
            names.update((c.code, c.name, c.qualified_name, c.category))
        for code, (name, category) in CORE_CODES.items():
            names.update((code, name, category))
        return names

    def _validate_selectors(self) -> None:
        cfg = self.config
        where = cfg.source or "<config>"
        groups: list[tuple[str, Iterable[str]]] = [
            ("select", cfg.select or ()), ("extend-select", cfg.extend_select),
            ("ignore", cfg.ignore), ("severity", cfg.severity.keys()),
        ]
        for glob, ignored in cfg.per_path_ignores.items():
            groups.append((f"per-path-ignores.{glob}", ignored))
        for key, tokens in groups:
            for token in tokens:
                if not self._known(token):
                    hint = did_you_mean(token, self.selector_names()) or " (see `newslint rules`)"
                    raise ConfigError(f"{where}: {key}: unknown code, check or category {token!r}{hint}")

    def _configure_checks(self) -> list[Check]:
        """Apply selection, severity overrides and options once, at build time."""
        cfg = self.config
        where = cfg.source or "<config>"
        by_key: dict[str, Check] = {}
        for c in self.all_checks:
            by_key.update({c.code: c, c.name: c, c.qualified_name: c})
        for key in cfg.check_options:
            if key not in by_key:
                raise ConfigError(f"{where}: checks.{key}: no check with that code or name")
        out = []
        for c in self.all_checks:  # every check's options, selected or not, before any linting
            for key in (c.code, c.name, c.qualified_name):
                for opt, value in cfg.check_options.get(key, {}).items():
                    problem = option_type_problem(c.options[opt], value) if opt in c.options else None
                    if problem:
                        raise ConfigError(f"{where}: checks.{key}.{opt}: {problem}")
        for c in self.all_checks:
            selected = c.default_enabled if cfg.select is None else self._matches(cfg.select, c)
            if not selected and self._matches(cfg.extend_select, c):
                selected = True
            if cfg.select is not None and not c.default_enabled and not self._explicit(cfg.select, c):
                selected = selected and self._explicit(cfg.extend_select, c)
            if self._matches(cfg.ignore, c):
                selected = False
            if not selected:
                continue
            options = dict(c.options)
            for key in (c.code, c.name, c.qualified_name):
                for opt, value in cfg.check_options.get(key, {}).items():
                    if opt not in c.options:
                        raise ConfigError(f"{where}: checks.{key}.{opt}: unknown option "
                                          f"(options: {', '.join(c.options) or 'none'})")
                    options[opt] = value
            out.append(replace(c, severity=self.severity_for(c.code, c.qualified_name, c.category,
                                                               c.severity), options=options))
        return out

    @staticmethod
    def _matches(tokens: Iterable[str], c: Check) -> bool:
        return any(token_matches_check(t, c.code, c.qualified_name, c.category) for t in tokens)

    @staticmethod
    def _explicit(tokens: Iterable[str], c: Check) -> bool:
        """Named by code, name or category (not ``ALL`` or a bare prefix): enables an opt-in check."""
        return any(t in (c.code, c.name, c.qualified_name, c.category) for t in tokens)

    def severity_for(self, code: str, name: str, category: str, default: str) -> str:
        """The most specific override wins: category < prefix < name < code."""
        best, rank = default, -1
        for token, severity in self.config.severity.items():
            if not token_matches_check(token, code, name, category):
                continue
            r = 3 if token == code else 2 if "." in token or token == name.split(".")[-1] \
                else 1 if _PREFIX.match(token) else 0
            if r > rank:
                best, rank = severity, r
        return best

    def checks_for(self, path: str | None) -> list[Check]:
        """The checks that run on ``path`` after per-path ignores."""
        if not path or not self.config.per_path_ignores:
            return self.checks
        cached = self._selection_cache.get(path)
        if cached is not None:
            return cached
        tokens = self._path_ignores(path)
        selected = [c for c in self.checks if not self._matches(tokens, c)]
        self._selection_cache[path] = selected  # dict assignment is atomic: thread-safe cache
        return selected

    def _path_ignores(self, path: str) -> list[str]:
        posix = Path(path).as_posix()
        rel = posix
        if self.config.root:
            try:
                rel = Path(os.path.abspath(path)).relative_to(self.config.root).as_posix()
            except ValueError:
                pass
        tokens: list[str] = []
        for glob, ignored in self.config.per_path_ignores.items():
            if any(fnmatch.fnmatch(candidate, glob) for candidate in (posix, rel, os.path.basename(posix))):
                tokens.extend(ignored)
        return tokens

    def core_enabled(self, code: str, path: str | None) -> bool:
        """Whether a core finding (unused suppression...) is reported for ``path``."""
        name, category = CORE_CODES[code]
        tokens = list(self.config.ignore) + (self._path_ignores(path) if path else [])
        return not any(token_matches_check(t, code, name, category) for t in tokens)
