"""NL404: "He" or "She" where the people just described are plural."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...analysis.prose import prose_paragraphs
from ...article import Article
from ...declaration import CheckContext, bad, check, good
from ...findings import Hit
from ...lexicon import is_name_form

_SINGULAR = re.compile(r"\b(?:he|him|his|himself|she|her|hers|herself)\b", re.IGNORECASE)
_PLURAL_PEOPLE = re.compile(
    r"\b(?:\d[\d,]*|dozens|hundreds|thousands|many|several|some)\s+(?:[A-Za-z-]+\s+){0,2}"
    r"(?:men|women|people|migrants|detainees|prisoners|workers|children|members|deportees|"
    r"Venezuelans|[A-Z][a-z]+ans|residents|officials|students|soldiers|refugees)\b"
)


@check(
    code="NL404",
    name="pronoun-number",
    category="mt_artifact",
    severity="warning",
    examples=[
        bad("Approximately 250 Venezuelan men were shackled and jailed.\n"
            "They were not allowed to speak to families. He never stepped out.",
            "He never stepped out."),
        good("Approximately 250 men were jailed. They were not allowed to speak to families. "
             "The warden said he never let them out."),
        good("The Smith brothers, two men from Ohio, sued. They lost. He appealed alone, Tom Smith "
             "said."),
    ],
)
def pronoun_number(article: Article, ctx: CheckContext) -> Iterator[Hit]:
    """A sentence starts with "He" or "She" right after a plural group was described.

    What it does:
        Flags a sentence that opens with "He" or "She" when the sentence before opens with
        "They", a plural group of people ("250 Venezuelan men") was described just before, and
        no single person (a he/she, a name) appears in those sentences.

    Why it matters:
        Machine translation from languages without grammatical number (or with a dropped
        subject) turns "they" into "he". The reader is told about one man where there were 250.
    """
    sentences = [s for p in prose_paragraphs(article) for s in article.sentences_of(p)]
    for i in range(1, len(sentences)):
        s = sentences[i]
        if not s.text.startswith(("He ", "She ")) or article.in_quote(s.start):
            continue
        prev = sentences[i - 1]
        if not prev.text.startswith("They "):
            continue
        context = [sentences[j].text for j in range(max(0, i - 3), i)]
        joined = " ".join(context)
        if not _PLURAL_PEOPLE.search(joined) or _SINGULAR.search(joined):
            continue
        if any(is_name_form(w) for text in context for w in text.split()[1:]
               if w[:1].isupper() and not w.endswith(("ans", "ese", "ish"))):
            continue
        pronoun = s.text.split()[0]
        yield Hit(s.start, s.end,
                  f"\"{pronoun}\" follows a plural group (\"They ...\") with no single person "
                  "named: probably \"They\" (a pronoun-number slip typical of machine translation)",
                  suggestion="They" + s.text[len(pronoun):], confidence=0.7)
