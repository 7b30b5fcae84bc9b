"""EX101: attribution verbs that judge the speaker ("claimed", "admitted") where "said" is neutral."""

from __future__ import annotations

import re
from collections.abc import Iterator

from newslint import Article, CheckContext, Fix, Hit, bad, check, good

LOADED_VERBS = {
    "claimed": "suggests the reporter doubts the speaker",
    "admitted": "suggests the speaker confessed to something",
    "conceded": "suggests the speaker gave ground",
    "insisted": "suggests the speaker is being stubborn",
    "stated": "is stiff; AP style prefers said",
    "exclaimed": "dramatises the speaker",
}
# A quotation's end, then an optional name, then the verb: '...," he claimed' or '...," Smith admitted'.
_AFTER_QUOTE = re.compile(
    r"[,?!]?[”\"]\s+(?:(?:he|she|they|it|the\s+[\w’'-]+|[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2})\s+)?("
    + "|".join(LOADED_VERBS) + r")\b"
)


@check(
    code="EX101",
    name="said-not-synonym",
    category="attribution",
    severity="info",
    fixable=True,
    options={"allow": []},
    examples=[
        bad("“We did nothing wrong,” the mayor claimed.", "claimed",
            fixed="“We did nothing wrong,” the mayor said."),
        bad("“It was a mistake,” Smith admitted on Monday.", "admitted"),
        good("“We did nothing wrong,” the mayor said."),
        good("The company claimed a tax credit for the plant."),
        good("“It was a mistake,” Smith admitted.", options={"allow": ["admitted"]}),
    ],
)
def said_not_synonym(article: Article, ctx: CheckContext) -> Iterator[Hit]:
    """Use "said" after a quotation; "claimed" and "admitted" take sides.

    What it does:
        Flags attribution verbs right after a direct quotation that carry a judgment of the
        speaker: claimed, admitted, conceded, insisted, stated, exclaimed.

    Why it matters:
        "Said" is neutral; "claimed" tells the reader not to believe the speaker, "admitted" that
        they confessed. House style (and AP's) keeps the reporter's judgment out of attribution.

    Options:
        allow: verbs this newsroom accepts (e.g. ["insisted"]).
    """
    allowed = {v.lower() for v in ctx.options.get("allow", [])}
    for m in _AFTER_QUOTE.finditer(article.text):
        verb = m.group(1)
        if verb.lower() in allowed:
            continue
        start, end = m.start(1), m.end(1)
        yield Hit(start, end, f"\"{verb}\" {LOADED_VERBS[verb.lower()]}; use \"said\"",
                  suggestion="said", confidence=0.8, fix=Fix.replace(start, end, "said", safe=False))
