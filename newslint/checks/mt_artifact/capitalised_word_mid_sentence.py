"""NL402: a common word capitalised in the middle of a sentence."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from ...analysis.words import sentence_start_offsets
from ...article import Article
from ...bounded import remember
from ...declaration import CheckContext, bad, check, good
from ...findings import Fix, Hit
from ...lexicon import CACHE_WORDS, pos, zipf
from ...text.segment import Span
from ...worddata.case import capital_share
from ..capitalization._names import case_bytes

_TITLE_WORD = re.compile(r"[A-Z][a-z]{2,}")
_CANDIDATE = re.compile(r"[\w,] +[A-Z][a-z]{2,} +[a-z]")
#: Tags of the lowercase form that make a capital suspicious: verbs and function words. Nouns,
#: adjectives and adverbs are left alone: too many are names or parts of names ("Democratic",
#: "Western", "Polish", "the Left").
_SUSPECT_TAGS = ("VB", "DT", "PDT", "IN", "PRP", "MD", "WDT", "WRB", "CC", "EX")
_OPENERS = set("“\"‘'([:—–-/")
#: Tags of nouns, adjectives and adverbs: their capitalised form is flagged only when general
#: text does not write it as a name and the article does not either.
_CONTENT_TAGS = ("NN", "JJ")
#: Words before which a capitalised noun is usually a title or a name ("the Annual Report",
#: "a Senate hearing" are caught by the lexicon; "of Finance" after "Ministry" by the capital).
_DETERMINERS = frozenset("a an the this that these those their his her its our my your several some "
                         "many few each every any no first second new".split())


#: Verbs and function words never sit inside a multi-word name, so a capital after a name
#: ("Reagan Has approved", "Heller Told reporters") is damage too.
_NEVER_IN_NAMES = ("VBZ", "VBD", "VBP", "MD", "DT", "EX", "PRP", "WDT", "WRB", "CC")


def _in_title(words: list, i: int) -> bool:
    """Whether ``words[i]`` sits in a run of title case: capitalised words two places before
    and after it, across small words ("Much for Just the Planet")."""
    def cap(j: int) -> bool:
        return 0 < j < len(words) and words[j].text[:1].isupper() and words[j].text[1:2].islower()

    return cap(i - 2) and cap(i + 2)


def _lowercase_uses(article: Article) -> Counter[str]:
    """How often each word appears in the article as written: looked up with a lowercase word,
    how often the article writes it in lowercase (the article's token counts, shared with the
    capitalization checks)."""
    return article.word_counts


class _MidSentenceCapitals:
    """How often a capitalised word appears where its capital is not owed to the position (not
    at a sentence start, not after a dateline dash, a colon or a quote mark): "The" opens many
    sentences but is no name.

    Counted on demand, per word asked about (a dozen per article), by finding the word's
    occurrences as a whole word token, instead of a pass over every word of the article. The
    check only asks whether there is more than one (:meth:`several`): not when the article
    has the token once (its token counts, shared), and the count stops at two."""

    def __init__(self, article: Article) -> None:
        self._article = article
        self._counts: dict[str, int] = {}
        self._several: dict[str, bool] = {}

    def get(self, word: str, default: int = 0) -> int:
        """The count for ``word`` (a word token as written), or ``default`` when it is 0."""
        count = self._counts.get(word)
        if count is None:
            count = self._counts[word] = self._count(word)
        return count or default

    def several(self, word: str) -> bool:
        """Whether the count for ``word`` is more than one (``get(word) > 1``)."""
        found = self._several.get(word)
        if found is None:
            found = self._several[word] = self._article.word_counts.get(word, 0) > 1 and self._count(word, 2) > 1
        return found

    def _count(self, word: str, stop: int = 0) -> int:
        """The count, or ``stop`` once that many are found (0: no stop)."""
        if not word[:1].isupper():
            return 0
        a = self._article
        text = a.text
        starts = sentence_start_offsets(a)
        word_starts, word_ends = a.word_starts, a.word_ends
        n = len(text)
        count = 0
        at = text.find(word)
        while at >= 0:
            end = at + len(word)
            if _token_at(text, at, end, n) and at not in starts:
                i = bisect_left(word_starts, at)
                if i > 0:
                    gap = text[word_ends[i - 1]:at]
                    if gap == " " or not (any(ch in _OPENERS for ch in gap) or "." in gap or "\n" in gap):
                        count += 1
                        if count == stop:
                            break
            at = text.find(word, at + 1)
        return count


def _token_at(text: str, start: int, end: int, n: int) -> bool:
    """Whether ``text[start:end]`` (a word token's spelling) is a whole word token there: no
    letter or digit, nor a joiner after one, before it; none, nor a joiner before one, after."""
    if start and (text[start - 1].isalnum() or (
            text[start - 1] in "'’-" and start > 1 and text[start - 2].isalnum())):
        return False
    return not (end < n and (text[end].isalnum() or (
        text[end] in "'’-" and end + 1 < n and text[end + 1].isalnum())))


def _mid_sentence_capitals(article: Article) -> _MidSentenceCapitals:
    """:class:`_MidSentenceCapitals` of the article, shared by the check's helpers."""
    return article.memo("mt.mid_sentence_capitals", _MidSentenceCapitals)


def _in_name_phrase(words: list, i: int) -> bool:
    """Part of a name joined by small words: "Securities and Exchange", "Department of
    Transportation", "Comptroller of the Currency"."""
    after = [w.text for w in words[i + 1:i + 3]]
    if len(after) == 2 and after[0] in ("of", "for", "and", "&", "de", "du", "on") and after[1][:1].isupper():
        return True
    before = [w.text for w in words[max(0, i - 3):i]]
    return len(before) >= 2 and before[-1] in ("of", "for", "and", "the", "on") and (
        before[-2][:1].isupper() or (before[-2] in ("of", "for") and len(before) == 3 and before[0][:1].isupper()))


def _common_reading(words: list, i: int, tag: str, lowercase_elsewhere: bool = False) -> bool:
    """Whether the capitalised noun or adjective ``words[i]`` reads as a common word.

    It must sit where a common noun phrase goes, after a determiner, a quantifier or an
    adjective ("the Annual budget", "their first Meeting", "several Witnesses", "a Sudden
    change"), and not look like part of a title ("Writ of Error", "Comptroller of the
    Currency"), a proper adjective ("Western", "Democratic", "French": the suffixes of places
    and peoples) or a party ("the Conservatives": a plural of an adjective).
    """
    word, prev = words[i].text, words[i - 1].text.lower()
    if prev not in _DETERMINERS and not (pos(prev) or "").startswith(("JJ", "CD")) and not (
            lowercase_elsewhere and not (pos(prev) or "").startswith(("IN", "TO"))):
        return False  # the article writing the word in lowercase elsewhere frees the slot
    after = [w.text for w in words[i + 1:i + 3]]
    if len(after) == 2 and after[0] in ("of", "for", "and", "&") and after[1][:1].isupper():
        return False
    if i >= 2 and words[i - 2].text in ("of", "for") and prev == "the":
        return False
    lower = word.lower()
    if tag.startswith("JJ") and lower.endswith(_PROPER_ADJECTIVE_ENDINGS):
        return False
    if tag == "NNS" and (pos(lower[:-1]) or "").startswith("JJ"):
        return False
    return True


#: Auxiliaries: the verb after one is no name, however often general text capitalises it.
_AUXILIARIES = frozenset("has have had is are was were be been being will would shall should can could may might must".split())
#: Kinds of publication and programme: the capital before one is the title ("the Times
#: newspaper", "the Today programme").
_MEDIA = frozenset("""newspaper newspapers magazine journal daily weekly tabloid channel network
    website programme program show podcast broadcaster""".split())
#: Name particles and foreign connectors: a capital next to one is part of a name.
_PARTICLES = frozenset("van von de del della der den du da di dos das le la et y bin ibn al fuer für und".split())
#: Determiners before a body named by its common noun ("the Government", "our Government").
_DEFINITE = frozenset("the our its their this that".split())
#: Nouns that name institutions when capitalised after "the", beyond the title words and generic
#: heads of the capitalization checks: house styles write "the Bank", "the Budget", "the Fund".
_MORE_INSTITUTIONS = frozenset("""bank cabinet budget exchange treasury community parliament senate
    congress assembly church army navy crown court union fund commonwealth republic kingdom
    embassy head office organization organisation corporation federation alliance coalition
    society league centre center academy foundation trust""".split())


@lru_cache(maxsize=1)
def _institutions() -> frozenset[str]:
    """Title words and institution nouns: capitalised, they name one office or body."""
    from ..capitalization._names import title_words
    from ..capitalization.entity_variant import GENERIC_HEADS
    return title_words() | GENERIC_HEADS | _MORE_INSTITUTIONS


def _name_before(article: Article, prev, gap: str) -> bool:
    """Whether the word before is a name (a capitalised word or an acronym, no comma between),
    and not a common word capitalised by its position ("The Fully underwritten program"). Names
    end in plurals and participles often ("Securities Dealers", "Interbank Offered Rates",
    "Operation Pitting"), so a capital after a name is left alone whatever its part of speech."""
    if not prev.text[:1].isupper() or "," in gap:
        return False
    if prev.start in sentence_start_offsets(article) and (
            (pos(prev.text.lower()) or "NNP").startswith(("DT", "IN", "PRP", "CC", "WDT", "WRB", "EX"))
            or not (pos(prev.text) or "NNP").startswith("NNP")):
        return False  # "The", "It", "Much": capitalised by position; "Big Tech", "Live Nation" are names
    return True


def _institution_phrase(article: Article, words: list, i: int, lower: str) -> bool:
    """A name made of an institution or title word and what it governs ("Group of 10", "Head of
    the EC Delegation", "Ministry of Economic Affairs"), the tail of such a name ("Bureau of
    Prisons"), or a title-case phrase ("Refugees in Towns Project"). A common noun before
    "of" + a name is no name by itself ("the sole Owner of MTS Acquisition")."""
    after = [w.text for w in words[i + 1:i + 4]]
    if len(after) >= 2 and after[0] in ("and", "&") and after[1][:1].isupper():
        return True  # "Chemicals and Plastics", "Science and Nature": names joined
    if i >= 2 and words[i - 1].text.isdigit() and words[i - 2].text[:1].isupper():
        return True  # "Standard and Poor's 500 Index"
    if len(after) >= 2 and after[0] in ("of", "for", "and", "&", "de", "du") and (
            after[1][:1].isupper() or (after[0] == "of" and after[1][:1].isdigit())
            or (after[1] == "the" and len(after) == 3 and after[2][:1].isupper())) and (
            lower in _institutions() or lower.rstrip("s") in _institutions()):
        return True
    if len(after) == 3 and after[0] in ("in", "on", "at", "to") and all(
            w[:1].isupper() and w[1:2].islower() for w in after[1:]):
        return True  # "Refugees in Towns Project"; not "the sole Owner of MTS Acquisition"
    before = words[max(0, i - 3):i]

    def name(w: Any) -> bool:  # a capital not owed to a sentence start ("In the", "Closing of the")
        return w.text[:1].isupper() and not (w.start in sentence_start_offsets(article) and (
            pos(w.text.lower()) or "NNP") != "NNP")
    return len(before) >= 2 and before[-1].text in ("of", "for", "and", "the", "on") and (
        name(before[-2]) or (before[-2].text in ("of", "for") and len(before) == 3 and name(before[0])))


#: Capital shares in general text (``newslint.worddata.case``) below which a capital mid-sentence
#: is suspect: sentence starts alone give a plain common word a few per cent ("inflation" 0.07,
#: "levels" 0.01), words that are often names have far more ("union" 0.39, "senate" 0.69). The
#: higher bar applies when the article itself writes the word in lowercase elsewhere.
RARE_CAPITAL = 0.10
RARE_CAPITAL_LOWER_ELSEWHERE = 0.20
#: Number words sit in names only next to other capitals ("Group of Seven", "the Big Three"):
#: between lowercase words a higher share still reads as a slip ("decline Seven pct").
RARE_CAPITAL_NUMBER = 0.30
_ORDINALS = frozenset("""first second third fourth fifth sixth seventh eighth ninth tenth eleventh
    twelfth twentieth hundredth thousandth""".split())


def _rarely_capitalised(article: Article, words: list, i: int, names: _MidSentenceCapitals) -> bool:
    """Whether the capitalised ``words[i]`` is a common word that general text seldom writes
    with a capital and that this article uses as a name nowhere else: "the Annual budget",
    "job Losses", "the underlying rate of Inflation".

    "Seldom" is a share of capitals in general text (``newslint.worddata.case``) under
    ``RARE_CAPITAL``; under ``RARE_CAPITAL_LOWER_ELSEWHERE`` when the article writes the word
    in lowercase elsewhere or the lexicon never tags the capitalised form as a name; under
    ``RARE_CAPITAL_NUMBER`` for number words. Evidence that it is a name wins, each a general
    shape of names in running text:

    - another capital for it mid-sentence in the article (the count includes this one);
    - a capitalised word or an acronym just before it ("Council Meeting", "RKO General"),
      unless it is a finite verb, a participle, an adverb or a preposition ("World Bank
      Sponsored", "Entry Into"); a sentence-start word the lexicon does not know as a name
      ("The", "Much") is no name;
    - title case around it, an institution phrase ("Ministry of Economic Affairs", "Group of
      10", "Head of the EC Delegation"), names joined by "and" ("Chemicals and Plastics"), a
      number inside a name ("Poor's 500 Index"), a title-case phrase ("Refugees in Towns");
    - the month beside the modal ("in May"; not "it May rain");
    - a verb form heading a noun phrase after a determiner ("the Left that");
    - an abbreviation point or closing punctuation after it ("Kent, Wash.-based", "the
      Bridge:"), a name particle beside it ("Cent van Vliet"), a title word after it
      ("Planning minister");
    - an institution noun after "the"/"our"/a possessive ("the Government", "the Bank"), unless
      the article writes the same two words in lowercase elsewhere ("the board ... the Board");
    - a subject after a comma followed by a verb ("last year, Coffin said");
    - the object of a preposition closed by punctuation ("the performance of Metal, we").

    A participle after an auxiliary is never a name ("has Enhanced voting rights").
    """
    word = words[i].text
    prev, nxt = words[i - 1], words[i + 1]
    text = article.text
    gap_before, gap_after = text[prev.end:words[i].start], text[words[i].end:nxt.start]
    lower = word.lower()
    if names.several(word) or _in_title(words, i) or _institution_phrase(article, words, i, lower):
        return False
    share = capital_share(lower)
    if share is None:
        return False
    lower_elsewhere = _lowercase_uses(article).get(lower, 0) >= 1
    tag, cap_tag, next_tag = pos(lower) or "", pos(word) or "", pos(nxt.text) or ""
    if prev.text.lower() in _AUXILIARIES and tag.startswith(("VBN", "VBG")) and share < RARE_CAPITAL_NUMBER:
        return True  # "has Enhanced voting rights": a participle after an auxiliary is no name
    # The lexicon's tag for the capitalised form says whether edited text (the Wall Street
    # Journal, the Brown corpus) used it as a name; "Total" JJ, "Anyone" NN: never.
    bar = RARE_CAPITAL_LOWER_ELSEWHERE if lower_elsewhere or (cap_tag and not cap_tag.startswith("NNP")) \
        else RARE_CAPITAL
    if tag == "CD" or lower in _ORDINALS:
        bar = RARE_CAPITAL_NUMBER  # "decline Seven pct", "the Ninth consecutive": numbers
    if share >= bar or (share >= RARE_CAPITAL and tag != "CD" and _in_name_phrase(words, i)):
        return False  # above the plain bar, any name phrase wins ("Heat of Fusion")
    if _name_before(article, prev, gap_before) and not (
            tag.startswith(("VBZ", "VBD", "VBN", "RB", "IN", "CC")) and share < RARE_CAPITAL):
        return False  # "Council Meeting", "RKO General", "Moody's Investors"; not "World Bank Sponsored"
    if cap_tag.startswith("NNP") and tag == "MD" and not (
            (pos(prev.text.lower()) or "").startswith(("PRP", "MD", "TO", "RB", "VB"))):
        return False  # "in May": the month beside the modal; not "it May rain"
    if tag.startswith("VB") and (pos(prev.text.lower()) or "").startswith("DT") and \
            not next_tag.startswith(("NN", "JJ")):
        return False  # "the Left that": a verb form heading a noun phrase is a name; not "the Offered price"
    if "." in gap_after or any(c in gap_after for c in ":;)>'’"):
        return False  # "Kent, Wash.-based": an abbreviation; "Spider on the Bridge:": a title
    if nxt.text in _PARTICLES or (prev.text in _PARTICLES and i >= 2 and words[i - 2].text[:1].isupper()):
        return False  # "Cent van Vliet", "Radio del Plata", "Industriel et Commercial"
    if nxt.text.lower() in _MEDIA:
        return False  # "the Times newspaper", "the Independent newspaper": a publication's name
    if nxt.text.lower() in _institutions() and not (tag.startswith("JJ") and prev.text.lower() in ("a", "an", "the")):
        return False  # "Planning minister Joao Sayad", "a Cabinet post": part of a title
    if (prev.text.lower() in _DEFINITE or prev.text.endswith(("'s", "’s"))) and (
            lower in _institutions() or lower.rstrip("s") in _institutions()) and not re.search(
                rf"\b(?i:{re.escape(prev.text)}) {re.escape(lower)}\b", text):
        return False  # "the Government", "our Government", "the Bank": a body; not "the board ... the Board"
    if "," in gap_before and next_tag.startswith(("VBD", "VBZ", "MD")) and not tag.startswith(("VB", "MD")):
        return False  # "last year, Coffin said": a name as the subject
    if any(c in gap_after for c in ",;:)") and (pos(prev.text) or "").startswith(("IN", "TO")):
        return False  # "the performance of Metal, we ran": a name as an object
    return True


#: A word token that is a title-case word of three letters or more (``_TITLE_WORD`` as a whole
#: token), capital first so that re skips to capitals in C; not followed by a word starting with
#: a capital or a digit (``nxt.text[:1].islower()`` fails for those: names, "Attorney General").
_TITLE_TOKEN = re.compile(
    r"[A-Z](?<![^\W_][A-Z])(?<![^\W_]['’\-][A-Z])[a-z]{2,}(?![^\W_])(?!['’\-][^\W_])(?![\W_]*+[A-Z0-9])")
#: ``_CANDIDATE`` with its first space consumed before the look-behind: the same sentences pass.
_CANDIDATE_FAST = re.compile(r" (?<=[\w,] ) *[A-Z][a-z]{2,} +[a-z]")
#: ``_TITLE_TOKEN`` and ``_CANDIDATE_FAST`` for the article's ``case_bytes`` (capitals are "U",
#: "’" is "'"): the same spans. The capital, a literal now, comes first.
_TITLE_TOKEN_BYTES = re.compile(
    rb"U(?<![^\W_]U)(?<![^\W_]['\-]U)[a-z]{2,}(?![^\W_])(?!['\-][^\W_])(?![\W_]*+[U0-9])")
_CANDIDATE_BYTES = re.compile(rb" (?<=[\w,] ) *U[a-z]{2,} +[a-z]")


def _title_words_inside(article: Article) -> Iterator[tuple[int, int, int]]:
    """Each title-case word (``_TITLE_WORD``) not known to be ruled out by the word alone
    (:func:`_may_flag` said False for it earlier in the process), that is neither the first
    nor the last word of its prose sentence, and is followed by a word starting with a
    lowercase letter, in a sentence with a capitalised word between lowercase ones
    (``_CANDIDATE``): as its index in the article's words and the sentence's word range
    ``lo, hi`` (``article.words[lo:hi]``), in text order.

    One scan of each prose paragraph with a candidate finds the title-case words (the same
    matches a scan of each sentence finds: a match is a whole token, and what its look-aheads
    read lies before the next token, inside the sentence); the word alone rules most out
    (names, nouns that are often names: one dict look-up each, for the words met before; a
    new word is judged by the check after the tests of its position); only the rest are placed
    in their sentence (sentences in order beside the matches), whose gate is then tested,
    once. No span is built here."""
    text = article.text
    word_starts, word_texts = article.word_starts, article.word_texts
    verdicts = _VERDICTS
    sentence_starts = sentence_start_offsets(article)
    raw = case_bytes(article)
    hay: Any
    title_token: re.Pattern[Any]
    candidate: re.Pattern[Any]
    if raw is None:
        hay, title_token, candidate = text, _TITLE_TOKEN, _CANDIDATE_FAST
    else:  # the same spans, found at a fraction of the cost (see case_bytes)
        hay, title_token, candidate = raw, _TITLE_TOKEN_BYTES, _CANDIDATE_BYTES
    for para in article.layout.prose:
        if not candidate.search(hay, para.start, para.end):
            continue  # a sentence's match is one in its paragraph too (more context, no less)
        sentences = article.sentences_of(para)
        at = 0
        bounds: tuple[int, int] | None = None  # the word range of sentences[at], once asked
        passes: bool | None = None  # whether sentences[at] passes the gate, once asked
        for m in title_token.finditer(hay, para.start, para.end + 2):
            start, end = m.span()
            if start in sentence_starts or verdicts.get(text[start:end]) is False:
                continue  # a sentence's first word ("The", "But": known words, judged each time)
            while at < len(sentences) and sentences[at].end <= start:
                at += 1
                bounds = passes = None
            if at == len(sentences):
                break
            sentence = sentences[at]
            if start < sentence.start:
                continue  # between two sentences: in neither
            if bounds is None:
                bounds = (bisect_left(word_starts, sentence.start), bisect_left(word_starts, sentence.end))
            lo, hi = bounds
            k = bisect_left(word_starts, start, lo, hi)
            if not (lo < k < hi - 1) or not word_texts[k + 1][:1].islower():
                continue
            if passes is None:  # (searched in the sentence alone: a match starts after its
                # first character, where the look-behind reads inside the sentence)
                passes = candidate.search(hay, sentence.start + 1, sentence.end) is not None
            if passes:
                yield k, lo, hi


def _window(article: Article, k: int, lo: int, hi: int) -> tuple[list, int]:
    """The words around ``article.words[k]`` that the helpers read, as spans: three before it
    and three after it, within its sentence ``[lo, hi)``; and its index there.

    The helpers see what they saw in the sentence's whole word list: the slices they take
    (``words[i + 1:i + 4]``, ``words[max(0, i - 3):i]``) are the same words, and the window
    starts at the sentence's first word whenever an index they test against 0 could reach it
    (``_in_title`` asks for ``0 < i - 2``; ``i - 2`` is the window's 1 when it starts later)
    and ends at the sentence's end whenever ``i + 2 < len(words)`` could fail."""
    a, b = max(lo, k - 3), min(hi, k + 4)
    return list(map(Span, article.word_starts[a:b], article.word_ends[a:b], article.word_texts[a:b])), k - a


#: Verdicts of :func:`_word_may_be_flagged`, per title-case word; emptied when full (a word
#: forgotten is only looked up again), so a stream of new words keeps memory flat.
_VERDICTS: dict[str, bool] = {}


def _may_flag(word: str) -> bool:
    """:func:`_word_may_be_flagged`, cached per word (a property of the word alone)."""
    return remember(_VERDICTS, CACHE_WORDS, _word_may_be_flagged, word)


def _word_may_be_flagged(word: str) -> bool:
    """Whether the title-case ``word`` can be flagged anywhere, from what the check reads about
    the word alone: False only where every path of the check to a finding is closed.

    - a word rarer than Zipf 3 is never flagged;
    - :func:`_rarely_capitalised` holds only under a capital share below its highest bar
      (``RARE_CAPITAL_NUMBER`` for number words and for participles after an auxiliary,
      ``max(RARE_CAPITAL, RARE_CAPITAL_LOWER_ELSEWHERE)`` otherwise);
    - otherwise a finding needs a lowercase form the lexicon knows: a verb or function word
      whose capitalised form is not another part of speech (bar "VB" with an "NNP" form and
      Zipf 4.5), an adverb whose capitalised form is one too, or a noun or adjective whose
      capitalised form is no proper noun. Names ("Reagan": unknown in lowercase, no share)
      and nouns that are often names fail all of these."""
    lower = word.lower()
    if zipf(lower) < 3.0:
        return False
    tag = pos(lower)
    if tag is not None and tag.startswith(_JUDGED_TAGS) and _tag_allows(word, lower, tag, pos(word) or ""):
        return True
    share = capital_share(lower)  # (read last: the word data of a new word costs most)
    if share is None:
        return False
    number = tag == "CD" or lower in _ORDINALS or (tag or "").startswith(("VBN", "VBG"))
    return share < (RARE_CAPITAL_NUMBER if number else max(RARE_CAPITAL, RARE_CAPITAL_LOWER_ELSEWHERE))


def _tag_allows(word: str, lower: str, tag: str, cap_tag: str) -> bool:
    """Whether the parts of speech of ``lower`` and of ``word`` leave the check a path to a
    finding other than :func:`_rarely_capitalised` (the branches after it, read alone)."""
    if tag.startswith(_SUSPECT_TAGS):
        return not (cap_tag and cap_tag[:2] != tag[:2] and not (
            cap_tag.startswith("NNP") and tag == "VB" and zipf(lower) >= 4.5))
    if tag.startswith("RB"):
        return cap_tag[:2] == tag[:2]
    return tag.startswith(_CONTENT_TAGS) and not cap_tag.startswith("NNP")


#: Tags the branches after :func:`_rarely_capitalised` judge at all.
_JUDGED_TAGS = (*_SUSPECT_TAGS, "RB", *_CONTENT_TAGS)


#: Endings of adjectives made from places, peoples and creeds ("Western", "Democratic", "Soviet",
#: "French", "Polish", "Chinese", "Iraqi", "American").
_PROPER_ADJECTIVE_ENDINGS = ("ern", "ic", "an", "ish", "ese", "ch", "et", "i")


@check(
    code="NL402",
    name="capitalised-word-mid-sentence",
    category="mt_artifact",
    severity="info",
    fixable=True,
    examples=[
        bad("Rubio agreed to release informants protected by the US government Reach agreement "
            "with him.", "Reach"),
        bad("The president agreed indefinitely Detain dozens of Venezuelan exiles.", "Detain",
            fixed="The president agreed indefinitely detain dozens of Venezuelan exiles."),
        bad("On 18th July, Following trilateral talks, the men were repatriated.", "Following"),
        good("The Democratic nominee and Western allies met Polish officials to Just Eat's dismay."),
        bad("The council approved the Annual budget on Monday.", "Annual",
            note="an adjective capitalised: general text does not write it as a name"),
        bad("Their first Meeting was held in a small room.", "Meeting"),
        bad("Police interviewed several Witnesses after the crash.", "Witnesses"),
        good("Senators met at the White House with President Biden and the Justice Department."),
        good("The measure passed the Senate and went to the House floor on Tuesday."),
        good("Voters backed the Liberal candidate, and the Liberal party won the seat."),
        good("He wrote two novels (How Much for Just the Planet?, a delight) in a year."),
        good("The headline read 'We Hope Biden Has a Plan for Handling Title 42 Ending' on Monday."),
        bad("The bank said it would raise the rate. Reagan Has approved the bank's plan.", "Has",
            note="a verb never sits inside a name, so a capital after a name is damage too"),
        bad("The rise in prices was modest, and analysts expected another modest rise, a Sudden "
            "change from last year.", "Sudden"),
        good("A Western diplomat said the Soviet market and the Democratic leaders were wary."),
        good("Texaco applied for a Writ of Error filed by the Office of the Comptroller of the "
             "Currency last week, and the Conservatives will win."),
        good("The proposal by Trump was rejected, and Trump said he would appeal."),
        good("He wrote: “Several of them were there.” Then he left for Washington on Monday."),
        bad("West Germany faced a dilemma, as the underlying rate of Inflation was two pct.",
            "Inflation", note="a noun general text seldom capitalises (case-share table), no name "
            "evidence in the article"),
        bad("Unemployment rose because of higher job Losses in the steel industry.", "Losses"),
        bad("The company said the stock has Enhanced voting rights.", "Enhanced",
            note="a participle after an auxiliary is no name"),
        bad("Sugar output will decline Seven pct this year, the ministry said.", "Seven"),
        bad("The board met on Monday. A member of the Board which regulates banks spoke.", "Board",
            note="an institution noun the article also writes in lowercase after the same word"),
        good("A poll published in the Times newspaper and the Independent newspaper showed a lead.",
             title="a publication named before its kind"),
        good("Sumita said the Government will take adequate measures in May.",
             title="a body named by its common noun; a month"),
        good("Finance ministers from the Group of 10 met, spokesman Cent van Vliet said.",
             title="an institution phrase; a name particle"),
        good("Shares rose in Kent, Wash.-based firms and the Standard and Poor's 500 Index, rather "
             "than in Chemicals and Plastics.",
             title="an abbreviation; a number inside a name; names joined by and"),
    ],
)
def capitalised_word_mid_sentence(article: Article, ctx: CheckContext) -> Iterator[Hit]:
    """A common word (a verb, an adjective) is capitalised in the middle of a sentence.

    What it does:
        Flags a capitalised word between two lowercase words when its lowercase form is a common
        verb, adjective, adverb or function word, the capitalised form is not a known name, and
        the article does not use it as a name elsewhere: ``indefinitely Detain dozens``,
        ``US government Reach agreement``. Names, titles, acronyms, headings, list items,
        quotations and words after a colon or an opening quote are left alone.

        Any common word, nouns included ("job Losses", "the rate of Inflation", "several
        Witnesses"), is flagged when general English seldom writes it with a capital (under 10
        in 100 uses, sentence starts included, from the case-share table of
        ``newslint.worddata.case``; under 20 when the article writes it in lowercase elsewhere or
        the lexicon never tags the capitalised form as a name; under 30 for number words) and the
        article gives no sign that it is a name: no other capital for it mid-sentence, no name or
        acronym just before it, no title case or institution phrase around it ("Group of 10",
        "Head of the EC Delegation"), no name particle next to it ("Cent van Vliet"), no
        abbreviation point or closing punctuation after it, and no institution noun after "the"
        that the article never writes in lowercase after the same word ("the Government", "the
        Bank"). A participle after an auxiliary ("has Enhanced voting rights") is never a name.

        Info by default: on edited news (issue 13's clean material) most capitals it found were
        names it could not know (a firm, "Dillon, Read and Co"; a paper, "the Today newspaper";
        an index, "the Nifty"; a title of a work): 1 of 8 warnings right on the checking half,
        2 of 20 judged on the tuning half. It is meant for machine-rewritten copy; raise its
        severity in the configuration there.

    Why it matters:
        Machine rewriting capitalises the first word of hyperlink text, leaving "Detain" or
        "Reach" mid-sentence. Readers stumble, and the capital often hides a broken sentence.
    """
    text = article.text
    names = _mid_sentence_capitals(article)
    word_starts, word_ends, word_texts = article.word_starts, article.word_ends, article.word_texts
    quotes = article.quotes
    last_quote, q = len(quotes) - 1, -1  # the last quotation starting at or before the word
    for k, lo, hi in _title_words_inside(article):
        start = word_starts[k]
        gap = text[word_ends[k - 1]:start]
        if gap != " " and (any(ch in _OPENERS for ch in gap) or "." in gap):
            continue
        while q < last_quote and quotes[q + 1].start <= start:
            q += 1
        if (q >= 0 and start < quotes[q].end) or names.several(word_texts[k]) or not _may_flag(word_texts[k]):
            continue  # quoted (article.in_quote, the quotations walked beside the words); cheap
            # tests first: a new word's look-ups in the word data cost most
        words, i = _window(article, k, lo, hi)
        w = words[i]
        prev = words[i - 1]
        after_name = prev.text[:1].isupper() and not prev.text.isupper() and "," not in gap
        lower = w.text.lower()
        tag = pos(lower)
        cap_tag = pos(w.text)
        if _rarely_capitalised(article, words, i, names):
            pass  # general text seldom capitalises it and this article never else does
        elif tag is None:
            continue  # a word the lexicon does not know: no part of speech to judge by
        elif tag.startswith(_SUSPECT_TAGS):
            if cap_tag and cap_tag[:2] != tag[:2] and not (
                    cap_tag.startswith("NNP") and tag == "VB" and zipf(lower) >= 4.5):
                continue  # the capitalised form is its own word ("Polish", "the Left")
            if _in_title(words, i) or (after_name and not tag.startswith(_NEVER_IN_NAMES)):
                continue  # a multi-word name ("Attorney General"), a title ("Biden Has a Plan")
        elif after_name or _in_title(words, i):
            continue  # "Attorney General"; "How Much for Just the Planet": title case
        elif tag.startswith("RB") and (cap_tag or "")[:2] == tag[:2] and prev.text != "of":
            pass  # "Mainly", "Not": adverbs are not names
        elif tag.startswith(_CONTENT_TAGS):
            # A noun or adjective is a name if the article writes it so elsewhere (above),
            # or general text does (the lexicon knows "Senate", "Party" as NNP) and the
            # article never writes it in lowercase: "the sale ... the Sale would" is not
            # a name, whatever the lexicon says.
            if (cap_tag or "").startswith("NNP") or _in_name_phrase(words, i):
                continue
            if not _common_reading(words, i, tag, _lowercase_uses(article).get(lower, 0) >= 1):
                continue
        else:
            continue
        yield Hit(
            w.start, w.end,
            f"\"{w.text}\" is capitalised mid-sentence; this often means a link's text was "
            "pasted in by a machine rewrite",
            suggestion=lower, confidence=0.75,
            fix=Fix.replace(w.start, w.start + 1, lower[0], safe=False),
        )

