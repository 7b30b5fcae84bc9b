"""Every hook newslint calls, documented in one place.

Hooks *discover and register*; they do not lint. The runner calls each registered check itself,
inside its own ``try``/``except``, so one crashing check cannot stop the others and every finding
is attributed to the plugin that registered its check.

Each hook's docstring follows one template: what it is for, its arguments, what it returns, and
when it is called. ``tests/test_docs.py`` fails when a hook is missing from the generated
``docs/hooks.md``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

import pluggy

if TYPE_CHECKING:
    from .article import Article
    from .config import Config
    from .declaration import Check
    from .findings import Finding

hookspec = pluggy.HookspecMarker("newslint")
hookimpl = pluggy.HookimplMarker("newslint")


@hookspec
def newslint_register_checks(register: Callable[[Check], None]) -> None:
    """Register checks.

    :param register: call it once per :class:`newslint.declaration.Check` (build them with the
        ``@check`` decorator). The plugin that called it is recorded as the check's plugin.
    :returns: nothing.

    Called once when a ``Linter`` is built. A check whose code is already taken is refused with a
    warning, so a third-party plugin cannot silently replace a built-in check.
    """


@hookspec
def newslint_register_formatters(register: Callable[[str, Callable[..., Any]], None]) -> None:
    """Register output formats.

    :param register: call ``register(name, factory)``; ``factory(stream, options)`` returns an
        object with ``begin()``, ``article(report)`` and ``end(summary)`` methods (see
        :mod:`newslint.formatters`).
    :returns: nothing.

    Called once when the command line chooses a ``--format``.
    """


@hookspec
def newslint_register_parsers(register: Callable[[Any], None]) -> None:
    """Register input parsers.

    :param register: call it with a :class:`newslint.inputs.Parser`: a name, the file
        extensions it claims, and ``parse(data, path, config)`` that yields ``Article`` objects
        (or :class:`newslint.inputs.InputProblem` for a record that cannot be read).
    :returns: nothing.

    Called once when a ``Linter`` is built. A later registration for the same extension wins, so
    a plugin can replace the built-in reader of a format.
    """


@hookspec
def newslint_config_keys() -> Mapping[str, str]:
    """Declare top-level ``[tool.newslint]`` keys a plugin reads.

    :returns: a mapping of key to a one-line description. Keys nobody declares are reported as
        configuration errors, so typos do not pass silently.

    Called once when configuration is validated.
    """


@hookspec
def newslint_configure(config: Config) -> None:
    """Read options and warm caches once, before any article is linted.

    :param config: the resolved :class:`newslint.config.Config`.
    :returns: nothing.

    Called once per ``Linter``, after every check is registered.
    """


@hookspec(firstresult=True)
def newslint_lint_article(article: Article, checks: list[Check], config: Config) -> list[Finding] | None:
    """Lint one article.

    :param article: the parsed :class:`newslint.article.Article`.
    :param checks: the checks selected for this article.
    :param config: the resolved configuration.
    :returns: the findings, or ``None`` to let the next implementation run.

    The core's own implementation is ``trylast``. Wrap it with ``@hookimpl(wrapper=True)`` to
    filter or add findings: ``findings = yield`` gives the findings, and what the wrapper returns
    replaces them. Suppression and severity overrides are applied after this hook.
    """


@hookspec
def newslint_article_metrics(article: Article) -> Mapping[str, Any] | None:
    """Per-article figures for the report's ``metrics`` object (words, readability...).

    :param article: the parsed article.
    :returns: a mapping merged into ``metrics``, or ``None``.

    Called once per article after its checks ran, so it can reuse the article's cached analyses.
    """
