"""A placeholder left in published text ("[Insert name]", "TK", "Lorem ipsum")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...article import Article
from ...declaration import CheckContext, bad, check, good
from ...findings import Hit
from ...prefilter import may_match
from ._generated import _extra
from ._vocab import pattern

_SLOT = re.compile(r"\[(?:insert|add|your|placeholder|todo|tk|name of|link to|enter)\b[^\]\n]{0,80}\]"
                   r"|\{\{[ \t]*[\w.]{1,40}[ \t]*\}\}", re.IGNORECASE)


# Written to start with the character it consumes first (the look-behind moved after it), so
# that re skips to candidates in C instead of trying the pattern at every position (~5x less).
_TK = re.compile(r"(?:T(?<![\w-]T)K(?:TK)*|X(?<![\w-]X)X(?:,XXX)*)(?![\w-])")  # was (?<![\w-])(?:TK(?:TK)*|XX(?:,XXX)*)...


@check(
    code="NL164",
    name="placeholder",
    category="generated_text",
    severity="error",
    examples=[
        bad("The mayor, [Insert name], said the budget would pass.", "[Insert name]"),
        bad("Turnout was TK percent, officials said.", "TK"),
        bad("Lorem ipsum dolor sit amet.", "Lorem ipsum"),
        bad("Sales reached $XX million, the company said.", "XX"),
        bad("Dear {{first_name}}, the vote is on Monday.", "{{first_name}}"),
        good("The TKO came in the third round at the TK Elevator arena."),
        good("Super Bowl XX was played in New Orleans."),
    ],
)
def placeholder(article: Article, ctx: CheckContext) -> Iterator[Hit]:
    """A placeholder left in published text ("[Insert name]", "TK", "Lorem ipsum").

    What it does:
        Flags template slots in brackets ("[Insert ...]", "[Your ...]"), the newsroom's "TK"
        (to come) marker, ``XX`` where a number belongs ("$XX million", "XX percent"),
        "Lorem ipsum" and unfilled ``{{variables}}``. "TK" inside a name ("TK Elevator") and
        the Roman numeral XX ("Super Bowl XX") are left alone.

    Why it matters:
        A placeholder means a fact was never filled in.

    Options:
        extra-phrases: more placeholder phrases (literal text, case-insensitive), added to
            ``data/placeholders.txt``.
    """
    text = article.text
    listed = pattern("placeholders", _extra(ctx), settings=ctx.settings)
    found = list(_SLOT.finditer(text)) if may_match(_SLOT, article) else []
    if may_match(listed, article):
        found += listed.finditer(text)
    for m in _TK.finditer(text) if may_match(_TK, article) else ():
        after = text[m.end():m.end() + 2]
        before = text[max(0, m.start() - 12):m.start()]
        if m.group(0).startswith("TK"):
            if re.match(r"\s[A-Z]", after) or re.search(r"[A-Z]\w*\s$", before):
                continue  # "TK Elevator", "Team TK": part of a name
        elif not (before.endswith(("$", "£", "€")) or re.match(r"(?<!\s)\s*+(?:%|percent|million|billion|"
                                                             r"people|years)", text[m.end():m.end() + 9])):
            continue  # "XX" is a Roman numeral unless it stands where a number should be
        found.append(m)
    for m in sorted(found, key=lambda m: m.start()):
        yield Hit(m.start(), m.end(), f"\"{m.group(0)}\" is a placeholder left in the text",
                  confidence=0.9)

