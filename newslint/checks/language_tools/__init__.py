"""Language tools: spelling, readability (textstat), passages in another language, and grammar
through a LanguageTool server."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from ...article import Article
from ...check import Check
from ...hookspecs import hookimpl
from .. import register_all
from . import grammar, language, readability, spelling


@hookimpl
def newslint_register_checks(register: Callable[[Check], None]) -> None:
    register_all(register, spelling, readability, language, grammar)


@hookimpl
def newslint_config_keys() -> Mapping[str, str]:
    return {"languagetool-url": "URL of a LanguageTool server (e.g. http://localhost:8081)"}


@hookimpl
def newslint_article_metrics(article: Article) -> Mapping[str, Any] | None:
    return readability.metrics(article)
