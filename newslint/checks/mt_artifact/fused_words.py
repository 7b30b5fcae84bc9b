"""NL401: two words run together, the trace of link text pasted into a sentence."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator

from ...analysis.vocabulary import distinct_tokens
from ...analysis.words import words_between
from ...article import Article
from ...declaration import CheckContext, bad, check, good
from ...findings import Fix, Hit
from ...lexicon import is_name_form, pos, zipf
from ...text.calendar import CALENDAR_WORDS
from ...text.tokens import looks_like_address, token_around

# "membersGranted", "PostThe": a lowercase letter followed by a capitalised word, inside a token.
_CAMEL = re.compile(r"(?<![\w’'])([A-Za-z]*[a-z])([A-Z][a-z]+)(?=(?:[’']s?)?(?![\w’']))")
#: A lowercase letter right before a capital: the cheap test a paragraph must pass before the
#: token scan above runs on it (most paragraphs have none).
_LOW_UP = re.compile(r"[a-z][A-Z]")
#: The same pairs found from the capital (``m.start() - 1`` is the pair's start): ``re`` skips
#: to capitals in C, where ``_LOW_UP`` tries its pattern at every lowercase letter (2.5x slower).
_UP_AFTER_LOW = re.compile(r"[A-Z](?<=[a-z][A-Z])")
# "[Tren de Aragua]Those": a closing bracket glued to a word.
#: Words that start clauses: glued after a capitalised word ("PostThe") they mark a lost boundary;
#: after a lowercase word any common word does ("membersGranted").
FUNCTION_WORDS = frozenset(
    """the a an more most those these this that who which what when where while there their they
    he she it its we our his her in on at for with from and but or of to as by after before
    since despite during under over into than then some many several""".split()
)
_BRACKET = re.compile(r"\]([A-Za-z][a-z]+)")
# "Salvadorwho": a word with a function word glued to its end.
_TAILS = ("who", "which", "that", "the", "and", "was", "were", "with", "from", "has", "have", "had",
          "said", "will", "would")
_FUNCTION_TAIL = re.compile(r"([A-Za-z]{3,}?)(" + "|".join(_TAILS) + ")")
#: A tail ending a token, searched in the distinct tokens joined by spaces and reversed (with a
#: space put in front): a space, a reversed tail, three ASCII letters. The literal space lets
#: ``re`` go from token to token in C and reject most at their first letter (searched forwards,
#: ``re`` tried the tails at every letter that starts one: 3x the instructions). A token ends in
#: at most one tail (none is the end of another), so each token gives at most one match; the
#: token is then read back and must be ASCII letters only (``_FUNCTION_TAIL`` matching it whole).
_TAIL_END_REVERSED = re.compile(" (?:" + "|".join(
    f"{last}(?:{'|'.join(t[-2::-1] for t in _TAILS if t[-1] == last)})"
    for last in dict.fromkeys(t[-1] for t in _TAILS)) + ")[A-Za-z]{3}")



@check(
    code="NL401",
    name="fused-words",
    category="mt_artifact",
    severity="warning",
    fixable=True,
    examples=[
        bad("Deport alleged gang membersGranted the administration access.", "membersGranted",
            fixed="Deport alleged gang members Granted the administration access."),
        bad("according to Washington PostThe White House feared it.", "PostThe"),
        bad("who are members of [Tren de Aragua]Those who are within the country", "]Those"),
        bad("an agreement with the President of El Salvadorwho agreed to it.", "Salvadorwho"),
        bad("Morrison flew to Baghdad on Monday. He joined the talks in BaghdadMorrison said the "
            "talks were useful.", "BaghdadMorrison",
            note="two names fused: the article uses both on their own"),
        bad("Okonkwo replied later. The senator askedOkonkwo replied that he would.", "askedOkonkwo"),
        good("He bought an iPhone, watched YouTube, ate at McDonald's and sold on eBay."),
        good("The WoodSpring hotel and the SecureDrop tool were named by Wood and Drop Inc."),
        good("BankAmerica said the Bank of America unit and CornwallLive reported it in Cornwall."),
        bad("The envoy met Olga KuritsynaThe talks went on.", "KuritsynaThe"),
        good("Rui met Wen in Beijing, and RuiWen became the name of their firm."),
        good("JPMorgan and PlayStation executives met at LinkedIn and FedEx offices."),
        good("Follow @NewsDesk and #BreakingNews at https://example.com/SomePage."),
        bad("Crowds celebrated Barrow's winJammeh's claims are now in doubt.", "winJammeh",
            note="a possessive after the fused name; a lowercase word before any capitalised one"),
        bad("Spending in the public sectorJohsen Takahashi, an economist, said so.", "sectorJohsen"),
        bad("No reply has come since DecemberSri Lanka imports all its oil.", "DecemberSri",
            note="a month ends a sentence and starts no brand"),
        bad("Ships attacked by Iran were named. Two were attacked by IranDiplomats said they expected "
            "more.", "IranDiplomats", note="the article's own name, then a plural noun opening a sentence"),
        bad("Flights to Tokyo resume. The route between London and TokyoJapan Air Lines flies it. "
            "Japan agreed.", "TokyoJapan", note="two names the article writes on their own"),
        bad("The man looked like a balding Kris KringleWithin this pattern, the study found.",
            "KringleWithin"),
        bad("Trade with Britain grew in part. It moved outside of BritainPart of the reason, he says, is "
            "the tax.", "BritainPart", note="\"part\" is lowercase elsewhere in the article"),
        bad("It ruled on the plant rulesMr. Trump said so.", "rulesMr"),
        good("Wood said the WoodSpring Suites hotel and Cornwall readers of CornwallLive and the "
             "WeWorkers group met; We and Workers agreed."),
    ],
)
def fused_words(article: Article, ctx: CheckContext) -> Iterator[Hit]:
    """Two words are run together with no space ("membersGranted", "El Salvadorwho").

    What it does:
        Flags a lowercase word running straight into a capitalised one (``membersGranted``,
        ``PostThe``), a closing bracket glued to a word (``]Those``), and a word with a function
        word glued to its end (``Salvadorwho``), when both parts are real words and the joined
        form is not. Brand and name shapes (iPhone, YouTube, McDonald's, eBay, JPMorgan,
        LinkedIn), names the article repeats, URLs, handles and hashtags are left alone. The
        article's own names count as words: a name it writes on its own elsewhere, glued to the
        next sentence (``BaghdadMorrison``, ``askedOkonkwo``), is a lost boundary even though
        no dictionary knows it.

    Why it matters:
        Machine rewriting and careless pasting drop the space around hyperlink text. The result
        reads as a non-word and often hides a sentence boundary.
    """
    text = article.text
    # Cheap gates on the whole text first: most articles have no lowercase letter before a
    # capital, no closing bracket and no run of letters ending in a function word.
    # A lowercase letter before a capital is inside a token: the distinct tokens (a third of
    # the text, joined once per article for the word checks) answer whether there is one.
    any_camel = _UP_AFTER_LOW.search(distinct_tokens(article)) is not None
    low_up = [m.start() - 1 for m in _UP_AFTER_LOW.finditer(text)] if any_camel else []
    any_bracket = "]" in text
    tails = _tail_candidates(article)
    if not (any_camel or any_bracket or tails):
        return
    skip = article.layout.furniture_indices
    counts: dict[str, int] = {}
    for para in article.paragraphs:
        if para.index in skip:
            continue
        if any_camel:
            i = bisect_left(low_up, para.start)  # the paragraph holds a lowercase-capital pair
            camel = _CAMEL.finditer(text, para.start, para.end) \
                if i < len(low_up) and low_up[i] + 2 <= para.end else ()
        else:
            camel = ()
        for m in camel:
            left, right = m.group(1), m.group(2)
            token = m.group(0)
            if len(left) < 2 or zipf(token) >= 1.5:
                continue
            if not counts:
                counts = _token_counts(article)
            if counts.get(token, 0) > 1:  # a name the article repeats ("MoveOn")
                continue
            # The article's own names: a part the article also writes on its own is a word,
            # however rare ("talks in BaghdadMorrison said": both are names used elsewhere).
            left_alone = len(left) >= 3 and counts.get(left, 0) >= 1
            right_alone = counts.get(right, 0) >= 1
            opener = _opens_sentence(right)
            if left[0].islower():
                # "winJammeh's", "sectorJohsen Takahashi": a lowercase word running into a
                # capitalised one is no brand shape once the left part is a word (brands that
                # start in lowercase start with one letter: iPhone, eBay).
                if not (zipf(left) >= 1.0 or left_alone) or (
                        len(right) < 3 and not opener and text[m.end():m.end() + 1] != "."):
                    continue  # "rulesMr. Trump", "hereIf you": a title or an opener is enough
            elif not (zipf(left) >= 2.5 or left_alone or (opener and len(left) >= 4)) \
                    or not (zipf(right) >= 3.0 or right_alone):
                continue  # a function word after any name ("KuritsynaThe") is a lost boundary
            elif not opener and not _names_meet(article, left, right, left_alone, right_alone):
                continue  # "WoodSpring", "SecureDrop", "BankAmerica": brand and name shapes
            if _is_address(text, m.start()):
                continue  # last: it indexes the text's tokens
            at = m.start(2)
            yield Hit(m.start(), m.end(),
                      f"\"{token}\" runs two words together; a space is missing before "
                      f"\"{right}\" (often the trace of pasted link text)",
                      suggestion=f"{left} {right}", confidence=0.9 if zipf(right) >= 5 else 0.8,
                      fix=Fix.replace(at, at, " "))
        for m in _BRACKET.finditer(text, para.start, para.end) if any_bracket else ():
            at = m.start(1)
            yield Hit(m.start(), m.end(), f"no space between the closing bracket and \"{m.group(1)}\"",
                      suggestion=f"] {m.group(1)}", confidence=0.85, fix=Fix.replace(at, at, " "))
        for w in words_between(article, para.start, para.end) if tails else ():
            token = w.text
            if token not in tails:
                continue
            split = _FUNCTION_TAIL.fullmatch(token)
            assert split is not None  # a candidate
            head, tail = split.group(1), split.group(2)
            if zipf(head) < 3.0 and not _elsewhere(article, head, w.start):
                continue
            if _is_address(text, w.start):
                continue
            at = w.start + len(head)
            yield Hit(w.start, w.end,
                      f"\"{token}\" runs \"{head}\" and \"{tail}\" together; a space is missing",
                      suggestion=f"{head} {tail}", confidence=0.8, fix=Fix.replace(at, at, " "))


#: Tags of words that open sentences but do not end brand names: determiners, prepositions,
#: adverbs, pronouns, conjunctions, modals ("MoroccoOther", "OctoberEarlier", "GeneralAccording");
#: a noun ("WoodSpring", "WeWorkers") is a brand's second half.
_OPENER_TAGS = ("DT", "IN", "RB", "PRP", "CC", "WDT", "WRB", "WP", "JJR", "MD", "EX", "PDT", "VBG")


#: Auxiliaries and a few adjectives that open sentences (questions: "Was this ...") but end no brand.
_AUX_OPENERS = frozenset("other new was were is are has have had did does do".split())


def _opens_sentence(word: str) -> bool:
    """Whether a capitalised ``word`` reads as the first word of a sentence, not of a brand."""
    lower = word.lower()
    if zipf(lower) < 4.0:
        return False  # "Wen" (a name the lexicon happens to tag): openers are common words
    return lower in FUNCTION_WORDS or (pos(lower) or "").startswith(_OPENER_TAGS) or lower in _AUX_OPENERS


#: Calendar words end sentences ("... since December.") and start no brand.
_CALENDAR = CALENDAR_WORDS


def _names_meet(article: Article, left: str, right: str, left_alone: bool, right_alone: bool) -> bool:
    """Whether a capitalised ``left`` glued to a capitalised ``right`` is two of the article's
    own words meeting at a lost sentence boundary rather than one brand or name:

    * ``left`` is a month or a weekday ("since DecemberSri Lanka", "FridayJune bonds");
    * ``right`` is a plural common noun opening the next sentence, after a name or a word the
      article writes on its own ("attacked by IranDiplomats said", "beet crop in
      SpainDisputes between", "the Animal ShelterOfficials will");
    * ``left`` is a name, not a common word, that the article writes on its own, and ``right``
      is either a name the article writes on its own too ("London and TokyoJapan Air Lines",
      "in BaghdadMorrison said") or a common word the article writes in lowercase elsewhere
      (its case pattern says it is capitalised here only because a sentence starts: "outside
      of BritainPart of the reason"). A common word on the left makes a brand ("BankAmerica",
      "CoinMarket")."""
    if left in _CALENDAR and len(right) >= 2:
        return True
    name = pos(left.lower()) is None
    if len(left) < 4 or left.lower() in FUNCTION_WORDS or not (left_alone or name):
        return False
    if (pos(right.lower()) or "") == "NNS" or (pos(right) or "") == "NNPS":
        return True
    if not (name and left_alone):
        return False
    if right_alone and (is_name_form(right) or zipf(right) < 3.0):
        return True
    lower = right.lower()
    return zipf(lower) >= 3.0 and lower in article.word_set


def _tail_candidates(article: Article) -> set[str]:
    """The article's distinct tokens that may be a word with a function word glued to its end
    ("Salvadorwho"): 6+ letters, a split by :data:`_FUNCTION_TAIL`, never written on the web.
    One search of the distinct tokens joined, reversed, for a tail ending a token
    (:data:`_TAIL_END_REVERSED`, a few matches an article), each token read back, where a filter of every token through ``str.endswith`` with 15 tails and a
    ``fullmatch`` cost ~1,800 instructions a token (85M of a cold pass over the clean corpus,
    the check's largest part); the paragraphs are then walked only in the rare article that has
    one. (A per-process set of the tokens already cleared cost more to consult than the C calls
    a token: its look-ups miss the cache.)"""
    reversed_tokens = " " + distinct_tokens(article)[::-1]
    out = set()
    for m in _TAIL_END_REVERSED.finditer(reversed_tokens):
        end = reversed_tokens.find(" ", m.end())
        token = reversed_tokens[m.start() + 1:end if end >= 0 else len(reversed_tokens)][::-1]
        if token.isascii() and token.isalpha() and zipf(token) == 0:
            out.add(token)
    return out


def _is_address(text: str, index: int) -> bool:
    start, end = token_around(text, index)
    return looks_like_address(text[start:end])


def _token_counts(article: Article) -> dict[str, int]:
    def build(a: Article) -> dict[str, int]:
        counts = a.word_counts
        out: dict[str, int] = dict(counts)
        for text, n in counts.items():
            if text.endswith(("’s", "'s")):
                base = text.removesuffix("’s").removesuffix("'s")
                if base != text:  # "Jammeh's" is a use of "Jammeh"
                    out[base] = out.get(base, 0) + n
        return out

    return article.memo("mt.token_counts", build)


def _elsewhere(article: Article, word: str, not_at: int) -> bool:
    """Whether ``word`` stands alone somewhere else in the article."""
    n = article.word_counts.get(word, 0)
    if n != 1:
        return n > 1
    starts = article.word_starts
    i = bisect_left(starts, not_at)  # the one use: elsewhere unless it is the one at not_at
    return not (i < len(starts) and starts[i] == not_at and article.word_texts[i] == word)
