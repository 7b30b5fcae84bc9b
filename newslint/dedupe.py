"""One defect, one finding: drop a finding that another, more specific finding already explains.

Checks run independently, so one defect in the text often trips two of them: a spacing slip
inside a page-furniture line, a truncation and a furniture finding on the same last line, a
lowercase sentence start and a verbless fragment on the same cut sentence, a quotation without a
speaker on a quotation that is simply never closed. Reporting both doubles the noise an editor
must read and counts one slip twice in every precision figure, so after all checks have run the
runner passes the findings through :func:`dedupe`.

The rules are data (:data:`RULES`): each names the finding that wins, the one that loses, and how
their spans must relate. Two findings that merely sit in the same paragraph are never merged: a
misspelling inside a truncated last paragraph is a second defect, not the same one. A winner
only absorbs a finding of the same or a lower severity, so a weak guess never hides a strong one.
Selectors are codes (``NL250``) or categories (``boilerplate``) so that third-party checks that
use the contract's categories take part without registering anything.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .findings import SEVERITY_RANK, Finding

#: Findings that say "this text is not article text at all" (a widget line, a flattened social
#: embed, a generated call-out): nothing else inside such a span is worth reporting. Markup
#: leftovers are not among them: "**" left in a real sentence is one slip in article text.
NOT_ARTICLE_TEXT = frozenset({"boilerplate", "generated_text", "NL142"})


@dataclass(frozen=True, slots=True)
class Rule:
    """``winner`` absorbs ``loser`` when their spans are related as ``relation`` says.

    relation: ``inside`` (the loser's span lies within the winner's), ``overlap`` (any shared
    character), ``same-start`` (both begin within ``slack`` characters of each other).
    """

    winner: frozenset[str]
    loser: frozenset[str]
    relation: str
    why: str
    slack: int = 0


def _sel(*tokens: str) -> frozenset[str]:
    return frozenset(tokens)


#: The rules, most general first. ``*`` matches any finding.
RULES: tuple[Rule, ...] = (
    Rule(_sel(*NOT_ARTICLE_TEXT), _sel("*"), "inside",
         "a slip inside text that should not be in the article at all (a furniture line, a tag)"),
    Rule(_sel(*NOT_ARTICLE_TEXT), _sel("truncation", "duplicate"), "overlap",
         "a furniture line at the end is the reason the body 'ends oddly' or repeats"),
    Rule(_sel("NL250"), _sel("NL504", "NL101"), "overlap",
         "an unclosed quotation explains a quote without a speaker and a body 'ending inside a quote'"),
    Rule(_sel("NL403"), _sel("NL302"), "overlap",
         "a dangling fragment is reported once, as a fragment, not also for its lowercase start"),
    Rule(_sel("NL401"), _sel("spelling"), "overlap",
         "two words run together are one slip, not also a misspelling"),
    Rule(_sel("capitalization"), _sel("NL402"), "overlap",
         "a capitalised word already explained by a capitalization check"),
)


def _matches(selectors: frozenset[str], f: Finding) -> bool:
    return "*" in selectors or f.code in selectors or f.category in selectors


def _related(rule: Rule, win: Finding, lose: Finding) -> bool:
    if rule.relation == "inside":
        return win.start <= lose.start and lose.end <= win.end
    if rule.relation == "overlap":
        return win.start < lose.end and lose.start < win.end
    if rule.relation == "same-start":
        return abs(win.start - lose.start) <= rule.slack
    raise ValueError(f"unknown relation {rule.relation!r}")


def _absorbs(win: Finding, lose: Finding, rules: Iterable[Rule]) -> Rule | None:
    if win is lose or win.code == lose.code:
        return None
    if SEVERITY_RANK.get(win.severity, 0) < SEVERITY_RANK.get(lose.severity, 0):
        return None
    if win.category == "internal" or lose.category == "internal":
        return None
    for rule in rules:
        if _matches(rule.winner, win) and _matches(rule.loser, lose) and not _matches(rule.winner, lose) \
                and _related(rule, win, lose):
            return rule
    return None


def dedupe(findings: list[Finding], rules: Iterable[Rule] = RULES) -> list[Finding]:
    """The findings without those another finding explains, and without exact repeats.

    Exact repeats (same code, span and message) keep their first copy. The winner records what it absorbed
    in ``data["absorbed"]`` (codes), for API users who want to see the merge.
    """
    rules = tuple(rules)
    seen: set[tuple[str, int, int, str]] = set()
    unique: list[Finding] = []
    for f in findings:
        key = (f.code, f.start, f.end, f.message)
        if key not in seen:
            seen.add(key)
            unique.append(f)
    if len(unique) < 2:
        return unique
    by_start = sorted(unique, key=lambda f: (f.start, -f.end))
    dropped: set[int] = set()
    # Findings per article are few (tens), and only neighbours can relate: a sorted sweep that
    # compares each finding with those whose spans can still overlap it.
    for i, a in enumerate(by_start):
        for b in by_start[i + 1:]:
            if b.start > a.end:
                break
            for win, lose in ((a, b), (b, a)):
                if id(lose) in dropped or id(win) in dropped:
                    continue
                if _absorbs(win, lose, rules) is not None:
                    dropped.add(id(lose))
                    win.data = dict(win.data or {})
                    win.data.setdefault("absorbed", []).append(lose.code)
    return [f for f in unique if id(f) not in dropped]
