"""NL403: a sentence with no verb, left over when a machine rewrite cut a sentence apart."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise

from ...analysis.words import word_range
from ...article import Article
from ...declaration import CheckContext, bad, check, good
from ...findings import Hit
from ...lexicon import pos

_SPEECH = frozenset("said says noted added reported wrote told stated explained according".split())
_VERB_TAGS = ("VB", "MD")
_MEDIA = frozenset("""post times independent journal news guardian telegraph reuters ap herald tribune
    bbc cnn nbc cbs abc fox politico axios bloomberg economist observer mail express standard""".split())
_ATTRIBUTING = re.compile(r"\b(?:said|says|told|statement|reported|noted|added|according)\b|[”\"]")
_DETERMINERS = frozenset("the a an this that these those some any no every each".split())


@check(
    code="NL403",
    name="verbless-fragment",
    category="mt_artifact",
    severity="warning",
    examples=[
        bad("Trump invoked the act to speed up removals. Mass deportation agenda.",
            "Mass deportation agenda."),
        bad("“We were tired of excuses,” the spokesman said in a statement. Independent.",
            "Independent."),
        bad("“It would bother me as a case agent,” he said. Washington Post.", "Washington Post."),
        bad("Bukele needed support from the department. Post noted.", "Post noted."),
        bad("It led to a prisoner swap this summer. to be done.", "to be done."),
        good("WASHINGTON (AP) — The Senate voted on Monday. It passed."),
        good("“Did you know?” she asked. “No.” He shrugged and left the room."),
        good("Key findings\n\n* Compromised identities.\n\nPhoto: Reuters."),
        good("Will the service last? Probably. Its rivals have struggled."),
    ],
)
def verbless_fragment(article: Article, ctx: CheckContext) -> Iterator[Hit]:
    """A short sentence with no verb, or a source name standing alone as a sentence.

    What it does:
        Flags short sentences (up to four words) after another sentence in the same paragraph
        that have no verb (``Mass deportation agenda.``), that are only a name
        (``Washington Post.``, ``Independent.``), that are a name plus a speech verb with nothing
        said (``Post noted.``), or that are a bare infinitive (``to be done.``). Headings,
        datelines, bylines, captions, list items and quoted answers are left alone. When the
        fragment is a source name, the message says the attribution was split off.

    Why it matters:
        Machine rewriting cuts sentences at link boundaries and leaves the pieces as sentences
        of their own; a source name cut loose ("Washington Post.") also loses the attribution
        the sentence needed.
    """
    for para in article.layout.prose:
        sentences = article.sentences_of(para)
        for prev, sentence in pairwise(sentences):
            if not sentence.text.endswith(".") or sentence.text.endswith(".."):
                continue
            # The word count first (two bisections): most sentences have more than four words.
            lo, hi = word_range(article, sentence.start, sentence.end)
            if not 1 <= hi - lo <= 4:
                continue
            if article.in_quote(sentence.start) or sentence.text[:1] in "“\"‘'(":
                continue
            words = article.word_texts[lo:hi]
            if any(ch.isdigit() or ch in "!?" for ch in sentence.text):
                continue
            if prev.text.rstrip("”\"’')").endswith("?"):
                continue  # an answer to a question: "Is it the future?" Possibly.
            kind = _fragment_kind(words, sentence.text)
            if kind is None or (kind == "speech" and prev.text.endswith(("”", '"'))):
                continue  # “... end.” Paul said. is a punctuation slip, not a cut sentence
            if kind == "source" and not (_ATTRIBUTING.search(prev.text) or words[-1].lower() in _MEDIA):
                continue
            message, confidence = {
                "source": (f"\"{sentence.text}\" stands alone as a sentence: a source name split off "
                           "from the sentence it attributes; attach it (\"..., according to ...\")", 0.85),
                "speech": (f"\"{sentence.text}\" says who spoke but not what: a fragment left by "
                           "a cut sentence", 0.8),
                "infinitive": (f"\"{sentence.text}\" is not a sentence (no subject): a piece cut "
                               "from the sentence before", 0.8),
                "verbless": (f"\"{sentence.text}\" has no verb: a fragment, often left when a "
                             "machine rewrite cut a sentence at a link", 0.7),
            }[kind]
            yield Hit(sentence.start, sentence.end, message, confidence=confidence)


def _fragment_kind(words: list[str], text: str) -> str | None:
    first = words[0]
    if text.startswith("to ") and len(words) >= 2:
        return "infinitive"
    if all(w[:1].isupper() for w in words) and text[:-1].replace(" ", "").replace("-", "").isalpha():
        return "source"
    if len(words) == 2 and words[0][:1].isupper() and words[1].lower() in _SPEECH:
        return "speech"
    if not first[:1].isupper() or first.lower() in _DETERMINERS:
        return None
    found = [pos(w.lower()) or pos(w) for w in words]
    tags = [t for t in found if t is not None]
    if len(tags) != len(found) or len(words) < 2:
        return None
    if any(t.startswith(_VERB_TAGS) or t in ("PRP", "EX", "UH", "RB", "WRB", "WP", "CC") for t in tags):
        return None
    if not tags[-1].startswith("NN"):
        return None
    return "verbless"
