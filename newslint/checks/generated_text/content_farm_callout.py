"""A content-farm callout ("Pro Tip:", "Did You Know?", "Key Takeaways:") in a news article."""

from __future__ import annotations

from collections.abc import Iterator

from ...article import Article
from ...declaration import CheckContext, bad, check, good
from ...findings import Hit
from ._generated import _extra
from ._vocab import pattern


@check(
    code="NL160",
    name="content-farm-callout",
    category="generated_text",
    severity="warning",
    options={"extra-phrases": []},
    examples=[
        bad("The deal was signed.\n\nDid You Know? El Salvador has a long history of gang truces.",
            "Did You Know?"),
        bad("Pro Tip: When evaluating reports, look for corroborating sources.", "Pro Tip:"),
        good("Did you know the answer? She did not, she said."),
    ],
)
def content_farm_callout(article: Article, ctx: CheckContext) -> Iterator[Hit]:
    """A content-farm callout ("Pro Tip:", "Did You Know?", "Key Takeaways:") in a news article.

    What it does:
        Flags paragraphs that open with a template callout label: Pro Tip, Did You Know, Fun
        Fact, Key Takeaways, Quick Facts, Bottom Line and the like.

    Why it matters:
        These boxes are the signature of SEO templates and generated copy; they are not
        reporting and often carry unsourced claims.

    Options:
        extra-phrases: more callout labels (literal text, case-insensitive), added to
            ``data/callouts.txt``.
    """
    callout = pattern("callouts", _extra(ctx), settings=ctx.settings, anchored=True)
    for para in article.paragraphs:
        text = para.text.lstrip("*_#>•- ")
        m = callout.match(text)
        if m is None:
            continue
        rest = text[m.end():m.end() + 3].lstrip("*_ ")
        if not rest or rest[0] not in ":?!" or article.in_quote(para.start):
            continue
        at = para.start + (len(para.text) - len(text)) + m.start()
        yield Hit(at, at + m.end() - m.start() + 1, f"\"{m.group(0)}\" is a content-farm callout, "
                  "not news copy", confidence=0.9)

