"""House rules without Python: declarative rule files, modelled on Vale's extension points.

A newsroom lists rule files under ``rules = ["style/house.toml"]`` in its configuration (TOML or
YAML). Each ``[[rule]]`` becomes an ordinary :class:`~newslint.declaration.Check`, with its own code,
message, severity, category and examples, so ``newslint rules``, the docs and the example test
helper treat it exactly like a Python check. Types:

``existence``      flag every occurrence of these words or phrases (``tokens``)
``substitution``   use X, not Y (``swap = {Y = "X"}``), with the replacement as suggestion and fix
``occurrence``     a word or phrase at most ``max`` times per article (``token``)
``capitalization`` names written exactly so (``terms = ["iPhone"]``) and/or every heading in a
                   style (``headings = "title" | "sentence"``)
``conditional``    an acronym (``first`` pattern) must be spelled out before its first use: a
                   ``second`` pattern with ``$1`` for the acronym, e.g. ``"\\(\\s*$1\\s*\\)"``

Common keys: ``code``, ``name``, ``type``, ``message`` (``{match}`` and ``{replacement}`` are
filled in), ``category`` (default ``consistency``), ``severity`` (default ``warning``),
``ignore-case`` (default true), ``skip-quotes`` (default true: quoted words are the speaker's),
``scope`` (``body``, ``headings`` or ``all``), ``description``, ``examples = {bad = [..],
good = [..]}``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

from .article import Article, Paragraph
from .config import ConfigError, syntax_error
from .declaration import Check, CheckContext, Example
from .findings import Fix, Hit

RULE_TYPES = ("existence", "substitution", "occurrence", "capitalization", "conditional")
_COMMON_KEYS = {"code", "name", "type", "message", "category", "severity", "ignore-case",
                "skip-quotes", "scope", "description", "examples", "why"}
_TYPE_KEYS = {
    "existence": {"tokens", "regex"},
    "substitution": {"swap", "regex", "fix"},
    "occurrence": {"token", "max", "regex"},
    "capitalization": {"terms", "headings"},
    "conditional": {"first", "second", "exceptions"},
}
_SMALL_WORDS = frozenset("a an and as at but by for from in into nor of on or per the to up via vs with".split())


def load_rule_file(path: Path) -> list[Check]:
    """Every rule in one TOML or YAML file, as checks. Errors name the file and the rule."""
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read rule file: {exc}") from None
    try:
        if path.suffix in (".yaml", ".yml"):
            import yaml

            data = yaml.safe_load(raw) or {}
        else:
            import tomllib

            data = tomllib.loads(raw)
    except Exception as exc:  # noqa: BLE001 - TOML and YAML raise different errors
        kind = "YAML rule file" if path.suffix in (".yaml", ".yml") else "TOML rule file"
        raise syntax_error(path, exc, kind, raw) from None
    rules = data.get("rule", data.get("rules")) if isinstance(data, dict) else None
    if not isinstance(rules, list):
        raise ConfigError(f"{path}: expected a list of rules ([[rule]] tables or a 'rules:' list)")
    return [build_rule(rule, f"{path}: rule {i + 1}") for i, rule in enumerate(rules)]


def build_rule(rule: Mapping[str, Any], where: str) -> Check:
    """One declarative rule as a check."""
    if not isinstance(rule, Mapping):
        raise ConfigError(f"{where}: a rule must be a table")
    kind = rule.get("type")
    if kind not in RULE_TYPES:
        raise ConfigError(f"{where}: type must be one of {', '.join(RULE_TYPES)}, got {kind!r}")
    unknown = set(rule) - _COMMON_KEYS - _TYPE_KEYS[kind]
    if unknown:
        raise ConfigError(f"{where}: unknown key {sorted(unknown)[0]!r} for a {kind} rule")
    for key in ("code", "name", "message"):
        if not isinstance(rule.get(key), str):
            raise ConfigError(f"{where}: '{key}' is required (a string)")
    where = f"{where} ({rule['code']})"
    fn = _BUILDERS[kind](rule, where)
    examples = rule.get("examples") or {}
    check = Check(
        code=rule["code"],
        name=rule["name"],
        category=rule.get("category", "consistency"),
        severity=rule.get("severity", "warning"),
        fn=fn,
        summary=rule.get("description") or rule["message"].split("{")[0].strip() or rule["name"],
        doc=f"What it does:\n    A house {kind} rule.\nWhy it matters:\n    "
            f"{rule.get('why', 'House style.')}",
        examples=tuple([Example(t, True) for t in examples.get("bad", [])]
                       + [Example(t, False) for t in examples.get("good", [])]),
        fixable=kind == "substitution",
    )
    problems = check.validate()
    if problems:
        raise ConfigError(f"{where}: {'; '.join(problems)}")
    return check


def _flags(rule: Mapping[str, Any]) -> int:
    return re.IGNORECASE if rule.get("ignore-case", True) else 0


def _phrase_pattern(phrases: list[str], rule: Mapping[str, Any], where: str) -> re.Pattern[str]:
    if not phrases or not all(isinstance(p, str) and p for p in phrases):
        raise ConfigError(f"{where}: expected a non-empty list of words or phrases")
    if rule.get("regex"):
        body = "|".join(f"(?:{p})" for p in phrases)
    else:
        body = "|".join(r"\s+".join(map(re.escape, p.split())) for p in
                        sorted(phrases, key=len, reverse=True))
    try:
        return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", _flags(rule))
    except re.error as exc:
        raise ConfigError(f"{where}: bad pattern: {exc}") from None


def paragraphs_in_scope(article: Article, scope: str = "all") -> Iterator[Paragraph]:
    """The paragraphs a rule looks at: ``all``, ``body`` (no headings) or ``headings``."""
    for para in article.paragraphs:
        if scope == "headings" and not para.is_heading:
            continue
        if scope == "body" and para.is_heading:
            continue
        yield para


def existence_matches(article: Article, pattern: re.Pattern[str], *, scope: str = "all",
                      skip_quotes: bool = True) -> Iterator[re.Match[str]]:
    """Every match of ``pattern`` in scope, outside quotations unless ``skip_quotes`` is false.

    The one scanner behind house ``existence`` and ``substitution`` rules and the built-in
    word-list checks (chatbot phrases...), so they agree on scope and quotations. The pattern is
    scanned by :func:`newslint.prefilter.scanner`: most articles hold none of a list's phrases
    and are not scanned at all, and the others only where a phrase's first word stands.
    """
    from .prefilter import may_match, scanner

    if not may_match(pattern, article):
        return  # none of its words in the article: no paragraph to visit
    scan = scanner(pattern, article)  # found where its first words stand, in C
    text = article.text
    for para in paragraphs_in_scope(article, scope):
        for start, _end in scan(para.start, para.end):
            m = pattern.match(text, start, para.end)  # the match finditer gives there
            if m is None:
                continue
            if skip_quotes and article.in_quote(m.start(), m.end()):
                continue
            yield m


def _matches(article: Article, rule: Mapping[str, Any], pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
    return existence_matches(article, pattern, scope=rule.get("scope", "all"),
                             skip_quotes=rule.get("skip-quotes", True))


def _message(rule: Mapping[str, Any], match: str, replacement: str = "") -> str:
    return rule["message"].replace("{match}", match).replace("{replacement}", replacement)


def _existence(rule: Mapping[str, Any], where: str) -> Callable[[Article, CheckContext], Iterator[Hit]]:
    pattern = _phrase_pattern(list(rule.get("tokens") or []), rule, where)

    def run(article: Article, ctx: CheckContext) -> Iterator[Hit]:
        for m in _matches(article, rule, pattern):
            yield Hit(m.start(), m.end(), _message(rule, m.group(0)), confidence=1.0)

    return run


def _substitution(rule: Mapping[str, Any], where: str) -> Callable[[Article, CheckContext], Iterator[Hit]]:
    swap = rule.get("swap")
    if not isinstance(swap, Mapping) or not swap:
        raise ConfigError(f"{where}: 'swap' must be a table of wrong = \"right\"")
    pattern = _phrase_pattern(list(swap), rule, where)
    lookup = {k.lower(): v for k, v in swap.items()}
    safe = rule.get("fix", "unsafe") == "safe"

    def run(article: Article, ctx: CheckContext) -> Iterator[Hit]:
        for m in _matches(article, rule, pattern):
            found = m.group(0)
            key = " ".join(found.split()).lower()
            replacement = lookup.get(key)
            if replacement is None:  # a regex key: find which one matched
                replacement = next((v for k, v in swap.items()
                                    if re.fullmatch(k, found, _flags(rule))), "")
            if found[:1].isupper() and replacement[:1].islower():
                replacement = replacement[:1].upper() + replacement[1:]
            yield Hit(m.start(), m.end(), _message(rule, found, replacement), suggestion=replacement,
                      confidence=1.0, fix=Fix.replace(m.start(), m.end(), replacement, safe=safe))

    return run


def _occurrence(rule: Mapping[str, Any], where: str) -> Callable[[Article, CheckContext], Iterator[Hit]]:
    pattern = _phrase_pattern([rule.get("token", "")], rule, where)
    limit = rule.get("max")
    if not isinstance(limit, int) or limit < 0:
        raise ConfigError(f"{where}: 'max' must be a whole number")

    def run(article: Article, ctx: CheckContext) -> Iterator[Hit]:
        for count, m in enumerate(_matches(article, rule, pattern), start=1):
            if count > limit:
                yield Hit(m.start(), m.end(), _message(rule, m.group(0)), confidence=1.0)

    return run


def _heading_style_ok(text: str, style: str) -> bool:
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", text)]
    if len(words) < 2:
        return True
    if style == "title":
        return all(w[0].isupper() or w.lower() in _SMALL_WORDS for w in words[1:])
    return all(not w[0].isupper() or w.isupper() or i == 0 for i, w in enumerate(words)) or \
        sum(w[0].isupper() for w in words[1:]) <= 1  # sentence case allows one proper noun


def _capitalization(rule: Mapping[str, Any], where: str) -> Callable[[Article, CheckContext], Iterator[Hit]]:
    terms = list(rule.get("terms") or [])
    headings = rule.get("headings")
    if not terms and headings not in ("title", "sentence"):
        raise ConfigError(f"{where}: give 'terms' and/or headings = \"title\" | \"sentence\"")
    pattern = _phrase_pattern(terms, {**rule, "ignore-case": True}, where) if terms else None
    exact = {t.lower(): t for t in terms}

    def run(article: Article, ctx: CheckContext) -> Iterator[Hit]:
        if pattern is not None:
            for m in _matches(article, rule, pattern):
                want = exact.get(" ".join(m.group(0).split()).lower())
                if want and m.group(0) != want:
                    yield Hit(m.start(), m.end(), _message(rule, m.group(0), want), suggestion=want,
                              confidence=1.0, fix=Fix.replace(m.start(), m.end(), want))
        if headings:
            for para in article.paragraphs:
                if para.is_heading and not _heading_style_ok(para.text, headings):
                    yield Hit(para.start, para.end, _message(rule, para.text, headings), confidence=0.9)

    return run


def _conditional(rule: Mapping[str, Any], where: str) -> Callable[[Article, CheckContext], Iterator[Hit]]:
    first = rule.get("first")
    second = rule.get("second")
    if not isinstance(first, str) or not isinstance(second, str) or "$1" not in second:
        raise ConfigError(f"{where}: 'first' (a pattern with a group) and 'second' (with $1) are required")
    try:
        first_re = re.compile(first)
    except re.error as exc:
        raise ConfigError(f"{where}: bad 'first' pattern: {exc}") from None
    exceptions = set(rule.get("exceptions") or [])

    def run(article: Article, ctx: CheckContext) -> Iterator[Hit]:
        seen: set[str] = set()
        for m in _matches(article, rule, first_re):
            term = m.group(1) if m.groups() else m.group(0)
            if term in exceptions or term in seen:
                continue
            seen.add(term)
            definition = re.compile(second.replace("$1", re.escape(term)))
            if not definition.search(article.text, 0, m.end() + 1 + len(term) + 2):
                yield Hit(m.start(), m.end(), _message(rule, term), confidence=0.9)

    return run


_BUILDERS: dict[str, Callable[[Mapping[str, Any], str], Callable[[Article, CheckContext], Iterator[Hit]]]] = {
    "existence": _existence,
    "substitution": _substitution,
    "occurrence": _occurrence,
    "capitalization": _capitalization,
    "conditional": _conditional,
}
