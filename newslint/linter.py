"""The ``Linter``: built once from configuration and plugins, then used for any number of articles.

Building loads plugins and hands them to a :class:`~newslint.registry.CheckRegistry`, which
registers checks, resolves options and validates every code named in the configuration; linting
does no start-up work at all. Reading inputs lives in :mod:`newslint.inputs.reading`, record
mapping in :mod:`newslint.inputs.records`. A ``Linter`` holds no per-article state, so one instance
may be shared between threads, and it pickles (by configuration) so that Spark or Dask workers can
rebuild it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import replace
from typing import Any

from .analysis.batch import FurnitureMemory
from .analysis.layout import DEFAULT_SETTINGS, layout_settings
from .article import Article
from .config import CORE_KEYS, Config, ConfigError, config_from_mapping
from .declaration import Check
from .findings import Finding
from .inputs import InputProblem, Parser, collect_inputs
from .inputs.reading import parser_for, read_input
from .inputs.records import article_from_record, article_kwargs, library_article
from .locations import locate
from .plugins import build_plugin_manager
from .registry import CORE_CODES, CheckRegistry, token_matches_check
from .report import Report
from .runner import UNUSED_SUPPRESSION_CODE, internal_finding
from .runner import warm_up as run_warm_up
from .suppress import apply_suppressions, parse_directives

__all__ = ["CORE_CODES", "Linter", "article_from_record", "token_matches_check"]


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
        warm_up: bool = True,
    ) -> None:
        """``warm_up``: run the built-in checks once on a short sample now, so that the data
        they open on first use (word tables, stored models, derived gates: ~10-20 ms) is paid
        here and not by the first article linted; the command line passes False and decides
        itself (a one-file run would pay it twice)."""
        if config is None:
            config = Config()
        elif not isinstance(config, Config):
            config = config_from_mapping(config, source="<config>")
        self._init_args = (config, tuple(plugins), load_entry_points)
        try:
            self.pm, self.warnings, self._labels = build_plugin_manager(
                load_entry_points=load_entry_points,
                local_plugins=config.plugins,
                local_root=config.root,
                extra_plugins=plugins,
            )
        except ConfigError as exc:  # a local plugin that does not load
            raise ConfigError(f"{config.source or '<config>'}: {exc}") from None
        self.config_keys: dict[str, str] = {}
        for keys in self.pm.hook.newslint_config_keys():
            self.config_keys.update(keys or {})
        unknown = set(config.settings) - set(self.config_keys)
        if unknown:
            key = sorted(unknown)[0]
            known = ", ".join(sorted({*self.config_keys, *CORE_KEYS}))
            raise ConfigError(f"{config.source or '<config>'}: unknown key {key!r} (known: {known})")
        self.config = config
        self.registry = CheckRegistry(self.pm, config, self._labels, self.warnings)
        self.all_checks: list[Check] = self.registry.all_checks
        self.parsers: dict[str, Parser] = self.registry.parsers
        self.checks: list[Check] = self.registry.checks
        self.layout = layout_settings(config, self.checks)
        #: Lines recurring across the articles of one source, for runs over files (``lint_file``,
        #: ``lint_many``); a single ``lint()`` call learns nothing from the ones before it.
        self.furniture_memory = FurnitureMemory(int(config.get("furniture-min-articles", 3))) \
            if config.get("furniture-batch", False) else None
        self._batch_layout = replace(self.layout, memory=self.furniture_memory)
        self.pm.hook.newslint_configure(config=config)
        if warm_up:
            run_warm_up(self.checks, config.settings)

    def selector_names(self) -> set[str]:
        """Every code, check name and category a selector may use (for "did you mean")."""
        return self.registry.selector_names()

    def formatters(self) -> dict[str, Any]:
        """Registered output formats: name to factory."""
        return self.registry.formatters()

    def checks_for(self, path: str | None) -> list[Check]:
        """The checks that run on ``path`` after per-path ignores."""
        return self.registry.checks_for(path)

    # -- linting ---------------------------------------------------------------------------

    def lint(
        self,
        source: str | Mapping[str, Any] | Article,
        *,
        title: str | None = None,
        path: str | None = None,
        _batch: bool = False,
        **fields: Any,
    ) -> Report:
        """Lint a string, a record (a mapping with ``body``/``text``) or an :class:`Article`.

        A record is read with the configured ``fields`` mapping, and its id (``id``, ``_id``,
        ``uuid``, ``slug`` or ``guid``) is kept: ``report.record`` and ``"record"`` in
        ``to_dict()``, with ``path`` ending in ``#id`` as on the command line. A record without
        text raises :class:`newslint.InputError` naming every field tried.
        """
        if isinstance(source, Article):
            article = source
        elif isinstance(source, str):
            article = Article(source, path=path, title=title, **article_kwargs(fields))
        elif isinstance(source, Mapping):
            article = library_article(source, path=path, mapping=self.config.field_map)
        else:
            raise TypeError(f"lint() takes a str, a mapping or an Article, not {type(source).__name__}")
        return self.lint_article(article, batch=_batch, release=not isinstance(source, Article))

    def lint_article(self, article: Article, *, batch: bool = False, release: bool = False) -> Report:
        """Run the selected checks over one article and return its report. ``batch``: the
        article is one of a run, so lines recurring across its source are furniture.
        ``release``: the caller made the article and reads none of its analyses afterwards,
        so they are dropped once the report is built (:meth:`Article.release`: memory is
        freed at once, not by the cyclic garbage collector)."""
        if article.layout_settings is DEFAULT_SETTINGS:
            article.layout_settings = self._batch_layout if batch else self.layout
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
        locate(article, findings)
        origin = article.origin
        report = Report(path=article.path or "<string>", findings=findings,
                        extracted=article.extracted, metrics=metrics, fields=fields,
                        file=origin.file if origin is not None else None,
                        record=origin.record if origin is not None else None,
                        words=article.word_count)
        if release:
            article.release()
        return report

    def _suppress(self, article: Article, findings: list[Finding]) -> list[Finding]:
        directives = parse_directives(article)
        if not directives:
            return findings

        def matches(token: str, f: Finding) -> bool:
            return token_matches_check(token, f.code, f.check, f.category)

        kept = apply_suppressions(directives, findings, matches)
        if self.registry.core_enabled(UNUSED_SUPPRESSION_CODE, article.path):
            for d in directives:
                if not d.used:
                    what = ", ".join(d.tokens) or "all checks"
                    kept.append(internal_finding(
                        article, UNUSED_SUPPRESSION_CODE, "unused-suppression",
                        f"suppression '{d.kind}' for {what} suppressed nothing; remove it",
                        severity=self.registry.severity_for(UNUSED_SUPPRESSION_CODE,
                                                    "internal.unused-suppression", "internal",
                                                    "warning"),
                        start=d.comment_start, end=d.comment_end))
        return kept

    def lint_file(self, path: str, *, stdin_name: str | None = None) -> Iterator[Report]:
        """Read, parse and lint one file; a file that cannot be read gives a report with
        ``error`` set. A file of records (JSONL) gives one report per record."""
        for item in self.read(path, stdin_name=stdin_name):
            if isinstance(item, InputProblem):
                yield Report.from_problem(item)
            else:
                yield self.lint_article(item, batch=True, release=True)

    def parser_for(self, path: str) -> Parser | None:
        """The parser for a file name (by extension; plain text for unknown extensions)."""
        return parser_for(self.parsers, path)

    def read(self, path: str, *, stdin_name: str | None = None) -> Iterator[Article | InputProblem]:
        """Parse one file (``-`` for standard input) into articles; failures become
        :class:`InputProblem` items."""
        return read_input(path, self.parsers, self.config, stdin_name=stdin_name)

    def lint_many(self, sources: Iterable[str | Mapping[str, Any] | Article]) -> Iterator[Report]:
        """Lint a stream of strings, records or articles lazily, one report per item, in order."""
        for source in sources:
            yield self.lint(source, _batch=True)

    def inputs(self, paths: Iterable[str]) -> Iterator[str | InputProblem]:
        """Files to lint under ``paths`` (files and folders mixed)."""
        return collect_inputs(paths, self.parsers.keys(), self.config.exclude)

    # -- pickling --------------------------------------------------------------------------

    def __getstate__(self) -> tuple[Config, tuple[Any, ...], bool]:
        return self._init_args

    def __setstate__(self, state: tuple[Config, tuple[Any, ...], bool]) -> None:
        config, plugins, load_entry_points = state
        self.__init__(config, plugins=plugins, load_entry_points=load_entry_points)  # type: ignore[misc]
