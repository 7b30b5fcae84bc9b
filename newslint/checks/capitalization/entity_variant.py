"""NL301: one name written with different capitalisation in one article."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from itertools import chain

from ...analysis.words import sentence_start_offsets
from ...article import Article
from ...bounded import remember
from ...declaration import CheckContext, bad, check, good
from ...findings import Fix, Hit
from ...lexicon import pos
from ...prefilter import haystack
from ...text.segment import Sentence
from ...text.tokens import looks_like_address, token_around
from ._names import (
    CONNECTORS,
    in_listing_block,
    name_runs,
    names_that_may_occur,
    proper_nouns,
    title_words,
)

#: Name particles written either way ("bin Laden" / "Bin Laden" at a sentence start).
PARTICLES = frozenset("bin ibn al van von da di du del le la de des dos das ter ten".split())
#: Words before a name that make the phrase a generic use of it ("a Windows phone" beside the
#: product "Windows Phone").
GENERIC_DETERMINERS = frozenset("a an any every each another other some no".split())
#: Generic head nouns that house styles lowercase after a name ("Merseyside police").
GENERIC_HEADS = frozenset("""police force party university college school hospital court agency
    bureau union club team company group foundation institute association commission authority
    council service services department government administration ministry committee""".split())

#: Capitalised only because they start a sentence or heading: not part of the name after them.
LEADING_FUNCTION_WORDS = frozenset(
    """the a an in on at and but or for to of by with from as they we he she it i this that these
    those when while after before if so then there here what who why how his her their our my
    your its do does did is are was were be has have had not no yes also last next every each
    should would could can will may might must""".split()
)


@check(
    code="NL301",
    name="entity-variant",
    category="capitalization",
    severity="warning",
    fixable=True,
    options={"extra-names": []},
    examples=[
        bad("Officials at the Justice Department objected. Current and former justice Department "
            "officials agreed.", "justice Department", fixed="Officials at the Justice Department "
            "objected. Current and former Justice Department officials agreed."),
        bad("An agreement between the united States and Mexico was signed.", "united States"),
        bad("It sits in El Salvador. CECOT is el Salvador’s most secure prison.", "el Salvador"),
        good("Attorney General Pam Bondi spoke. The attorney general said little."),
        good("The Core of the Agreement\n\nThe core of the plan is simple."),
        good("Read more at newyork.example.com or follow @unitedstates."),
        good("Whatever Apple changed, it worked. Reviewers say whatever Apple changed worked.",
             title="a capital that only marks a sentence start"),
        good("Rain fell on North Italian farms. Prices in north Italian markets rose.",
             title="a lowercase modifier before a name"),
        good("He met de Vries in May. De Vries said little.", title="a name particle"),
        good("DAR ES SALAAM, May 2 - Ships left Dar es Salaam early.", title="a dateline in capitals"),
        good("The Green Party met. “We are the green Party of the future,” she said.",
             title="the speaker's own words"),
        good("Apple Watch sales rose. She gave her son an Apple watch.", title="a generic use of a brand"),
        bad("The board thanked Bill Saxon. It named a successor to bill Saxon on Monday.", "bill Saxon",
            note="a common noun before a name is no modifier: a first name slipped to lowercase"),
        bad("The firm sold Diamond Lumber and Savannah Wholesale. Its diamond Lumber unit lost money.",
            "diamond Lumber", note="names joined by 'and' in one run are names of their own"),
        bad("Storms hit South Korean ports. Prices in south Korean ports rose.", "south Korean",
            note="the stem of a well-known name (South Korea) is no compass modifier"),
        bad("The United States agreed. “The united States should supply grain,” he said.",
            "united States", note="a well-known name is misspelt inside a quotation too"),
        bad("Aides to President Reagan spoke. They said president Reagan may try again.",
            "president Reagan", note="a bare title before a name, with no adjective before it"),
        bad("Shares of Financial Corp fell. The financial Corp spokeswoman declined comment.",
            "financial Corp"),
        good("Storms hit North German ports. Prices in north German ports rose.",
             title="a compass adjective before a name that is no country"),
        bad("Fans of Eastern Michigan cheered. The coach of Eastern Michigan praised the "
            "eastern Michigan defence.", "eastern Michigan",
            note="a name the article writes twice with a capital is its house spelling"),
        good("Aides to President Reagan spoke. Staff of former president Reagan agreed.",
             title="a title after an adjective describes"),
        bad("The Central Bank raised rates. A senior central Bank official explained why.",
            "central Bank", fixed="The Central Bank raised rates. A senior Central Bank official "
            "explained why."),
    ],
)
def entity_variant(article: Article, ctx: CheckContext) -> Iterator[Hit]:
    """A name is written with different capitalisation in the same article.

    What it does:
        Collects the multi-word names the article writes capitalised mid-sentence ("Justice
        Department", "Centro de Confinamiento de Terroristas") and flags other spellings of the
        same words with different case ("justice Department"), suggesting the majority form.
        Also flags well-known names written in lowercase ("the united States", "el Salvador")
        from a data list (countries, US states, capitals, institutions). Titles that are
        correctly lowercase without a name ("the attorney general"), sentence starts, headings
        and addresses are left alone. A capital seen only at a sentence start, in a dateline in
        capitals or inside a quotation does not set the house spelling; a variant inside a
        quotation is the speaker's; a lowercase word before a name that stands on its own
        ("north German", "de Clercq") is a modifier or a particle; a brand's head noun in
        lowercase after "a"/"an" ("an Apple watch") is a generic use.

        A run of capitals that joins names ("Diamond Lumber and Savannah Wholesale", "China's
        Foreign Ministry") also sets the spelling of each name in it. A lowercase word before a
        name counts as a modifier only when it is an adjective, an adverb, a title word or a
        particle, not when it is a common noun ("bill Saxon", "chase Manhattan"), the stem of a
        well-known name ("west German" beside "West Germany"), or before a firm's legal form
        ("financial Corp"); a bare title before a person's name ("by president Reagan") is a
        slip, a title after an adjective or a name ("former president", "Republican senator")
        is not; and once the article writes a name with a capital twice, a lowercase adjective
        before it ("the eastern Michigan defence") is a slip too. Inside a quotation, a well-known name or
        a lowercase noun or name is still a slip; only a lowercase adjective may be the speaker's.

    Why it matters:
        A name in two cases looks careless and confuses search and entity extraction; a
        lowercased country is a typical trace of machine rewriting.

    Options:
        extra-names: more names to hold to one spelling (e.g. a newsroom's own brands).
    """
    text = article.text
    starts = sentence_start_offsets(article)
    picked = _picked_names(article, starts)
    canonical = Counter(chain.from_iterable(picked))
    proper = proper_nouns()
    extra = {n.lower(): n for n in ctx.options.get("extra-names", [])}
    own: dict[str, str] = {}
    for name in canonical:
        own.setdefault(name.lower(), name)  # the first spelling picked, when no list has the name

    def known(key: str) -> str | None:
        """The spelling a lowercased name should have: the option's, the data list's, the
        article's (one dict per source instead of a merged copy of the list per article)."""
        want = extra.get(key)
        if want is None:
            want = proper.get(key)
        return own.get(key) if want is None else want

    keys = names_that_may_occur(article, [*own, *extra], searched=True)
    if keys is None:  # (the index cannot tell: every name)
        keys = {*proper, *extra, *own}
    raw = None if any(ch in text for ch in _FOLD_NOT_LOWER) else haystack(article).raw
    matches = _find_names(text, [key for key in keys if not key.isalnum()], raw=raw)  # _worth_searching, inline
    skip = article.layout.furniture_indices
    seen_at: set[int] = set()
    for start, end in matches:
        written = text[start:end]
        want = known(written.lower())
        if want is None or written == want:
            continue
        if not _differs_in_content_word(written, want, start in starts):
            continue
        if not any(w[:1].isupper() for w in written.split()):
            continue  # all lowercase: a generic use ("a ranking member", "homeland security")
        para = article.paragraph_at(start)
        if para is None or para.index in skip or para.is_heading:
            continue
        from_article = want.lower() not in proper
        if (from_article and article.in_quote(start) and _speakers_modifier(written, want)) \
                or in_listing_block(article, para.index):
            continue  # the speaker's or the document's own words; a venue's own address line.
            # A well-known name is written one way whoever speaks: "the united States" in a
            # quotation is the transcriber's slip.
        if from_article and canonical.get(want, 0) < 2 and _modifier_before_name(
                written, want, text[max(0, start - 40):start]):
            continue  # "north German ports", "de Clercq": a lowercase word before a name
        if from_article and _generic_use(text, start, written, want):
            continue  # "a Windows phone" beside the product "Windows Phone"
        if _plural_head_after_names(written, want):
            continue  # "the New York and American stock exchanges": a shared plural head
        tok_start, tok_end = token_around(text, start)
        if looks_like_address(text[tok_start:tok_end]) or start in seen_at:
            continue
        seen_at.add(start)
        elsewhere = canonical.get(want, 0)
        why = (f"written \"{want}\" elsewhere in this article" if elsewhere
               else f"a proper name, written \"{want}\"")
        yield Hit(start, end, f"\"{written}\" is {why}", suggestion=want,
                  confidence=0.9 if elsewhere else 0.85, fix=Fix.replace(start, end, want))


def _picked_names(article: Article, starts: frozenset[int]) -> list[list[str]]:
    """The names each run of capitals sets as the article's spelling: runs in body paragraphs
    (no page furniture, no heading), not in capitals, not quoted; a run's first word left out
    when a sentence start may have capitalised it ("Conservative Republicans said").

    What a run's words spell depends on its text only: worked out once per distinct run text
    (names recur: "Justice Department" five times in one article, :func:`_run_names`); only the
    position tests run for every run, with the paragraphs, quotations and sentences walked beside the
    runs (all in text order) instead of a bisection per run (``paragraph_at``, ``in_quote``,
    ``sentence_at``)."""
    skip = article.layout.furniture_indices
    paras = article.paragraphs
    quotes = article.quotes
    eligible = [p.index not in skip and p.kind != "heading" for p in paras]
    sentences = article.sentences
    text = article.text
    picked: list[list[str]] = []
    last_para, last_quote, last_sentence = len(paras) - 1, len(quotes) - 1, len(sentences) - 1
    p = q = s = -1  # the last paragraph, quotation, sentence starting at or before the run
    for run in name_runs(article):
        at = run.start
        while p < last_para and paras[p + 1].start <= at:
            p += 1
        if p < 0 or at > paras[p].end or not eligible[p]:
            continue  # (article.paragraph_at: None, furniture, a heading)
        names = _run_names(run.text)
        if names.in_capitals:
            continue  # a dateline or label in capitals: not house spelling
        while q < last_quote and quotes[q + 1].start <= at:
            q += 1
        if q >= 0 and at < quotes[q].end:
            continue  # a quoted term or title (article.in_quote)
        if names.nothing_dropped:
            at_start = at in starts
            if not at_start:
                while s < last_sentence and sentences[s + 1].start <= at:
                    s += 1
                at_start = _starts_sentence(text, at, sentences[s] if s >= 0 and at <= sentences[s].end else None)
            if at_start and names.first_is_common_word():
                picked.append(names.without_first())  # "Conservative Republicans said": the first capital is the position's
                continue
        picked.append(names.names())
    return picked


#: :class:`_RunNames` per run text, shared by the articles of a process (run texts recur:
#: "United States", "Prime Minister"); emptied when full, so memory stays flat.
_RUNS: dict[str, _RunNames] = {}
_RUNS_LIMIT = 1 << 13


def _run_names(text: str) -> _RunNames:
    """:class:`_RunNames` of a run text, cached (a property of the text alone)."""
    return remember(_RUNS, _RUNS_LIMIT, _RunNames, text)


class _RunNames:
    """The names a run of capitals spells, from its text alone.

    Leading words capitalised only by their position are dropped ("The Bureau of Prisons");
    when none was and the first word is a common word, a sentence start may have capitalised
    it too ("Conservative Republicans said"): the caller knows the position and picks
    :meth:`names` or :meth:`without_first`. A part made of title words and connectors only is
    no name ("Attorney General": correctly lowercase when it stands alone)."""

    __slots__ = ("_common", "_names", "_without_first", "_words", "in_capitals", "nothing_dropped")

    def __init__(self, text: str) -> None:
        self.in_capitals = text.isupper()
        words = text.split()
        whole = len(words)
        while words and _leading_function_word(words[0]):
            words = words[1:]
        self._words = words
        self.nothing_dropped = bool(words) and len(words) == whole
        self._common: bool | None = None
        self._names: list[str] | None = None
        self._without_first: list[str] | None = None

    def first_is_common_word(self) -> bool:
        """Whether the first word is a common word (the lexicon knows its lowercase form): asked
        only at a sentence start, so the lexicon is read for few runs (a cold read costs)."""
        if self._common is None:
            self._common = pos(self._words[0].lower()) is not None
        return self._common

    def names(self) -> list[str]:
        """The names the run spells, its first word included."""
        if self._names is None:
            self._names = _spelled_names(self._words)
        return self._names

    def without_first(self) -> list[str]:
        """The names the run spells without its first word (capitalised by a sentence start)."""
        if self._without_first is None:
            self._without_first = _spelled_names(self._words[1:])
        return self._without_first


def _spelled_names(words: list[str]) -> list[str]:
    """The names of :func:`_name_parts` that are no bare title, joined; none for a run of fewer
    than two words, one ending in a connector, or one holding "I" (a slogan, a headline)."""
    if len(words) < 2 or words[-1].lower() in CONNECTORS or "I" in words:
        return []
    titles = _titles_and_connectors()
    return [" ".join(part) for part in _name_parts(words) if not titles.issuperset(map(str.lower, part))]


def _titles_and_connectors() -> frozenset[str]:
    """Title words and connectors: a name made of these only is no name."""
    if not _TITLES_AND_CONNECTORS:
        _TITLES_AND_CONNECTORS.append(title_words() | CONNECTORS)
    return _TITLES_AND_CONNECTORS[0]


_TITLES_AND_CONNECTORS: list[frozenset[str]] = []


def _name_parts(words: list[str]) -> list[list[str]]:
    """The name a run of capitals spells, and the names inside it: a run joins names with "and"
    ("Diamond Lumber and Savannah Wholesale", "Natalie and Paul Koether") and follows a
    possessive ("China's Foreign Ministry", "The National Party's"), so each part of two or
    more words is a name of its own. The whole run stays a name too ("Securities and Exchange
    Commission")."""
    parts = [words]
    if len(words) < 3 and not (words[0].endswith(("'s", "’s")) or words[-1].endswith(("'s", "’s"))):
        return parts
    current: list[str] = []
    pieces: list[list[str]] = []
    for w in words:
        if w in ("and", "&"):
            pieces.append(current)
            current = []
        elif w.endswith(("'s", "’s")):
            current.append(w[:-2])
            pieces.append(current)
            current = []
        else:
            current.append(w)
    pieces.append(current)
    for piece in pieces:
        while piece and piece[0].lower() in CONNECTORS:
            piece = piece[1:]
        while piece and piece[-1].lower() in CONNECTORS:
            piece = piece[:-1]
        if len(piece) >= 2 and piece != words and "I" not in piece:
            parts.append(piece)
    return parts


#: Contraction stems that open slogans and headlines ("Don’t Jerk and Drive", "We’re On It").
CONTRACTION_STEMS = frozenset("don won can let isn aren wasn weren doesn didn haven hasn".split())


def _leading_function_word(word: str) -> bool:
    """A word capitalised only by its position, contractions included ("We’re", "Don’t"), so
    that a capitalised slogan is not taken for a name."""
    lower = word.lower()
    stem = lower.replace("\u2019", "'").split("'")[0]
    return lower in LEADING_FUNCTION_WORDS or (stem != lower and (
        stem in LEADING_FUNCTION_WORDS or stem in CONTRACTION_STEMS))


def _at_sentence_start(article: Article, offset: int) -> bool:
    """Whether only punctuation (an opening quote, a dash) stands between a sentence start or a
    line start and ``offset``."""
    return _starts_sentence(article.text, offset, article.sentence_at(offset))


def _starts_sentence(text: str, offset: int, sentence: Sentence | None) -> bool:
    """:func:`_at_sentence_start` with the sentence holding ``offset`` (``sentence_at``) given."""
    if sentence is None:
        return True
    if offset >= 2 and sentence.start <= offset - 2 and text[offset - 1] == " " \
            and text[offset - 2].isalnum():
        return False  # a word and a space before it, inside the sentence: the usual case, no scan
    # Searched back to the sentence start only: from the text start it was quadratic on a
    # one-line article of a megabyte (reliability audit, single-line files). The line's part
    # of the sentence lies inside the sentence, so nothing alphanumeric in it is the test (no
    # alphanumeric back to the sentence start implies it).
    line_start = text.rfind("\n", sentence.start, offset) + 1
    return _ALNUM.search(text, max(sentence.start, line_start), offset) is None


#: One letter or digit (``str.isalnum``).
_ALNUM = re.compile(r"[^\W_]")


def _is_name_word(word: str) -> bool:
    """A word that is a name on its own: the lexicon tags it as one, or its lowercase form is no
    common word ("German", "Clercq", "Monforte"; not "Bank", "States")."""
    bare = word.strip("’'.,")
    return bool(bare) and bare[:1].isupper() and pos(bare.lower()) is None


def _speakers_modifier(written: str, want: str) -> bool:
    """Inside a quotation, a lowercase first word that is an adjective may be the speaker's own
    modifier ("we are the green Party of the future"); a noun or a name in lowercase ("the
    exchange Fund", "dow Jones", "donald Trump") is the transcriber's slip."""
    a, b = written.split(), want.split()
    if len(a) != len(b) or a[0] == b[0] or a[1:] != b[1:]:
        return True
    return (pos(a[0]) or "").startswith(("JJ", "RB", "VB"))


#: Legal forms that end a firm's name: an adjective does not modify "Financial Corp" or
#: "Crazy Eddie Inc" from outside, so "financial Corp" is a slip.
LEGAL_SUFFIXES = frozenset("inc corp co ltd plc llc ag sa nv spa gmbh bhd".split())


def _modifier_before_name(written: str, want: str, before: str = "") -> bool:
    """Only the first word differs, and what follows it is a name by itself: the lowercase word is
    a modifier or a particle ("north German", "senior Republicans", "de Clercq", "corso
    Monforte"), not a slip inside a multi-word name ("justice Department", "united States").

    Not a modifier: a common noun ("bill Saxon", "chase Manhattan": nouns do not modify names
    this way), the stem of a well-known name ("west German" beside "West Germany"), a firm's
    name ending in a legal form ("financial Corp"), and a title before a person's name with
    no adjective or name before the title ("by president Trump"; but "Republican senator Wendy
    Rogers", "former president Trump")."""
    a, b = written.split(), want.split()
    if len(a) != len(b) or len(a) < 2 or a[0] == b[0] or a[1:] != b[1:]:
        return False
    if not (pos(a[0]) is not None or a[0] in PARTICLES):
        return False  # "el Salvador", "centro de ...": a foreign article or noun, part of the name
    first_tag = pos(a[0]) or ""
    if first_tag.startswith("NN") and a[0] not in title_words() and a[0] not in PARTICLES:
        return False  # "bill Saxon", "chase Manhattan", "fort Lauderdale": a noun is no modifier here
    if a[-1].lower().strip(".") in LEGAL_SUFFIXES:
        return False  # "financial Corp", "crazy Eddie Inc"
    if first_tag.startswith("NN") and a[0] in title_words() and before:
        prev = before.split()[-1] if before.split() else ""
        prev_tag = pos(prev.strip(",;:")) or ""
        if (not prev or prev[-1] in ",;:" or (prev[:1].islower() and not prev_tag.startswith(("JJ", "DT", "PRP$"))
                                               and not prev.endswith(("'s", "’s")))):
            return False  # "by president Reagan": a bare title slipped to lowercase
    key = want.lower()
    if any(" " in name and (name.startswith(key) or key.startswith(name)) for name in proper_nouns()):
        return False  # "west German" beside "West Germany", "south Korean": a country's name
    return a[0][:1].islower() and _is_name_word(a[1]) and all(
        _is_name_word(w) or w.lower() in CONNECTORS for w in a[2:])


def _generic_use(text: str, start: int, written: str, want: str) -> bool:
    """The name's head noun in lowercase after "a"/"an"/"any"...: a generic thing of that brand
    ("an Apple watch", "a Windows phone"), not a misspelt product name."""
    a, b = written.split(), want.split()
    if len(a) != len(b) or a[:-1] != b[:-1] or not a[-1][:1].islower():
        return False
    before = text[max(0, start - 12):start].split()
    return bool(before) and before[-1].lower() in GENERIC_DETERMINERS


def _plural_head_after_names(written: str, want: str) -> bool:
    """Two names sharing a lowercase plural head ("the Hudson and East rivers", "the New York
    and American Stock exchanges"): house styles lowercase the shared plural."""
    a, b = written.split(), want.split()
    return (len(a) == len(b) and len(a) >= 3 and a[:-1] == b[:-1] and "and" in a[:-1]
            and a[-1][:1].islower() and a[-1].endswith("s"))


def _worth_searching(key: str) -> bool:
    """Whether a name can matter to :func:`_find_names`: all but one word of letters and
    digits ("iraq", "washington").

    Such a name never yields a finding: a variant of it in lowercase is all lowercase (a
    generic use), and one starting with a capital differs in no content word. Nor does its
    match change which other matches are kept: no other name starts inside its span (letters
    and digits only, so no word boundary), and at its own start any longer name wins. Leaving
    the ~100 one-word well-known names out saves a search of the text each."""
    return not key.isalnum()


#: Characters whose lowercase and whose fold in the prefilter's haystack (the regex engine's
#: case folding) are not the same ASCII letter or both non-ASCII: "İ", "ı", "ſ" (checked over
#: every code point in tests/test_name_checks_speed.py).
_FOLD_NOT_LOWER = "\u0130\u0131\u017f"


def _find_names(text: str, keys: Iterable[str], lower: str | None = None,
                raw: bytes | None = None) -> list[tuple[int, int]]:
    """Case-insensitive occurrences of every name in ``keys`` (lowercased) on word boundaries,
    longest name first at a position. ``str.find`` on the lowered text: no per-article regex
    to compile; :func:`names_that_may_occur` leaves out the names that cannot occur and
    :func:`_worth_searching` the one-word names. ``lower`` is ``text.lower()`` when the caller
    has it.

    ``raw``: the prefilter haystack's ASCII bytes of the text, given when the text holds none
    of ``_FOLD_NOT_LOWER``. An ASCII name without "?" is then searched there (``bytes.find``,
    several times faster than ``str.find`` on text with a curly quote): one byte per
    character, and a byte equals such a name's character exactly where the lowered text's
    character does. Other names are searched in the lowered text, made only then."""
    n = len(text)
    found: dict[int, int] = {}
    for key in keys:
        if raw is not None and key.isascii() and "?" not in key:
            hay: str | bytes = raw
            needle: str | bytes = key.encode()
        else:
            if lower is None:
                lower = text.lower()
            hay, needle = lower, key
        i = hay.find(needle)  # type: ignore[arg-type]
        while i >= 0:
            end = i + len(key)
            before = text[i - 1] if i else " "
            after = text[end] if end < n else " "
            if not (before.isalnum() or before in "’'-") and not (after.isalnum() or after == "-"):
                if end - i > found.get(i, 0) - i:
                    found[i] = end
            i = hay.find(needle, i + 1)  # type: ignore[arg-type]
    spans = sorted(found.items())
    out: list[tuple[int, int]] = []
    last_end = -1
    for start, end in spans:
        if start >= last_end:
            out.append((start, end))
            last_end = end
    return out


def _differs_in_content_word(written: str, want: str, at_sentence_start: bool) -> bool:
    """A real case difference: a lowercase letter where the name has a capital (ignoring the
    first letter at a sentence start, connectors like "de", name particles like "bin", and a
    generic last word like "police" in "Merseyside police")."""
    pairs = list(zip(written.split(), want.split(), strict=False))
    for i, (a, b) in enumerate(pairs):
        if a == b:
            continue
        if i == 0 and at_sentence_start and a[:1].isupper():
            continue
        if (b.lower() in CONNECTORS and i > 0) or b.lower() in PARTICLES:
            continue
        if i == len(pairs) - 1 and i > 0 and a.lower() in GENERIC_HEADS:
            continue
        if a[:1].islower() and b[:1].isupper():
            return True
    return False


def _keep_spacing(written: str, want: str) -> str:
    """``want`` with the white space of ``written`` (a name may wrap over a line)."""
    parts = re.split(r"(\s+)", written)
    words = iter(want.split())
    return "".join(p if p.isspace() else next(words, p) for p in parts)

