"""Built-in plugin for the ``readability`` category.

Covers sentence length, reading grade and other text metrics.

One check per module, named after the check; every one is listed in :data:`CHECKS` (the structure
test fails when a check module is missing from it).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ...article import Article
from ...declaration import Check
from ...hookspecs import hookimpl
from .. import register_hook
from ._metrics import metrics
from .long_sentence import long_sentence
from .reading_grade import reading_grade

#: This plugin's checks, in code order.
CHECKS: tuple[Check, ...] = (
    long_sentence,  # NL630
    reading_grade,  # NL631
)


newslint_register_checks = register_hook(CHECKS)


@hookimpl
def newslint_article_metrics(article: Article) -> Mapping[str, Any] | None:
    return metrics(article)
