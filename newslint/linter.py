"""The ``Linter``: built once from configuration and plugins, then used for any number of articles.

Building loads plugins, registers checks, resolves options and validates every code named in the
configuration; linting does no start-up work at all. A ``Linter`` holds no per-article state, so
one instance may be shared between threads, and it pickles (by configuration) so that Spark or
Dask workers can rebuild it.
"""

from __future__ import annotations

import fnmatch
import os
import re
import sys
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from .article import Article
from .config import CORE_KEYS, Config, ConfigError, config_from_mapping
from .declaration import Check
from .findings import Finding
from .house_rules import load_rule_file
from .inputs import InputError, InputProblem, Parser, collect_inputs, read_bytes
from .plugins import build_plugin_manager
from .report import Report
from .runner import UNUSED_SUPPRESSION_CODE, internal_finding
from .suppress import apply_suppressions, parse_directives

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


class Linter:
    """Lint articles with a fixed configuration and plugin set.

    >>> linter = Linter()                       # default config, installed plugins
    >>> report = linter.lint("Text of the article.", title="Headline")
    >>> [f.code for f in report.findings]
    []
    """

    def __init__(
        self,
        config: Config | Mapping[str, Any] | None = None,
        *,
        plugins: Iterable[Any] = (),
        load_entry_points: bool = True,
    ) -> None:
        if config is None:
            config = Config()
        elif not isinstance(config, Config):
            config = config_from_mapping(config, source="<config>")
        self._init_args = (config, tuple(plugins), load_entry_points)
        self.pm, self.warnings, self._labels = build_plugin_manager(
            load_entry_points=load_entry_points,
            local_plugins=config.plugins,
            local_root=config.root,
            extra_plugins=plugins,
        )
        self.config_keys: dict[str, str] = {}
        for keys in self.pm.hook.newslint_config_keys():
            self.config_keys.update(keys or {})
        unknown = set(config.settings) - set(self.config_keys)
        if unknown:
            key = sorted(unknown)[0]
            known = ", ".join(sorted({*self.config_keys, *CORE_KEYS}))
            raise ConfigError(f"{config.source or '<config>'}: unknown key {key!r} (known: {known})")
        self.config = config
        self.all_checks: list[Check] = self._register_checks()
        self.parsers: dict[str, Parser] = self._register_parsers()
        self._validate_selectors()
        self.checks: list[Check] = self._configure_checks()
        self._selection_cache: dict[str, list[Check]] = {}
        self.pm.hook.newslint_configure(config=config)

    # -- building --------------------------------------------------------------------------

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

    def _validate_selectors(self) -> None:
        cfg = self.config
        where = cfg.source or "<config>"
        groups: list[tuple[str, Iterable[str]]] = [
            ("select", cfg.select or ()), ("extend-select", cfg.extend_select),
            ("ignore", cfg.ignore), ("severity", cfg.severity.keys()),
        ]
        for glob, tokens in cfg.per_path_ignores.items():
            groups.append((f"per-path-ignores.{glob}", tokens))
        for key, tokens in groups:
            for token in tokens:
                if not self._known(token):
                    raise ConfigError(f"{where}: {key}: unknown code, check or category {token!r} "
                                      "(see `newslint rules`)")

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
            out.append(replace(c, severity=self._severity_for(c.code, c.qualified_name, c.category,
                                                               c.severity), options=options))
        return out

    @staticmethod
    def _matches(tokens: Iterable[str], c: Check) -> bool:
        return any(token_matches_check(t, c.code, c.qualified_name, c.category) for t in tokens)

    @staticmethod
    def _explicit(tokens: Iterable[str], c: Check) -> bool:
        """Named by code, name or category (not ``ALL`` or a bare prefix): enables an opt-in check."""
        return any(t in (c.code, c.name, c.qualified_name, c.category) for t in tokens)

    def _severity_for(self, code: str, name: str, category: str, default: str) -> str:
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

    # -- selection per article ------------------------------------------------------------

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

    # -- linting ---------------------------------------------------------------------------

    def lint(
        self,
        source: str | Mapping[str, Any] | Article,
        *,
        title: str | None = None,
        path: str | None = None,
        **fields: Any,
    ) -> Report:
        """Lint a string, a record (a mapping with ``body``/``text``) or an :class:`Article`."""
        if isinstance(source, Article):
            article = source
        elif isinstance(source, str):
            article = Article(source, path=path, title=title, **_article_kwargs(fields))
        elif isinstance(source, Mapping):
            article = article_from_record(source, path=path)
        else:
            raise TypeError(f"lint() takes a str, a mapping or an Article, not {type(source).__name__}")
        return self.lint_article(article)

    def lint_article(self, article: Article) -> Report:
        """Run the selected checks over one article and return its report."""
        checks = self.checks_for(article.path)
        findings: list[Finding] = self.pm.hook.newslint_lint_article(
            article=article, checks=checks, config=self.config) or []
        findings = self._suppress(article, findings)
        findings.sort(key=lambda f: f.sort_key)
        metrics: dict[str, Any] = {}
        for result in self.pm.hook.newslint_article_metrics(article=article):
            if result:
                metrics.update(result)
        fields = {k: v for k, v in (("title", article.title), ("byline", article.byline),
                                    ("date", article.date), ("url", article.url)) if v}
        return Report(path=article.path or "<string>", findings=findings,
                      extracted=article.extracted, metrics=metrics, fields=fields)

    def _suppress(self, article: Article, findings: list[Finding]) -> list[Finding]:
        directives = parse_directives(article)
        if not directives:
            return findings

        def matches(token: str, f: Finding) -> bool:
            return token_matches_check(token, f.code, f.check, f.category)

        kept = apply_suppressions(directives, findings, matches)
        if self._core_enabled(UNUSED_SUPPRESSION_CODE, article.path):
            for d in directives:
                if not d.used:
                    what = ", ".join(d.tokens) or "all checks"
                    kept.append(internal_finding(
                        article, UNUSED_SUPPRESSION_CODE, "unused-suppression",
                        f"suppression '{d.kind}' for {what} suppressed nothing; remove it",
                        severity=self._severity_for(UNUSED_SUPPRESSION_CODE,
                                                    "internal.unused-suppression", "internal",
                                                    "warning"),
                        start=d.comment_start, end=d.comment_end))
        return kept

    def _core_enabled(self, code: str, path: str | None) -> bool:
        name, category = CORE_CODES[code]
        cfg = self.config
        tokens = list(cfg.ignore) + (self._path_ignores(path) if path else [])
        return not any(token_matches_check(t, code, name, category) for t in tokens)

    def lint_file(self, path: str, *, stdin_name: str | None = None) -> Iterator[Report]:
        """Read, parse and lint one file; a file that cannot be read gives a report with
        ``error`` set. A file of records (JSONL) gives one report per record."""
        for item in self.read(path, stdin_name=stdin_name):
            if isinstance(item, InputProblem):
                yield Report(path=item.path, error=item.message)
            else:
                yield self.lint_article(item)

    def parser_for(self, path: str) -> Parser | None:
        """The parser for a file name (by extension; plain text for unknown extensions)."""
        ext = os.path.splitext(path)[1].lower()
        return self.parsers.get(ext) or self.parsers.get(".txt")

    def read(self, path: str, *, stdin_name: str | None = None) -> Iterator[Article | InputProblem]:
        """Parse one file (``-`` for standard input) into articles, turning every failure into
        an :class:`InputProblem`."""
        name = (stdin_name or "-") if path == "-" else path
        parser = self.parser_for(name)
        if parser is None:
            yield InputProblem(name, "no parser for this kind of file")
            return
        try:
            if path == "-" and parser.parse_stream is not None:
                # JSON Lines on standard input is streamed like a file: no size limit, flat memory.
                yield from parser.parse_stream(sys.stdin.buffer, name, self.config)
            elif path == "-":
                data = sys.stdin.buffer.read(self.config.max_file_size + 1)
                if len(data) > self.config.max_file_size:
                    raise InputError("standard input too large (raise max-file-size to lint it)")
                yield from parser.parse(data, name, self.config)
            elif parser.parse_stream is not None:
                try:
                    fh = open(path, "rb")
                except OSError as exc:
                    raise InputError(f"cannot read: {exc.strerror or exc}") from None
                with fh:
                    yield from parser.parse_stream(fh, path, self.config)
            else:
                data = read_bytes(path, self.config.max_file_size)
                yield from parser.parse(data, path, self.config)
        except InputError as exc:
            yield InputProblem(name, str(exc))
        except RecursionError:
            yield InputProblem(name, "too deeply nested to parse")
        except Exception as exc:  # noqa: BLE001 - a parser bug must not stop the run
            yield InputProblem(name, f"could not be parsed ({type(exc).__name__}: {exc})")

    def lint_many(self, sources: Iterable[str | Mapping[str, Any] | Article]) -> Iterator[Report]:
        """Lint a stream of strings, records or articles lazily, one report per item, in order."""
        for source in sources:
            yield self.lint(source)

    def inputs(self, paths: Iterable[str]) -> Iterator[str | InputProblem]:
        """Files to lint under ``paths`` (files and folders mixed)."""
        return collect_inputs(paths, self.parsers.keys(), self.config.exclude)

    # -- pickling --------------------------------------------------------------------------

    def __getstate__(self) -> tuple[Config, tuple[Any, ...], bool]:
        return self._init_args

    def __setstate__(self, state: tuple[Config, tuple[Any, ...], bool]) -> None:
        config, plugins, load_entry_points = state
        self.__init__(config, plugins=plugins, load_entry_points=load_entry_points)  # type: ignore[misc]


def _article_kwargs(fields: Mapping[str, Any]) -> dict[str, Any]:
    known = {"byline", "date", "url", "media_type", "extracted"}
    kwargs = {k: v for k, v in fields.items() if k in known}
    extra = {k: v for k, v in fields.items() if k not in known}
    if extra:
        kwargs["fields"] = extra
    return kwargs


#: Field names tried, in order, for the body of a record.
BODY_FIELDS: tuple[str, ...] = ("body", "text", "content", "article", "articleBody")


def article_from_record(record: Mapping[str, Any], *, path: str | None = None,
                        mapping: Mapping[str, str] | None = None) -> Article:
    """An article from a CMS record: ``{"id", "title", "body", "url", ...}``.

    ``mapping`` renames fields (``{"body": "content"}`` reads the body from ``content``).
    Raises :class:`InputError` when the record has no text.
    """
    mapping = dict(mapping or {})

    def field_of(name: str) -> Any:
        return record.get(mapping.get(name, name))

    body = None
    if "body" in mapping:
        body = record.get(mapping["body"])
    else:
        for name in BODY_FIELDS:
            if isinstance(record.get(name), str):
                body = record[name]
                break
    if not isinstance(body, str) or not body.strip():
        raise InputError("record has no text field (body, text or content)")
    extra = {k: v for k, v in record.items() if k not in {"title", "byline", "date", "url"}
             and isinstance(v, str | int | float | bool) and k not in BODY_FIELDS}
    return Article(
        body,
        path=path,
        title=_str_or_none(field_of("title")),
        byline=_str_or_none(field_of("byline") or field_of("author")),
        date=_str_or_none(field_of("date")),
        url=_str_or_none(field_of("url")),
        media_type="application/json",
        extracted=True,
        fields=extra,
    )


def _str_or_none(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None
