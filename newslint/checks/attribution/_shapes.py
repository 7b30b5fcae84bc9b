"""Vague sourcing as small grammars over a sentence's tokens, not as a list of phrases.

Three shapes cover the ways copy credits a claim to nobody in particular:

- **group + belief verb**: a vague quantity of people, or a bare plural of people, as the subject
  of a verb of belief or saying: "Some consider", "Many people believe", "scientists now think",
  "a number of analysts fear";
- **vague-agent passive**: a passive of judging with a vague agent, or with "widely": "is
  considered by many", "regarded by some as", "was seen as a mistake by critics", "is widely
  believed";
- **impersonal report**: "it" + passive of saying + "that": "It was reported that", "it has
  been said that", "It is understood that".

Each rule is a sequence of token classes (quantifiers, people nouns, adverbs, forms of "be",
verbs of belief in any inflection); a match is returned as the span from its first to its last
token. The classes are closed grammatical sets (quantifiers, "be", adverbs of frequency and
degree) or open classes recognised by shape (plural nouns of people: "-ists", "-ers", "-ians").
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING

from ...lexicon import pos
from ...prefilter import haystack, spaced, word_places
from ...text.segment import Span

if TYPE_CHECKING:
    from ...article import Article

QUANTIFIERS = frozenset("some many most several few various numerous countless certain other others "
                        "multiple".split())
#: People nouns that do not have a people-noun suffix.
PEOPLE = frozenset("""people experts critics officials sources observers scientists researchers
    economists scholars insiders analysts commentators pundits academics historians doctors
    specialists skeptics sceptics detractors supporters opponents residents investors lawmakers
    politicians voters citizens locals fans parents teachers students americans britons europeans
    men women folks authorities diplomats""".split())
_PEOPLE_SUFFIXES = ("ists", "ers", "ians", "ans", "ors", "ants", "ents")
#: Verbs of belief and saying, by lemma; inflections are matched by :func:`_belief`.
BELIEF = frozenset("""believe think consider say argue suspect fear feel claim suggest expect agree
    contend worry maintain insist assert speculate predict reckon allege doubt hold estimate warn
    note""".split())
#: Words that may stand between the subject and the verb ("now", "have long", "still").
ADVERBS = frozenset("""now still increasingly widely generally privately also long often even already
    openly have has had do does did would may might could will tend to""".split())
BE = frozenset("is are was were be been being 's".split())
#: Passive participles of judging ("considered by many") and of reporting ("it was reported").
JUDGED = frozenset("""considered regarded seen viewed thought believed described deemed perceived held
    touted hailed called labelled labeled branded dubbed criticised criticized""".split())
REPORTED = frozenset("""said reported claimed believed thought suggested alleged understood rumoured
    rumored feared argued known assumed estimated expected hoped""".split())
VAGUE_AGENTS = QUANTIFIERS | frozenset("critics observers experts analysts commentators skeptics "
                                       "sceptics detractors insiders".split())


def lowered(words: Sequence[str]) -> list[str]:
    """Each word lower-cased with curly apostrophes straightened, once per sentence (the rules
    read each token several times: this was 318k calls on 142 articles)."""
    return [w.lower().replace("’", "'") for w in words]


def _reader(low: list[str]) -> Callable[[int], str]:
    """``at(i)``: the lowered token ``i``, or "" outside the sentence."""
    n = len(low)

    def at(i: int) -> str:
        return low[i] if 0 <= i < n else ""

    return at


def is_people(word: str) -> bool:
    """A plural noun of people: listed, or a plural with a people-noun suffix that the lexicon
    tags as a plural noun ("analysts", "economists", "bankers", "Americans")."""
    w = word.lower()
    if w in PEOPLE:
        return True
    return w.endswith(_PEOPLE_SUFFIXES) and (pos(w) or pos(word) or "").startswith("NNS")


#: Groups whose belief is offered as authority for a claim ("Scientists now think"), as opposed
#: to a party's own view ("Protesters believe"); any noun in "-ists" is one too ("economists").
AUTHORITIES = frozenset("""experts scientists researchers economists analysts observers critics scholars
    historians doctors officials sources insiders commentators specialists academics pundits
    authorities diplomats""".split())


def _authority(word: str) -> bool:
    w = word.lower()
    return w in AUTHORITIES or w.endswith("ists")


def _belief(word: str) -> bool:
    """A verb of belief or saying in any inflection ("believes", "thought", "considered")."""
    w = word.lower()
    if w in BELIEF or w in ("thought", "said", "held", "felt", "maintained"):
        return True
    for suffix in ("s", "es", "d", "ed"):
        if w.endswith(suffix) and w[: -len(suffix)] in BELIEF:
            return True
    return w.endswith("ied") and w[:-3] + "y" in BELIEF


#: Every lower-case word ``_belief`` accepts (a sentence without one has no group + belief).
BELIEF_FORMS = frozenset({"thought", "said", "held", "felt", "maintained"}
                         | {b + s for b in BELIEF for s in ("", "s", "es", "d", "ed")}
                         | {b[:-1] + "ied" for b in BELIEF if b.endswith("y")})


#: Tokens from a group's first token to its verb, at most: "a number of" (3), an adjective and a
#: people noun (2), three adverbs (3).
MAX_REACH = 8


def group_belief(tokens: Sequence[str], low: list[str] | None = None) -> Iterator[tuple[int, int]]:
    """[a number of | quantifier] [adjective] people-noun | quantifier alone, then up to three
    adverbs, then a verb of belief. A bare people noun (no quantifier) must start the clause and
    take a verb of belief, not of plain saying ("Analysts said" is wire practice; "Analysts
    believe" is a claim without a source)."""
    low = lowered(tokens) if low is None else low
    if BELIEF_FORMS.isdisjoint(low):
        return
    at = _reader(low)
    n = len(tokens)
    # The verb is at most MAX_REACH tokens after the group's first token ("a number of" +
    # adjective + noun + three adverbs): only starts that close to a verb of belief can match.
    verbs = [m for m, w in enumerate(low) if w in BELIEF_FORMS]
    starts = sorted({i for m in verbs for i in range(max(0, m - MAX_REACH), m + 1)})
    for i in starts:
        w = at(i)
        start = i
        j = i
        quantified = False
        if w == "a" and at(i + 1) == "number" and at(i + 2) == "of":
            j, quantified = i + 3, True
        elif w in QUANTIFIERS:
            j, quantified = i + 1, True
        elif i > 0 and at(i - 1) not in ("and", "but", "while", "although", "because", "as"):
            continue  # a bare group must start the clause ("the analysts" is somebody named earlier)
        # Optional adjective, then a people noun (or the quantifier alone: "Some consider").
        k = j
        if k < n and (pos(at(k)) or "").startswith("JJ") and k + 1 < n and is_people(tokens[k + 1]):
            k += 1
        if k < n and is_people(tokens[k]):
            k += 1
        elif not quantified or at(j - 1) in ("other", "certain", "a"):
            continue
        if not quantified and (k == j or not _authority(tokens[k - 1])):
            continue  # "Protesters believe" reports a party's view; "Scientists think" borrows authority
        # Adverbs, then the verb.
        m = k
        while m < n and at(m) in ADVERBS and m - k < 3:
            m += 1
        if m >= n or not _belief(tokens[m]):
            continue
        verb = at(m)
        if not quantified and verb in ("say", "says", "said", "note", "notes", "noted", "warn", "warned",
                                       "warns", "estimate", "estimated", "estimates", "expect", "expected",
                                       "expects"):
            continue
        yield start, m


def vague_passive(tokens: Sequence[str], low: list[str] | None = None) -> Iterator[tuple[int, int]]:
    """A judging participle with "by" + a vague agent within the next eight tokens ("considered
    by many", "seen as a mistake by critics"), or "be widely" + participle ("is widely
    regarded")."""
    low = lowered(tokens) if low is None else low
    if JUDGED.isdisjoint(low):
        return
    at = _reader(low)
    n = len(tokens)
    for i in range(n):
        w = at(i)
        if w not in JUDGED:
            continue
        if at(i - 1) == "widely" and at(i - 2) in BE:
            yield i - 2, i
            continue
        for k in range(i + 1, min(n, i + 9)):
            if at(k) != "by":
                continue
            agent = at(k + 1)
            nxt = at(k + 2)
            if agent in VAGUE_AGENTS and not (nxt and tokens[k + 2][:1].isupper()):
                end = k + 2 if agent in QUANTIFIERS and is_people(nxt) else k + 1
                yield i, end
            break


def impersonal(tokens: Sequence[str], low: list[str] | None = None) -> Iterator[tuple[int, int]]:
    """"It" + a form of "be" (with "has/had been", "is being", an adverb) + a participle of
    reporting + "that" ("It was reported that", "it has been said that"); "said", "reported"
    and "rumoured" may also take "to" ("It is said to have ...")."""
    low = lowered(tokens) if low is None else low
    if "it" not in low:
        return
    at = _reader(low)
    n = len(tokens)
    for i in range(n):
        if at(i) != "it":
            continue
        j = i + 1
        if at(j) in ("has", "had", "have") and at(j + 1) == "been":
            j += 2
        elif at(j) in BE or at(j) == "'s":
            j += 1
            if at(j) == "being":
                j += 1
        else:
            continue
        if at(j) in ("widely", "generally", "now", "also", "often", "commonly"):
            j += 1
        verb = at(j)
        if verb not in REPORTED:
            continue
        after = at(j + 1)
        if after == "that" or (after == "to" and verb in ("said", "reported", "rumoured", "rumored")):
            yield i, j + (1 if after == "that" else 0)


#: Verbs of plain saying: a bare group ("Analysts said") takes them without a quantifier.
SAYING = frozenset("say says said note notes noted warn warned warns estimate estimated estimates "
                   "expect expected expects".split())
def _ascii(words: frozenset[str]) -> frozenset[bytes]:
    return frozenset(w.encode() for w in words)


_JUDGED_B, _REPORTED_B, _BELIEF_B, _SAYING_B = map(_ascii, (JUDGED, REPORTED, BELIEF_FORMS, SAYING))
_QUANTIFIED_B = _ascii(QUANTIFIERS | {"number"})
_BE_B, _AGENTS_B, _AUTHORITIES_B = map(_ascii, (BE - {"'s"}, VAGUE_AGENTS, AUTHORITIES))
def could_hold_shape(words: set[bytes] | frozenset[bytes], ists: bool | None = None) -> bool:
    """Whether a sentence whose words include ``words`` (ASCII, lower case) can hold any shape.
    Each condition restates the ``continue``s of one grammar, so a sentence ruled out here
    yields nothing there:

    - :func:`vague_passive`: a judging participle, and "widely" with a form of "be", or "by"
      with a vague agent;
    - :func:`impersonal`: "it", a form of "be", a participle of reporting, and "that" or "to";
    - :func:`group_belief`: a verb of belief, and a quantifier ("some", "a number of"), or else
      an authority ("experts", "economists": any "-ists") with a verb that is not plain saying
      ("Analysts said" is wire practice).

    ``ists``: whether a word ends in "-ists", when the caller knows it (``words`` may then hold
    only the words of :data:`_ASKED`, the ones the conditions name)."""
    if not words.isdisjoint(_JUDGED_B) and (
            (b"widely" in words and not words.isdisjoint(_BE_B))
            or (b"by" in words and not words.isdisjoint(_AGENTS_B))):
        return True
    if b"it" in words and not words.isdisjoint(_REPORTED_B) and not words.isdisjoint(_BE_B) \
            and (b"that" in words or b"to" in words):
        return True
    verbs = words & _BELIEF_B
    if not verbs:
        return False
    if not words.isdisjoint(_QUANTIFIED_B):
        return True
    return not verbs <= _SAYING_B and (not words.isdisjoint(_AUTHORITIES_B) or (
        any(w.endswith(b"ists") for w in words) if ists is None else ists))


#: Every word :func:`could_hold_shape` names.
_ASKED = (_JUDGED_B | _REPORTED_B | _BELIEF_B | _SAYING_B | _QUANTIFIED_B | _BE_B | _AGENTS_B
          | _AUTHORITIES_B | {b"widely", b"by", b"it", b"that", b"to"})


#: Every word :func:`could_hold_shape` needs one of (each of its three branches asks for a word of
#: one of these sets): a sentence without any holds no shape.
_TRIGGERS_B = _JUDGED_B | _REPORTED_B | _BELIEF_B


def shape_sentences(article: Article, prose_only: bool = False) -> frozenset[int]:
    """The starts of the article's sentences that can hold a shape (:func:`could_hold_shape`),
    read from the article's folded ASCII words (``prefilter.spaced``: a byte a character, so
    offsets agree) with C operations instead of lower-casing every token of every sentence.

    Only sentences holding a trigger word (:data:`_TRIGGERS_B`: a participle of judging or
    reporting, a verb of belief) are read: the triggers present in the article are found with
    ``bytes.find`` and placed in their sentences by bisection (about one sentence in three of a
    news article holds one; reading every sentence's words cost ~2.5 µs a sentence).

    Sound: a token that lower-cases to a trigger word is a run of ASCII letters with no letter
    or digit beside it, so it is one of the words split out here; the sentence is read up to
    the end of the token that starts last in it (as ``words_between`` counts it), so a word
    belongs to the sentence in which it starts. Words split out of longer tokens ("re-said")
    only cost a sentence read for nothing. ``prose_only``: only the sentences of
    ``article.layout.prose`` (all vague-source reads)."""
    hay = haystack(article)
    pad = spaced(article)  # one space added before the text: offset i is pad[i + 1]
    # The haystack's words are runs of ASCII letters, digits and "_", the pad's without "_":
    # the same set when the text has no "_".
    present = _TRIGGERS_B.intersection(hay.words if b"_" not in hay.raw else pad.split())
    if not present:
        return frozenset()
    sentences = article.sentences
    starts = article._sentence_starts
    found: set[int] = set()
    for word in present:
        for at in word_places(article, word):  # the word starts at text offset ``at``
            found.add(bisect_right(starts, at) - 1)
    out = []
    kept = {p.index for p in article.layout.prose} if prose_only else None
    for i in sorted(found):
        if i < 0:
            continue
        sentence = sentences[i]
        if kept is not None and sentence.paragraph not in kept:
            continue  # ``prose_only``: a heading's or the page furniture's sentence is not read
        end = sentence.end + 1
        while pad[end] != 32:  # an ASCII token running past the sentence's end (pad ends in a space)
            end += 1
        segment = pad[sentence.start + 1:end + 1]  # its words, each followed by a space
        # Only the words ``could_hold_shape`` asks about, and "-ists" read as a word ending.
        if could_hold_shape(_ASKED.intersection(segment.split()), b"ists " in segment):
            out.append(sentence.start)
    return frozenset(out)


def find_shapes(tokens: Sequence[Span]) -> Iterator[tuple[int, int, str]]:
    """Every vague-sourcing shape in a sentence's tokens, as (first token, last token, kind)."""
    return find_shapes_in_words([t.text for t in tokens])


def find_shapes_in_words(tokens: Sequence[str]) -> Iterator[tuple[int, int, str]]:
    """:func:`find_shapes` on the tokens' texts (``word_texts_between``: no span per word; the
    check takes the offsets of the few tokens that start and end a shape)."""
    low = lowered(tokens)
    for a, b in group_belief(tokens, low):
        yield a, b, "group"
    for a, b in vague_passive(tokens, low):
        yield a, b, "passive"
    for a, b in impersonal(tokens, low):
        yield a, b, "impersonal"
