"""How a check is declared: code, name, category, severity, documentation and examples.

A check is a plain function ``fn(article, ctx) -> Iterable[Hit]`` wrapped in a :class:`Check`
by the :func:`check` decorator. The declaration is the single source of truth for the rule list
(``newslint rules``), the generated documentation and the parametrised example tests.
"""

from __future__ import annotations

import inspect
import re
import textwrap
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .findings import CATEGORIES, SEVERITIES, Hit

if TYPE_CHECKING:
    from .article import Article

CODE_RE = re.compile(r"^[A-Z]{1,5}\d{3}$")
NAME_RE = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")

#: Docstring sections every check documents (the structure test enforces them).
DOC_SECTIONS: tuple[str, ...] = ("What it does", "Why it matters")


@dataclass(frozen=True, slots=True)
class Example:
    """A short text that documents and tests a check.

    ``bad`` examples must make the check fire (``expect`` lists substrings that must each be
    covered by a finding's excerpt, when given); ``good`` examples must stay silent. ``fixed``, on
    a bad example, is the text after the check's fixes are applied.
    """

    text: str
    bad: bool
    expect: tuple[str, ...] = ()
    fixed: str | None = None
    title: str | None = None
    options: Mapping[str, Any] | None = None
    note: str = ""


def bad(text: str, *expect: str, fixed: str | None = None, title: str | None = None,
        options: Mapping[str, Any] | None = None, note: str = "") -> Example:
    """An example the check must flag."""
    return Example(text, True, tuple(expect), fixed, title, options, note)


def good(text: str, *, title: str | None = None, options: Mapping[str, Any] | None = None,
         note: str = "") -> Example:
    """An example the check must leave alone."""
    return Example(text, False, (), None, title, options, note)


@dataclass(slots=True)
class CheckContext:
    """What a running check may know besides the article: its own options, and the top-level
    settings plugins declared through ``newslint_config_keys`` (``languagetool-url``).

    Read-only while linting, so sharing between threads is safe.
    """

    options: Mapping[str, Any]
    check: Check
    settings: Mapping[str, Any] = field(default_factory=dict)


CheckFn = Callable[["Article", CheckContext], Iterable[Hit]]


@dataclass(slots=True)
class Check:
    """A registered check. Build one with the :func:`check` decorator."""

    code: str
    name: str
    category: str
    severity: str
    fn: CheckFn
    summary: str
    doc: str
    examples: tuple[Example, ...] = ()
    options: Mapping[str, Any] = field(default_factory=dict)
    default_enabled: bool = True
    fixable: bool = False
    plugin: str | None = None
    #: An external service the check needs (e.g. "LanguageTool server"); its bad examples are
    #: tested against a replay of the service instead of in the example test.
    service: str | None = None

    @property
    def qualified_name(self) -> str:
        """``category.name``, the contract's ``check`` field."""
        return f"{self.category}.{self.name}"

    def __call__(self, article: Article, ctx: CheckContext) -> Iterable[Hit]:
        return self.fn(article, ctx)

    def validate(self) -> list[str]:
        """Problems with this declaration, as sentences (empty when it is sound)."""
        problems = []
        if not CODE_RE.match(self.code):
            problems.append(f"code {self.code!r} is not letters + 3 digits (e.g. NL123)")
        if not NAME_RE.match(self.name):
            problems.append(f"name {self.name!r} is not kebab-case")
        if self.category not in CATEGORIES:
            problems.append(f"category {self.category!r} is not in the contract's vocabulary")
        if self.severity not in SEVERITIES:
            problems.append(f"severity {self.severity!r} is not one of {', '.join(SEVERITIES)}")
        return problems

    def doc_sections(self) -> dict[str, str]:
        """The docstring split into its ``Heading:`` sections (``What it does`` ...)."""
        return split_doc_sections(self.doc)


def split_doc_sections(doc: str) -> dict[str, str]:
    """Split a check docstring into sections headed ``Name:`` on a line of their own."""
    sections: dict[str, list[str]] = {}
    current = "Summary"
    for line in doc.splitlines():
        stripped = line.strip()
        if stripped.endswith(":") and stripped[:-1] and stripped[:-1][0].isupper() \
                and len(stripped) < 40 and not stripped.startswith(("-", "*")):
            current = stripped[:-1]
            sections.setdefault(current, [])
            continue
        sections.setdefault(current, []).append(line)
    out = {k: textwrap.dedent("\n".join(v)).strip() for k, v in sections.items()}
    return {k: v for k, v in out.items() if v}


def check(
    *,
    code: str,
    name: str,
    category: str,
    severity: str = "warning",
    examples: Iterable[Example] = (),
    options: Mapping[str, Any] | None = None,
    default_enabled: bool = True,
    fixable: bool = False,
    service: str | None = None,
) -> Callable[[CheckFn], Check]:
    """Declare a check. The function's docstring is its documentation::

        @check(code="NL201", name="missing-space-after-punctuation", category="spacing",
               examples=[bad("members.This", "members.This"), good("U.S. officials")])
        def missing_space(article, ctx):
            \"\"\"One line summary.

            What it does:
                ...
            Why it matters:
                ...
            \"\"\"
            yield Hit(start, end, "message")
    """

    def wrap(fn: CheckFn) -> Check:
        doc = textwrap.dedent(inspect.getdoc(fn) or "").strip()
        summary = doc.split("\n\n", 1)[0].replace("\n", " ").strip()
        body = doc.split("\n\n", 1)[1] if "\n\n" in doc else ""
        return Check(
            code=code,
            name=name,
            category=category,
            severity=severity,
            fn=fn,
            summary=summary,
            doc=body,
            examples=tuple(examples),
            options=dict(options or {}),
            default_enabled=default_enabled,
            fixable=fixable,
            service=service,
        )

    return wrap
