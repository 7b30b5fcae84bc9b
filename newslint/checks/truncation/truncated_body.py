"""NL101: the article body breaks off."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...analysis.layout import TERMINAL as _TERMINAL
from ...article import Article, Paragraph
from ...declaration import CheckContext, bad, check, good
from ...findings import Hit
from ...lexicon import pos
from ...prefilter import may_match
from ...text.tokens import looks_like_address

#: A rule of underscores, dashes or asterisks (AP's ``___``): a section break, not bold text.
_RULE = re.compile(r"[_*=~-]{3,}")
_ELLIPSIS = re.compile(r"(?:\.\.\.|…)$")
_PAYWALL = re.compile(
    r"\b(?:continue reading|read the (?:full|rest of the|whole) (?:story|article)|subscribe (?:now )?to "
    r"(?:continue|read|unlock)|to read (?:more|the full)|the rest of this (?:article|story)|already a "
    r"subscriber|(?:this|the full) (?:article|story) is (?:only )?(?:for|available to) subscribers|"
    r"become a (?:member|subscriber) to)\b", re.IGNORECASE)
#: Endings of clean copy that have no full stop: credits, agency tags, wire lines, bios.
_CLEAN_ENDING = re.compile(
    r"^(?:©|\(?c\)|copyright\b|contributing\b|with\b.*\bwires?$|reporting by|editing by|additional "
    r"reporting|photo|image|source:|via\b|by\s+[A-Z]|___|—|–|-\s|\*\*\*|#)|\b(?:AP|PTI|AFP|Reuters|"
    r"IANS|ANI|UPI|Xinhua)$", re.IGNORECASE)
#: A paragraph that ends on a credit or a quotation's attribution: "Photo by Jane Roe/Getty
#: Images", "... Martin.” — Neil Gaiman", a footnote star after the full stop.
_CREDIT_END = re.compile(r"(?:\b(?:photo|photograph|image|picture|credit|illustration)s?(?: by|:)\s[^.]*|"
                         r"[”\"]\s*[—–-]\s*[A-Z][^.!?]*|[.!?][*†]+|\*[^*]+\*)$", re.IGNORECASE)
#: A title with a label after a spaced dash ("... Light Festival – previews", "... – in
#: pictures", "... – video"): a gallery or video caption, not a sentence.
_LABEL_END = re.compile(r"\s[–—]\s[a-z]+(?: [a-z]+){0,2}$")
#: A teaser for another story set in the body: a kicker, a colon, a headline ("Epstein's inner
#: circle eyed: Jeffrey Epstein is dead. Prosecutors could ...").
_KICKER = re.compile(r"^[^.!?:]{3,60}: [A-Z“\"]")
_FUNCTION_END = re.compile(r"\b(?:the|a|an|and|or|but|of|to|in|on|for|with|by|from|that|which|who|"
                           r"is|are|was|were|has|have|had|will|would|could|as|at|its|their|his|her|"
                           r"about|into|onto|over|under|after|before|between|against|than|including|"
                           r"during|through|towards?|upon|within|without|whether|because|should|can|"
                           r"may|might|must|shall|been|being|be)$")


#: The closing characters ``TERMINAL`` lets follow a final stop.
_CLOSERS = "\"'”’)]"


def ends_terminally(text: str) -> bool:
    """``TERMINAL.search(text)``, reading only the end of ``text``: a match is a stop followed by
    closers up to the end (so it starts at or after the last character that is not a closer
    or the final newline) or a closer alone (in the last two characters). A search from a
    later start finds the same matches (``re`` sees characters before ``pos`` for boundaries),
    and a paragraph holds many stops the full search stopped at (~2x less for the two
    truncation checks)."""
    start = min(len(text.rstrip(_CLOSERS + "\n")) - 1, len(text) - 2)
    return _TERMINAL.search(text, max(0, start)) is not None


def _emphasis_open(text: str) -> bool:
    """An odd number of ``**``/``__`` markers once separator rules are set aside."""
    if "**" not in text and "__" not in text:
        return False  # no marker (setting rules aside, with a space, joins none): nothing to count
    text = _RULE.sub(" ", text)
    return text.count("**") % 2 == 1 or text.count("__") % 2 == 1


_INNER_STOP = re.compile(r"[a-z0-9][.!?][\"”’]? [A-Z]")
#: Words headlinese does not start with: articles, pronouns, and conjunctions or linking
#: adverbs, which tie a sentence to the one before ("But the head of the union").
_NON_HEADLINE_STARTS = frozenset("""the a an he she it they we i this that these those its his her their our
    but and or so yet however while although because meanwhile also then still""".split())


def _prose_not_headline(article: Article, para: Paragraph) -> bool:
    """Whether a heading-shaped line inside the body is a cut sentence rather than a subheading.

    Headlinese drops articles and pronouns, puts past events in the present tense and never
    holds a full stop. So a line that holds a whole sentence is prose; and in an article without
    other subheadings, so is a line that starts with an article or pronoun ("The government also
    enacted") or has a past-tense verb ("Cameron-Smail said the company seeks")."""
    text = para.text
    if _INNER_STOP.search(text):
        return True
    others = sum(p.kind == "heading" for p in article.paragraphs[1:-1]) - 1
    if others > 0:
        return False
    words = text.split()
    if len(words) < 4:
        return False
    if words[0].lower() in _NON_HEADLINE_STARTS and (len(words) >= 5 or "," not in text):
        return True  # ("He said, she said": a four-word play on words, a subheading)
    lowered = [re.split(r"['’]", w.strip(",;:\"“”").lower())[0] for w in words]
    if lowered[0] in ("how", "why", "what", "when", "where", "who", "inside", "behind"):
        return False  # "How the vote unfolded", "What's next": an explainer's subheading
    if _CLAUSE_TAIL.search(text):
        return True  # "In the morning, Democratic": a clause under way after a comma
    if any(w in _AUXILIARIES for w in lowered[1:]):
        return True  # "Analysts in the past have criticized IBM": headlinese drops auxiliaries
    tags = [pos(w.strip(",;:\"“”")) or pos(w.strip(",;:\"“”").lower()) or "" for w in words]
    if (len(words) >= 6 or "," not in text) and any(
            t in ("VBD", "MD") or w.lower() in ("also", "not") for t, w in zip(tags[1:], words[1:], strict=True)):
        return True  # "The dollar also opened", "EC leaders would also try": a clause, not headlinese
    if not words[-1][:1].islower():
        return False
    # A line that ends on a word no title ends on: an adjective, a determiner, a preposition
    # ("Standard and Poor's recent", "Shortcovering against an oversold"), or, when long, on
    # anything but a noun ("... and the northern").
    return tags[-1].startswith(_OPEN_ENDINGS) or (len(words) >= 6 and not tags[-1].startswith(("NN", "VBG")))


#: Auxiliaries: a subheading drops them ("Deal done"), a sentence keeps them ("have been").
_AUXILIARIES = frozenset("have has had was were been being would will could should might must does did".split())
#: Tags of words that end no title: adjectives, determiners, prepositions, conjunctions, adverbs.
_OPEN_ENDINGS = ("JJ", "DT", "IN", "CC", "PRP", "RB", "TO", "WDT", "MD", "PDT")


#: A comma, then the start of the next phrase cut short ("In the morning, Democratic").
_CLAUSE_TAIL = re.compile(r"^\w[^,]{3,}, (?:[A-Z]\w+|[a-z]+)$")


def sentence_like(para: Paragraph) -> bool:
    """Running prose rather than a title or a credit: a body paragraph, or a line of four or
    more words most of whose words after the first are lowercase ("Total enrollment in the
    first" is a cut sentence even though it is short enough to pass for a heading)."""
    words = para.text.split()
    if para.kind == "body":
        return True
    if para.is_list_item or len(words) < 4:
        return False
    lower = sum(w[:1].islower() for w in words[1:])
    return lower * 2 >= len(words) - 1 and lower >= 2


def breaks_off(article: Article, para: Paragraph, strict_headings: bool = False) -> bool:
    """Whether ``para`` stops mid-sentence: prose without terminal punctuation, that is not a
    credit, a tag or an introduction (a colon), and that either ends on a comma, a function
    word or a lowercase word, or is a sentence (it has a lowercase word) that ends on a name
    ("... to President Reagan"): a sentence of the reporter's voice ends with a full stop.
    With ``strict_headings``, a heading-shaped line must end on a comma or a function word
    (inside the body, sentence-case subheadings are common; at its very end they are not)."""
    text = para.text
    # (The layout's ends_sentence of every paragraph: ``ends_terminally`` without a search.)
    if article.layout.terminal[para.index] or text.rstrip().endswith(":"):
        return False  # most paragraphs: asked first, before the words are split out
    words = text.split()
    if len(words) < 4 or _CLEAN_ENDING.search(text) or _CREDIT_END.search(text) \
            or (_LABEL_END.search(text) and not _FUNCTION_END.search(text)):
        return False
    if text.count("(") > text.count(")") or text.count("<") > text.count(">"):
        return True  # "Siemens AG <SIEG.F": cut inside a bracket that never closes
    if not sentence_like(para):
        return False
    last = words[-1]
    if text[-1] in ",;-–" or _FUNCTION_END.search(text):
        return True
    if strict_headings and (_KICKER.match(text) or (
            para.kind == "heading" and not _prose_not_headline(article, para))):
        return False  # "How the vote unfolded": a sentence-case subheading, not a cut sentence
    if last[:1].islower():
        return True
    # Ends on a capitalised word: a cut sentence when the paragraph reads as a sentence (more
    # than a title-case line) and the article ends its other paragraphs with punctuation.
    lower = sum(w[:1].islower() for w in words)
    return lower >= 3 and lower * 3 >= len(words) and punctuated_style(article)


def punctuated_style(article: Article) -> bool:
    """Whether the article ends its body paragraphs with terminal punctuation (almost all do);
    copy that does not (hard-wrapped lines, captions, lists of titles) cannot be judged."""
    def build(a: Article) -> bool:
        body = [p.index for p in a.paragraphs if p.kind == "body"]
        if len(body) < 2:
            return True
        terminal = a.layout.terminal  # ends_terminally of every paragraph, computed once
        open_ended = sum(not terminal[i] for i in body)
        return open_ended <= max(1.0, 0.15 * len(body))  # one cut paragraph is what we look for

    return article.memo("truncation.punctuated", build)


#: A wire agency's sign-off after the last full sentence ("... 49.55 U.S. Cts. REUTER",
#: "REUTER..." on its own line, "REUTER^M"), or a stray slash after it: the story is complete.
_SIGN_OFF = re.compile(r"(?:^|[.!?”\"]\s*)(?:(?:REUTERS?|Reuters?)\s*(?:\.{2,}|…|\^M)?|/)\s*$")


def _signed_off(text: str) -> bool:
    """``_SIGN_OFF.search(text)``, searched only when the text ends the way a sign-off does (its
    last character before trailing space is one a match ends on: a "/", the "R"/"S" of
    "REUTER(S)"/"Reuter(s)", two dots or more, "…", the "M" of "^M"); most paragraphs end on a
    single full stop, and the search reads the whole paragraph."""
    tail = text.rstrip()
    if not (tail[-1:] in "/…MRSrs" or tail.endswith("..")):
        return False
    return _SIGN_OFF.search(text) is not None


def _verdict(article: Article, para: Paragraph) -> tuple[str, float] | None:
    text = para.text
    words = text.split()
    if _RULE.fullmatch(text) or looks_like_address(words[-1].rstrip(".,;:")):
        return None  # a section rule, or a closing link: both deliberate endings
    if _signed_off(text):
        return None
    if _emphasis_open(text):
        return "breaks off inside bold text (an emphasis marker is never closed)", 0.9
    # (A match ends at the end, at most four characters back: searched from there.)
    if _ELLIPSIS.search(text, max(0, len(text) - 4)) and not text.endswith(("”", '"')):
        return "ends in an ellipsis: the body was cut to a teaser", 0.85
    if para.is_list_item and not ends_terminally(text):
        items = [p for p in article.paragraphs[max(0, para.index - 6):para.index] if p.is_list_item]
        if len(items) >= 2 and sum(ends_terminally(p.text) for p in items) >= len(items) - 1:
            return "breaks off in the middle of a list item", 0.85
    if breaks_off(article, para):
        return "breaks off mid-sentence", 0.85
    if text.endswith(":") and len(words) >= 4 and para.kind == "body":
        return "ends on a colon: what was introduced is missing", 0.8
    quote = article.quote_at(para.end - 1)
    if quote is not None and quote.text[-1:] not in "”\"" and len(quote.text.split()) >= 8:
        return "ends inside a quotation that is never closed", 0.7
    return None


@check(
    code="NL101",
    name="truncated-body",
    category="truncation",
    severity="warning",
    examples=[
        bad("Measures include:\n\n* Enhanced vetting: vet all officials.\n\n* Secure channels: "
            "encrypt data.\n\n* **Autonomous\n\nYou may also like\n\nLeave a Comment",
            "* **Autonomous"),
        bad("The minister said the plan would cut costs and that the council", "the council"),
        bad("The report found that All...", "All..."),
        bad("The council met on Monday.\n\nTotal enrollment in the first", "Total enrollment",
            note="a cut sentence short enough to look like a heading"),
        bad("The council met on Monday. It agreed to send the plan back.\n\nThe mayor said he "
            "expected to present a package of measures to President Reagan", "President Reagan",
            note="a sentence cut after a name"),
        good("The council met on Monday.\n\nBy Jane Smith, Associated Press"),
        good("The council met on Monday.\n\nRelated Coverage"),
        bad("Prices rose again in March.\n\nContinue reading the full story with a subscription",
            "Continue reading"),
        good("The vote passed 52-48.\n\n(AP Photo/Jane Doe)"),
        good("The festival opens in May.\n\nSome of the installations on show at the festival – previews"),
        good("The vote passed 52-48.\n\n___\n\nAssociated Press writer John Roe contributed."),
        good("The vote passed 52-48.\n\nContributing: Kristine Phillips"),
        good("The vote passed 52-48. Correction: an earlier version misstated the date."),
        good("The vote passed 52-48.\n\n______________________________"),
        good("The vote passed 52-48.\n\nTicket details: http://www.example.com/"),
        good("The vote passed 52-48.\n\nFollow us on Twitter\n\nShare this:\n\nFacebook\n\nTwitter"),
        good("WASHINGTON (AP) — The vote passed 52-48 on Tuesday after a long debate.\n\n"
             "— Reporting by Jane Smith; Editing by John Doe"),
        good("The vote passed 52-48 on Tuesday after a long debate. REUTER...",
             title="a wire sign-off"),
        bad("The council met on Monday. It agreed to send the plan back.\n\nGerstner also spoke about",
            "spoke about", note="a preposition is no ending"),
    ],
)
def truncated_body(article: Article, ctx: CheckContext) -> Iterator[Hit]:
    """The article body breaks off: mid-sentence, mid-list, inside bold text, or at a paywall.

    What it does:
        Finds the real end of the body first, setting trailing page chrome aside ("You may also
        like", comment widgets), then judges the last body paragraph: an unclosed emphasis marker
        (``* **Autonomous``), a list item without its ending when the others have one, a sentence
        ending on a comma or a function word, an ellipsis stub (``All...``), an unclosed
        quotation, or a paywall line ("Continue reading", "Subscribe to read"). Clean endings pass:
        photo credits, author bios, AP's ``___`` separator, correction notes, agency tags
        (PTI, AP), "Contributing:" lines.

    Why it matters:
        A cut-off article misleads: the reader gets the setup without the facts, and
        aggregators republish the stub as if it were the story.
    """
    end = article.layout.body_end
    if end < 0:
        return
    chrome = article.layout.furniture
    # Gated on the article's words ("continue", "subscribe", "subscribers"...): a paragraph is
    # a whitespace-bounded slice of the text, so a phrase in it is a phrase of the article.
    for para in article.paragraphs[end:] if may_match(_PAYWALL, article) else ():
        m = _PAYWALL.search(para.text)
        if m and (para.index in chrome or para.index == end or len(para.text.split()) <= 16):
            yield Hit(para.start + m.start(), para.start + m.end(),
                      "the body stops at a paywall or \"read more\" link: the rest of the article is missing",
                      confidence=0.9)
            return
    para = article.paragraphs[end]
    verdict = _verdict(article, para)
    if verdict:
        message, confidence = verdict
        yield Hit(para.start, para.end, f"the article body {message}", confidence=confidence)
