#!/usr/bin/env python3
"""Damage benchmark: break clean articles the way scrapers, rewriters and translators do, one
damage per copy, and measure how often newslint finds the damage.

    python benchmarks/damage.py --seeds 1 2 3                  # every kind, 120 cases each
    python benchmarks/damage.py --seeds 7 --kinds misspelling-1 --cases 300 --show-misses 20
    python benchmarks/damage.py --seeds 1 2 3 --markdown /tmp/damage.md --json /tmp/damage.json
    python benchmarks/damage.py --seeds 1 2 3 --json /tmp/damage.json --docs docs/accuracy.md \
        --before benchmarks/damage_before.json      # rewrite the generated section of the docs
    python benchmarks/damage.py --load /tmp/damage.json --docs docs/accuracy.md   # from a saved run

``--docs`` rewrites the part of the file between ``<!-- damage-benchmark`` and
``<!-- /damage-benchmark -->`` (recall per kind before and after, the alarm rates of the
undamaged originals); notes after the end marker are kept. ``--before`` takes the ``--json`` of
an earlier run (``benchmarks/damage_before.json`` is main at 39089b9, the start of issue 15).

Material: ``../shared/corpus/clean`` and ``../shared/corpus/dev-clean`` (professionally edited
news). For each kind and seed, files are drawn in a seeded order; a file that offers no place
for the damage is skipped; the damaged span (offsets into the damaged copy) is recorded.

A case is *found* when the damaged copy has a finding of an accepted category (any severity,
the seeds scorer's rule) overlapping the damaged span. Cases where the undamaged original
already had such a finding at the same place are not counted (the damage would be credited to
an old finding); they are reported as ``pre-flagged``.

"Undamaged copies stay quiet" is checked on every original drawn: warnings and errors of the
accepted categories per 1,000 words, split as the precision work splits the clean material
(``clean`` tuning/checking halves by the first byte of the SHA-1 of the file name; ``dev-clean``).

Kinds (the expected category in brackets):

- ``truncation-end`` [truncation]: the body stops mid-sentence, everything after is gone.
- ``truncation-paragraph`` [truncation]: one paragraph inside the body stops mid-sentence.
- ``fused-name`` [mt_artifact]: two sentences run together where one side is a name
  ("talks in BaghdadMorrison said", "the senator askedOkonkwo replied").
- ``fused-link`` [mt_artifact]: link text pasted without a space ("membersGranted",
  "El Salvadorwho").
- ``capitalised-word`` [mt_artifact, capitalization]: a common word (any part of speech)
  capitalised mid-sentence ("the Annual budget", "several Witnesses").
- ``unclosed-quote`` [punctuation]: a closing quotation mark removed inside a paragraph.
- ``misspelling-1`` / ``misspelling-2`` [spelling]: one or two slips from keyboard,
  transposition, dropped-letter, doubled-letter and phonetic error models; real words excluded.
- ``vague-passive`` [attribution]: "X is considered by many to be ...", "regarded by some as".
- ``vague-group`` [attribution]: "Many people believe ...", "scientists now think ...".
- ``vague-impersonal`` [attribution]: "It was reported that ...", "It has been said that ...".
- ``pronoun-number`` [mt_artifact]: the "They" opening a sentence right after a plural group
  turned into "He"/"She" (the verb made to agree: "They were" -> "He was"), or "Their" into
  "His"/"Her"; places with a single person in the three sentences before are not used.
- ``lowercase-start`` [capitalization], ``lowercase-name`` [capitalization, consistency],
  ``missing-space`` [spacing]: the kinds already in ``tests/test_damage.py``. lowercase-name
  leaves name particles alone ("Bin Laden" -> "bin Laden" is the standard spelling, no damage).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

from newslint import Linter  # noqa: E402
from newslint.article import Article  # noqa: E402
from newslint.lexicon import pos, zipf  # noqa: E402

WORD = re.compile(r"\w+")


@dataclass(slots=True)
class Damage:
    """One damaged copy: its text, the damaged span in it, and a note for the miss list."""

    text: str
    start: int
    end: int
    note: str


DamageFn = Callable[[Article, random.Random], "Damage | None"]


def half(name: str) -> str:
    """The fixed tuning/checking split of the clean material (see prompts/common.md)."""
    return "tuning" if hashlib.sha1(name.encode()).digest()[0] % 2 == 0 else "checking"


# -- where damage may go ------------------------------------------------------------------------


def body_paragraphs(article: Article, min_words: int = 12) -> list:
    """Prose paragraphs long enough to be running text, not the first (dateline/lede quirks)."""
    return [p for p in article.paragraphs
            if p.kind == "body" and len(p.text.split()) >= min_words and p.text[-1:] in ".!?\"”"]


_ATTRIB = re.compile(r"\b(?:said|says|say|told|according|reported|stated|added|wrote|asked|"
                     r"believes?|thinks?|considers?|argues?|claims?)\b|[“”\"]", re.IGNORECASE)


def plain_sentences(article: Article) -> list:
    """Reporter's-voice sentences: in a body paragraph, no quotation, no attribution, 8-40 words,
    starting with a capitalised word and ending with a full stop."""
    paras = {p.index for p in body_paragraphs(article, 8)}
    out = []
    for s in article.sentences:
        if s.paragraph not in paras or not s.text.endswith(".") or _ATTRIB.search(s.text):
            continue
        n = len(s.text.split())
        if 8 <= n <= 40 and s.text[:1].isupper() and s.text[1:2].islower():
            out.append(s)
    return out


def lower_first(sentence: str) -> str:
    """Lower-case the first word unless it is a name ("The plan" -> "the plan", "Smith" stays)."""
    first = sentence.split()[0]
    if (pos(first) and pos(first).startswith("NNP")) or pos(first.lower()) is None:
        return sentence
    return sentence[0].lower() + sentence[1:]


# -- truncation ---------------------------------------------------------------------------------


def _cut_points(article: Article, para) -> list[int]:
    """Offsets (after a word) inside the last sentence of ``para`` where a cut leaves at least
    four words of that sentence and removes at least two."""
    sentences = article.sentences_of(para)
    last = sentences[-1]
    words = [m for m in re.finditer(r"[A-Za-z][\w’'-]*", last.text)]
    return [last.start + m.end() for m in words[3:-2]]


def truncation_end(article: Article, rng: random.Random) -> Damage | None:
    paras = body_paragraphs(article)
    if len(paras) < 3:
        return None
    para = paras[-1] if rng.random() < 0.5 else rng.choice(paras[len(paras) // 2:])
    points = _cut_points(article, para)
    if not points:
        return None
    cut = rng.choice(points)
    text = article.text[:cut]
    return Damage(text, max(para.start, cut - 30), cut, text[max(para.start, cut - 60):cut])


def truncation_paragraph(article: Article, rng: random.Random) -> Damage | None:
    paras = body_paragraphs(article)[:-1]
    paras = [p for p in paras if p.index + 1 < len(article.paragraphs)]
    if not paras:
        return None
    para = rng.choice(paras)
    points = _cut_points(article, para)
    if not points:
        return None
    cut = rng.choice(points)
    text = article.text[:cut] + article.text[para.end:]
    return Damage(text, max(para.start, cut - 30), cut, text[max(para.start, cut - 60):cut])


# -- fused words --------------------------------------------------------------------------------

_BOUNDARY = re.compile(r"(\b[A-Za-z][a-z]+)\. ([A-Z][a-z]+)\b")


def _is_name(article: Article, word: str) -> bool:
    """A capitalised word the article also uses mid-sentence, or a proper noun of the lexicon."""
    return bool(re.search(r"[a-z,] " + re.escape(word) + r"\b", article.text)) or \
        (pos(word) or "").startswith("NNP")


def fused_name(article: Article, rng: random.Random) -> Damage | None:
    paras = {p.index for p in body_paragraphs(article, 8)}
    starts = {s.start for s in article.sentences}
    cands = []
    for m in _BOUNDARY.finditer(article.text):
        p = article.paragraph_at(m.start())
        if p is None or p.index not in paras or m.start(2) not in starts or article.in_quote(m.start()):
            continue  # only real sentence boundaries ("St. Louis" is not one)
        left, right = m.group(1), m.group(2)
        if (left[0].isupper() and _is_name(article, left)) or (_is_name(article, right) \
                and right.lower() not in ("the", "a", "an", "he", "she", "it", "they", "but")):
            cands.append(m)
    if not cands:
        return None
    m = rng.choice(cands)
    text = article.text[:m.end(1)] + article.text[m.start(2):]
    start = m.start(1)
    end = m.end(2) - 2
    return Damage(text, start, end, text[start:end])


_PAIR = re.compile(r"(?<=[a-z,] )([a-z]{3,}) ([a-z]{3,})(?= [a-z])")
_NAME_TAIL = re.compile(r"(?<=[a-z,] )([A-Z][a-z]{3,}) (who|which|that|the|and|was|were|with|from|has|"
                        r"have|had|said|will|would)(?= )")


def fused_link(article: Article, rng: random.Random) -> Damage | None:
    paras = {p.index for p in body_paragraphs(article, 8)}
    text = article.text

    def ok(m: re.Match[str]) -> bool:
        p = article.paragraph_at(m.start())
        return p is not None and p.index in paras and not article.in_quote(m.start())

    if rng.random() < 0.25:
        cands = [m for m in _NAME_TAIL.finditer(text) if ok(m)]
        if cands:
            m = rng.choice(cands)
            out = text[:m.end(1)] + text[m.start(2):]
            return Damage(out, m.start(1), m.end(2) - 1, out[m.start(1):m.end(2) - 1])
    cands = [m for m in _PAIR.finditer(text) if ok(m) and zipf(m.group(2)) >= 3.0]
    if not cands:
        return None
    m = rng.choice(cands)
    right = m.group(2)
    out = text[:m.end(1)] + right[0].upper() + right[1:] + text[m.end(2):]
    return Damage(out, m.start(1), m.end(2) - 1, out[m.start(1):m.end(2) - 1])


# -- capitalised word ---------------------------------------------------------------------------

_MID = re.compile(r"(?<=[a-z,] )([a-z]{3,})(?= [a-z])")


def capitalised_word(article: Article, rng: random.Random) -> Damage | None:
    paras = {p.index for p in body_paragraphs(article, 8)}
    text = article.text
    cands = []
    for m in _MID.finditer(text):
        p = article.paragraph_at(m.start())
        if p is None or p.index not in paras or article.in_quote(m.start()) or zipf(m.group(1)) < 3.0:
            continue
        cands.append(m)
    if not cands:
        return None
    m = rng.choice(cands)
    w = m.group(1)
    out = text[:m.start(1)] + w[0].upper() + text[m.start(1) + 1:]
    return Damage(out, m.start(1), m.end(1), f"{w.capitalize()} [{pos(w)}]")


# -- quotation ----------------------------------------------------------------------------------


def unclosed_quote(article: Article, rng: random.Random) -> Damage | None:
    paras = body_paragraphs(article, 6)
    last = paras[-1].index if paras else -1
    cands = []
    for p in paras:
        if p.index == last:
            continue
        for q in article.quotes:
            if p.start <= q.start and q.end < p.end - 3 and q.text[-1:] in "”\"" and len(q.text.split()) >= 3:
                cands.append(q)
    if not cands:
        return None
    q = rng.choice(cands)
    close = q.end - 1
    out = article.text[:close] + article.text[close + 1:]
    return Damage(out, q.start, close, out[q.start:min(close + 20, len(out))])


# -- misspellings -------------------------------------------------------------------------------

_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_KEY_POS = {ch: (r, c) for r, row in enumerate(_ROWS) for c, ch in enumerate(row)}
_NEIGHBOURS = {
    ch: [o for o, (r2, c2) in _KEY_POS.items() if o != ch and abs(r - r2) <= 1 and abs(c - c2 + (r2 - r) * 0.5) <= 1]
    for ch, (r, c) in _KEY_POS.items()
}
#: Sound-alike spellings: (written, misheard-as). Applied once, at one place in the word.
_PHONETIC = (("ie", "ei"), ("ei", "ie"), ("ph", "f"), ("ance", "ence"), ("ence", "ance"), ("able", "ible"),
             ("ible", "able"), ("ar", "er"), ("er", "ar"), ("ate", "ite"), ("ous", "us"), ("ss", "s"),
             ("cc", "c"), ("mm", "m"), ("rr", "r"), ("ll", "l"), ("tt", "t"), ("c", "s"), ("s", "c"),
             ("ck", "k"), ("tion", "sion"), ("sion", "tion"), ("ey", "y"), ("ise", "ize"), ("our", "or"),
             ("ai", "ia"), ("ea", "ee"), ("ee", "ea"), ("gh", "g"), ("wh", "w"), ("ent", "ant"),
             ("ant", "ent"), ("e", "a"), ("a", "e"), ("i", "e"), ("o", "u"))


def _slips(word: str, rng: random.Random) -> list[tuple[str, str]]:
    """Every one-slip misspelling of ``word`` as (misspelling, model)."""
    out = []
    inner = range(1, len(word))  # never the first letter: slips there are rarer and read as new words
    for i in inner:
        if word[i] in _NEIGHBOURS:
            out += [(word[:i] + k + word[i + 1:], "keyboard") for k in _NEIGHBOURS[word[i]]]
        if i + 1 < len(word) and word[i] != word[i + 1]:
            out.append((word[:i] + word[i + 1] + word[i] + word[i + 2:], "transposition"))
        out.append((word[:i] + word[i + 1:], "dropped"))
        out.append((word[:i] + word[i] + word[i:], "doubled"))
    for a, b in _PHONETIC:
        for m in re.finditer(a, word[1:]):
            at = m.start() + 1
            out.append((word[:at] + b + word[at + len(a):], "phonetic"))
    return out


_DICT: set[str] = set()


def _real(word: str) -> bool:
    """A real word: the misspelling model must not produce one (that is a usage error)."""
    if not _DICT:
        from spellchecker import SpellChecker

        _DICT.update(SpellChecker(distance=1).word_frequency.dictionary)
    return word in _DICT or zipf(word) >= 3.5


def _misspell(article: Article, rng: random.Random, edits: int) -> Damage | None:
    paras = {p.index for p in body_paragraphs(article, 8)}
    counts: dict[str, int] = {}
    for w in article.words:
        counts[w.text] = counts.get(w.text, 0) + 1
    min_len = 5 if edits == 1 else 7
    cands = [w for w in article.words if len(w.text) >= min_len and w.text.isalpha() and w.text.islower()
             and zipf(w.text) >= 3.0 and (article.paragraph_at(w.start) or article.paragraphs[0]).index in paras]
    rng.shuffle(cands)
    for w in cands[:20]:
        word, models = w.text, []
        for _ in range(edits):
            options = [(s, m) for s, m in _slips(word, rng) if s != w.text]
            if not options:
                break
            # Pick the model first, so that keyboard slips (many variants) do not swamp the others.
            model = rng.choice(sorted({m for _, m in options}))
            word = rng.choice([s for s, m in options if m == model])
            models.append(model)
        if word == w.text or _real(word) or len(models) < edits or word in counts:
            continue
        out = article.text[:w.start] + word + article.text[w.end:]
        return Damage(out, w.start, w.start + len(word), f"{w.text} -> {word} ({'+'.join(models)})")
    return None


def misspelling_1(article: Article, rng: random.Random) -> Damage | None:
    return _misspell(article, rng, 1)


def misspelling_2(article: Article, rng: random.Random) -> Damage | None:
    return _misspell(article, rng, 2)


# -- vague sourcing -----------------------------------------------------------------------------

_PASSIVE_SUBJECTS = ("The decision", "The move", "The plan", "This", "The change", "Such a step", "The deal",
                     "The policy", "It")
_PASSIVE_VERBS = (("considered", "to be"), ("regarded", "as"), ("seen", "as"), ("viewed", "as"),
                  ("thought", "to be"), ("believed", "to be"), ("widely considered", "to be"),
                  ("described", "as"), ("considered", ""))
_VAGUE_AGENTS = ("many", "some", "several", "critics", "observers", "many people", "some analysts",
                 "others", "some experts", "many economists", "insiders")
_COMPLEMENTS = ("a turning point", "long overdue", "a risky bet", "an important step", "controversial",
                "a mistake", "the best option available", "a sign of weakness", "unlikely to succeed")


def _insert_after(article: Article, rng: random.Random, make: Callable[[random.Random], str]) -> Damage | None:
    sentences = plain_sentences(article)
    if not sentences:
        return None
    s = rng.choice(sentences)
    new = make(rng)
    out = article.text[:s.end] + " " + new + article.text[s.end:]
    return Damage(out, s.end + 1, s.end + 1 + len(new), new)


def _prefix(article: Article, rng: random.Random, lead: Callable[[random.Random], str]) -> Damage | None:
    sentences = plain_sentences(article)
    if not sentences:
        return None
    s = rng.choice(sentences)
    head = lead(rng)
    new = head + " " + lower_first(s.text)
    out = article.text[:s.start] + new + article.text[s.end:]
    return Damage(out, s.start, s.start + len(head), new[:90])


def vague_passive(article: Article, rng: random.Random) -> Damage | None:
    def make(r: random.Random) -> str:
        subject = r.choice(_PASSIVE_SUBJECTS)
        verb, link = r.choice(_PASSIVE_VERBS)
        be = r.choice(("is", "was", "has been")) if subject != "Such a step" else "is"
        compl = r.choice(_COMPLEMENTS)
        if r.random() < 0.25:
            compl = compl + " by " + r.choice(_VAGUE_AGENTS)
            return f"{subject} {be} {verb} {link} {compl}.".replace("  ", " ")
        return f"{subject} {be} {verb} by {r.choice(_VAGUE_AGENTS)} {link} {compl}.".replace("  ", " ")

    return _insert_after(article, rng, make)


_GROUPS = ("Some", "Many", "Many people", "Some observers", "Scientists", "Many analysts", "Some residents",
           "Most experts", "Critics", "Economists", "Others", "Many Americans", "Some officials",
           "Researchers", "Some investors", "A number of analysts", "Some lawmakers")
_ADVERBS = ("", "", "", "now", "still", "increasingly", "widely", "generally", "privately")
_BELIEF = ("believe", "think", "say", "argue", "suspect", "fear", "feel", "claim", "suggest", "expect",
           "agree", "contend", "worry", "consider", "maintain")


def vague_group(article: Article, rng: random.Random) -> Damage | None:
    def lead(r: random.Random) -> str:
        group, adverb, verb = r.choice(_GROUPS), r.choice(_ADVERBS), r.choice(_BELIEF)
        if verb == "consider":
            return f"{group} {adverb} consider it {r.choice(_COMPLEMENTS)} that".replace("  ", " ")
        that = r.choice(("that", "")) if verb not in ("worry", "agree") else "that"
        return f"{group} {adverb} {verb} {that}".replace("  ", " ").strip()

    return _prefix(article, rng, lead)


_IMPERSONAL = ("It was reported that", "It has been said that", "It is said that", "It is believed that",
               "It was claimed that", "It has been suggested that", "It is widely thought that",
               "It was alleged that", "It has been reported that", "It is understood that",
               "It is rumoured that", "It was said that", "It has been claimed that", "It is thought that")


def vague_impersonal(article: Article, rng: random.Random) -> Damage | None:
    return _prefix(article, rng, lambda r: r.choice(_IMPERSONAL))


# -- pronoun number -----------------------------------------------------------------------------


#: A single person the reader could take "He"/"She" to mean: a personal pronoun, a title, a
#: named speaker ("Walsh said", "said Ann Cole"), a singular speaker by role ("a spokesman
#: said", "one source told"). Such a context makes "He" possibly right: no damage.
_ONE_PERSON = re.compile(
    r"\b(?:he|she|his|her|him|himself|herself)\b|\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Sir|Lady|Lord|Dame|"
    r"President|Prime Minister|Chancellor|King|Queen|Pope)\b\.? ?[A-Z]|"
    r"\b(?:a|an|one|another|the)\s+(?:[\w-]+\s+){0,2}?(?:spokesman|spokeswoman|spokesperson|official|source|"
    r"analyst|trader|dealer|diplomat|banker|executive|economist|lawyer|minister|chairman|director|"
    r"president|man|woman|boy|girl|officer|witness|resident|expert|manager|worker|employee|victim|"
    r"suspect|leader|member|senator|judge|doctor|teacher|student|driver|farmer|owner)\b(?!s)", re.IGNORECASE)
#: A capitalised word as the speaker of a verb of saying: "Walsh said", "said Tom Smith".
_NAMED_SPEAKER = re.compile(r"\b([A-Z][a-zA-Z]+)(?:’s|'s)? (?:said|says|told|added|noted|wrote|stressed)\b|"
                            r"\b(?:said|says|told|added) ([A-Z][a-zA-Z]+)\b")
#: A sentence (or clause) opening with a person's full name: "Romuald Sosnowski, deputy chairman
#: of ..., said", "Chris Tang, Hong Kong's new police commissioner, said".
_NAME_OPENING = re.compile(r"(?:^|[.;] )(?!The |A |An |In |On |At )[A-Z][a-zA-Z]+ (?:[A-Z]\. )?[A-Z][a-zA-Z]+(?:,| [a-z])|"
                           r"\b[a-z]+(?:er|or|ist|ent|man|ary|ant|ive) [A-Z][a-z]+ [A-Z][a-z]+")
_PEOPLE_WORDS = frozenset("people men women children police staff".split())


def _one_person(text: str) -> bool:
    """Whether ``text`` mentions a single person a "He"/"She" could refer to (see ``_ONE_PERSON``)."""
    if _ONE_PERSON.search(text):
        return True
    for m in _NAME_OPENING.finditer(text):
        first = m.group(0).lstrip(".; ").split()[0]
        if first.islower() or (not first.isupper() and (zipf(first.lower()) < 4.0 or pos(first.lower()) is None)):
            return True  # "Chris Tang, ...", not "South Korea", "Trade Minister"
    for m in _NAMED_SPEAKER.finditer(text):
        word = m.group(1) or m.group(2)
        tag = pos(word) or pos(word.lower()) or ""
        if word not in ("They", "We", "It", "This", "That", "Some", "Many", "Others") and tag not in ("NNS", "NNPS", "PRP"):
            return True
    return False


def _group_sentence(text: str) -> bool:
    """Whether a sentence is about a plural group: it opens with "They", its subject (the words
    before the first verb) ends in a plural noun ("The underwriters were", "Some Japanese trading
    houses with offices ... may"), or a plural group speaks it ("..., analysts said.")."""
    words = [w.strip(",.;:\"“”") for w in text.split()]
    if not words:
        return False
    if words[0] in ("They", "Both", "Many", "Some", "Most", "Several", "All"):
        return True
    if re.search(r"\b(?:[a-z]+ )?([a-z]+s) (?:said|say|told|reported|added)\.?[\"”]?$", text) and \
            (pos(re.search(r"([a-z]+s) (?:said|say|told|reported|added)\.?[\"”]?$", text).group(1)) or "") == "NNS":
        return True  # "..., oil industry sources said."
    for w in words[:6]:
        tag = pos(w) or pos(w.lower()) or ""
        if tag == "NNS" or w.lower() in _PEOPLE_WORDS:
            return True
        if tag.startswith(("VB", "MD")) and tag != "VBG":
            return False  # the verb: the subject is over
        if tag in ("NN", "NNP", "PRP") and w.lower() not in ("the", "some"):
            nxt = words[words.index(w) + 1] if words.index(w) + 1 < len(words) else ""
            ntag = pos(nxt) or pos(nxt.lower()) or ""
            if ntag.startswith(("VB", "MD")):
                return False  # a singular subject: "The company said"
    return False


#: Present-tense and auxiliary verbs that must agree when "They" becomes "He"/"She".
_AGREE = {"are": "is", "were": "was", "have": "has", "do": "does", "don't": "doesn't", "aren't": "isn't",
          "weren't": "wasn't", "haven't": "hasn't", "say": "says"}


def _agree(rest: str) -> str:
    """Make the verb after the pronoun singular, as a translator's output would be ("They were"
    -> "He was", "They believe" -> "He believes"): a damage left ungrammatical would be found by
    the verb alone, which is not what a reader meets."""
    m = re.match(r"((?:also|still|now|never|then|all|often|later|however,) )?([a-z']+|[a-z]+n’t)\b", rest)
    if not m:
        return rest
    verb = m.group(2)
    if verb in _AGREE:
        new = _AGREE[verb]
    elif pos(verb) == "VBP" and re.fullmatch(r"[a-z]+", verb):
        new = verb + "es" if verb.endswith(("s", "sh", "ch", "x", "o")) else \
            (verb[:-1] + "ies" if verb.endswith("y") and verb[-2:-1] not in "aeiou" else verb + "s")
    else:
        return rest
    return rest[:m.start(2)] + new + rest[m.end(2):]


def pronoun_number(article: Article, rng: random.Random) -> Damage | None:
    """A pronoun-number slip after a plural group: the "They" (or "Their") that opens a sentence
    becomes "He"/"She" ("His"/"Her"), the verb made to agree ("They were" -> "He was").

    A place qualifies when the sentence before is about a group (see ``_group_sentence``) and no
    single person is mentioned in the three sentences before (see ``_one_person``): with such a
    person near, "He" could be right, and the copy would not be damaged."""
    cands = []
    sentences = article.sentences
    body = {p.index for p in body_paragraphs(article, 6)}
    for i in range(1, len(sentences)):
        prev, s = sentences[i - 1], sentences[i]
        if not s.text.startswith(("They ", "Their ")) or s.paragraph not in body or article.in_quote(s.start):
            continue
        if prev.paragraph < s.paragraph - 1 or article.in_quote(prev.start):
            continue
        context = " ".join(x.text for x in sentences[max(0, i - 3):i])
        if _group_sentence(prev.text) and not _one_person(context):
            cands.append(s)
    if not cands:
        return None
    s = rng.choice(cands)
    old = s.text.split()[0]
    new = rng.choice(("He", "She")) if old == "They" else rng.choice(("His", "Her"))
    rest = article.text[s.start + len(old) + 1:s.end]
    if old == "They":
        rest = _agree(rest)
    out = article.text[:s.start] + new + " " + rest + article.text[s.end:]
    end = s.start + len(new) + 1 + len(rest)
    return Damage(out, s.start, end, out[s.start:min(end, s.start + 60)])


# -- the kinds already in tests/test_damage.py --------------------------------------------------


def lowercase_start(article: Article, rng: random.Random) -> Damage | None:
    cands = [m for m in re.finditer(r"[a-z]{3}\. ((?:The|This|It|He|She|They|But|In|A) )[a-z]", article.text)]
    body = {p.index for p in body_paragraphs(article, 6)}
    cands = [m for m in cands if (article.paragraph_at(m.start(1)) or article.paragraphs[0]).index in body]
    if not cands:
        return None
    at = rng.choice(cands).start(1)
    out = article.text[:at] + article.text[at].lower() + article.text[at + 1:]
    return Damage(out, at, at + 3, out[at - 10:at + 20])


_NAME = re.compile(r"(?<=[a-z,] )((?:[A-Z][a-z]+ ){1,2}[A-Z][a-z]+)(?= [a-z])")


def lowercase_name(article: Article, rng: random.Random) -> Damage | None:
    """Lower-case the first letter of a multi-word name the article writes twice or more. Not a
    name particle ("Bin Laden" -> "bin Laden", "Van Gogh", "De Gaulle"): the particle in
    lowercase is the standard spelling of such names, so that is no damage."""
    from newslint.checks.capitalization.entity_variant import PARTICLES

    counts: dict[str, list[int]] = {}
    for m in _NAME.finditer(article.text):
        counts.setdefault(m.group(1), []).append(m.start(1))
    cands = [(n, s) for n, s in counts.items() if len(s) >= 2 and n.split()[0].lower() not in ("the", "a")
             and n.split()[0].lower() not in PARTICLES]
    if not cands:
        return None
    name, starts = rng.choice(cands)
    at = rng.choice(starts[1:])
    out = article.text[:at] + article.text[at].lower() + article.text[at + 1:]
    return Damage(out, at, at + len(name), name)


def missing_space(article: Article, rng: random.Random) -> Damage | None:
    body = {p.index for p in body_paragraphs(article, 6)}
    cands = [m for m in re.finditer(r"[a-z], [a-z]", article.text)
             if (article.paragraph_at(m.start()) or article.paragraphs[0]).index in body]
    if not cands:
        return None
    m = rng.choice(cands)
    at = m.start() + 2
    out = article.text[:at] + article.text[at + 1:]
    return Damage(out, at - 2, at + 1, out[at - 12:at + 12])


#: kind -> (damage function, accepted categories)
KINDS: dict[str, tuple[DamageFn, tuple[str, ...]]] = {
    "truncation-end": (truncation_end, ("truncation",)),
    "truncation-paragraph": (truncation_paragraph, ("truncation",)),
    "fused-name": (fused_name, ("mt_artifact",)),
    "fused-link": (fused_link, ("mt_artifact",)),
    "capitalised-word": (capitalised_word, ("mt_artifact", "capitalization")),
    "unclosed-quote": (unclosed_quote, ("punctuation",)),
    "misspelling-1": (misspelling_1, ("spelling",)),
    "misspelling-2": (misspelling_2, ("spelling",)),
    "vague-passive": (vague_passive, ("attribution",)),
    "vague-group": (vague_group, ("attribution",)),
    "vague-impersonal": (vague_impersonal, ("attribution",)),
    "pronoun-number": (pronoun_number, ("mt_artifact",)),
    "lowercase-start": (lowercase_start, ("capitalization",)),
    "lowercase-name": (lowercase_name, ("capitalization", "consistency")),
    "missing-space": (missing_space, ("spacing",)),
}


# -- running ------------------------------------------------------------------------------------


def material(sets: list[str]) -> list[Path]:
    files: list[Path] = []
    for name in sets:
        files += sorted((SHARED / "corpus" / name).glob("*.txt"))
    return files


def group_of(path: Path) -> str:
    if path.parent.name == "clean":
        return f"clean-{half(path.name)}"
    return path.parent.name


def run(kinds: list[str], seeds: list[int], cases: int, sets: list[str], show_misses: int,
        min_severity: str) -> dict:
    linter = Linter(load_entry_points=False)
    files = material(sets)
    texts: dict[Path, str] = {}
    originals: dict[Path, list] = {}
    severities = ("warning", "error") if min_severity == "warning" else ("info", "warning", "error")

    def lint_original(path: Path) -> list:
        if path not in originals:
            originals[path] = linter.lint(texts[path], path=str(path)).findings
        return originals[path]

    results: dict = {"kinds": {}, "seeds": seeds, "cases": cases, "sets": sets}
    for kind in kinds:
        fn, accept = KINDS[kind]
        per_seed = []
        misses: list[str] = []
        for seed in seeds:
            rng = random.Random(f"{seed}:{kind}")
            order = files[:]
            rng.shuffle(order)
            tried = found = pre = 0
            for path in order:
                if tried >= cases:
                    break
                if path not in texts:
                    texts[path] = path.read_text(encoding="utf-8")
                article = Article(texts[path], path=str(path))
                if not article.paragraphs:
                    continue
                damage = fn(article, rng)
                if damage is None:
                    continue
                original = lint_original(path)
                # Map the span back to the original roughly (damage changes a few characters).
                if any(f.category in accept and f.severity in severities and f.start < damage.end + 2
                       and damage.start - 2 < f.end for f in original):
                    pre += 1
                    continue
                tried += 1
                report = linter.lint(damage.text, path=str(path))
                hit = any(f.category in accept and f.severity in severities and f.start < damage.end
                          and damage.start < f.end for f in report.findings)
                found += hit
                if not hit and len(misses) < show_misses:
                    misses.append(f"{path.name} @{damage.start}: {damage.note!r}")
            per_seed.append({"seed": seed, "tried": tried, "found": found, "pre_flagged": pre})
        results["kinds"][kind] = {"accept": accept, "per_seed": per_seed, "misses": misses}
    # Undamaged originals: warnings of each kind's categories per 1,000 words, by group.
    groups: dict[str, dict] = {}
    for path, findings in originals.items():
        g = groups.setdefault(group_of(path), {"files": 0, "words": 0, "alarms": {}})
        g["files"] += 1
        g["words"] += len(WORD.findall(texts[path]))
        for f in findings:
            if f.severity in ("warning", "error"):
                g["alarms"][f.category] = g["alarms"].get(f.category, 0) + 1
    results["originals"] = groups
    return results


def markdown(results: dict) -> str:
    seeds = results["seeds"]
    lines = [f"Seeds {', '.join(map(str, seeds))}; up to {results['cases']} cases per kind and seed; "
             f"material: {', '.join(results['sets'])}.", "",
             "| kind | categories | " + " | ".join(f"seed {s}" for s in seeds) + " | all | pre-flagged |",
             "| --- | --- | " + " | ".join("---" for _ in seeds) + " | --- | --- |"]
    for kind, r in results["kinds"].items():
        cells = [f"{p['found'] / p['tried']:.2f} ({p['found']}/{p['tried']})" if p["tried"] else "n/a"
                 for p in r["per_seed"]]
        tried = sum(p["tried"] for p in r["per_seed"])
        found = sum(p["found"] for p in r["per_seed"])
        pre = sum(p["pre_flagged"] for p in r["per_seed"])
        total = f"**{found / tried:.2f}**" if tried else "n/a"
        lines.append(f"| {kind} | {', '.join(r['accept'])} | " + " | ".join(cells) + f" | {total} | {pre} |")
    lines += ["", "Undamaged originals drawn (warnings and errors per 1,000 words, all checks, and for the "
              "categories above):", "", "| material | files | words | all | by category |", "| --- | --- | --- | --- | --- |"]
    for name, g in sorted(results["originals"].items()):
        total = sum(g["alarms"].values())
        cats = ", ".join(f"{c} {n}" for c, n in sorted(g["alarms"].items())) or "-"
        lines.append(f"| {name} | {g['files']} | {g['words']} | {1000 * total / max(1, g['words']):.3f} | {cats} |")
    return "\n".join(lines)


def _rate(per_seed: list[dict]) -> str:
    """"0.82 (0.88 / 0.78 / 0.81)": recall over all seeds, then per seed."""
    tried = sum(p["tried"] for p in per_seed)
    found = sum(p["found"] for p in per_seed)
    if not tried:
        return "n/a"
    each = " / ".join(f"{p['found'] / p['tried']:.2f}" if p["tried"] else "n/a" for p in per_seed)
    return f"{found / tried:.2f} ({each})"


DOCS_START = "<!-- damage-benchmark"
DOCS_END = "<!-- /damage-benchmark -->"


def docs_section(results: dict, before: dict | None, command: str, before_label: str, after_label: str) -> str:
    """The generated section of docs/accuracy.md: what a case is, the command, recall per kind
    before and after (seeds side by side), and the undamaged originals' alarm rates."""
    seeds = " / ".join(map(str, results["seeds"]))
    lines = [f"{DOCS_START}: generated by benchmarks/damage.py --docs; edit the generator, not this text -->",
             "## Recall on damaged copies (`benchmarks/damage.py`, issue 15)", "",
             "Each copy of a clean article (`../shared/corpus/clean` and `dev-clean`) gets ONE damage of one",
             "kind, at recorded offsets; a case is found when a finding of an accepted category (any severity,",
             "the seeds scorer's rule) overlaps the damaged span. Cases where the undamaged original already had",
             "such a finding there are not counted (`pre-flagged`). How each kind is made is described in the",
             "module docstring of `benchmarks/damage.py`.",
             f"Up to {results['cases']} cases per kind and seed; \"cases\" is the total over the seeds (a kind",
             "with fewer places in the material has fewer).",
             f"\"Before\" is {before_label}; \"after\" is {after_label}.", "",
             "    " + command, "",
             f"| kind | categories | before (seeds {seeds}) | after (seeds {seeds}) | cases | pre-flagged |",
             "| --- | --- | --- | --- | --- | --- |"]
    for kind, r in results["kinds"].items():
        old = (before or {}).get("kinds", {}).get(kind)
        was = _rate(old["per_seed"]) if old else "n/a"
        now = _rate(r["per_seed"])
        if now != "n/a":
            head, _, rest = now.partition(" ")
            now = f"**{head}** {rest}"
        tried = sum(p["tried"] for p in r["per_seed"])
        pre = sum(p["pre_flagged"] for p in r["per_seed"])
        lines.append(f"| {kind} | {', '.join(r['accept'])} | {was} | {now} | {tried} | {pre} |")
    below = [k for k, r in results["kinds"].items()
             if sum(p["tried"] for p in r["per_seed"]) and
             sum(p["found"] for p in r["per_seed"]) / sum(p["tried"] for p in r["per_seed"]) < 0.9]
    lines += ["", "Below 0.9 after: " + (", ".join(below) if below else "none") + ".", "",
              "Undamaged originals drawn by the run: warnings and errors per 1,000 words, all checks "
              "(clean split into the fixed tuning and checking halves).", "",
              "| material | files | words | per 1,000 words | by category |", "| --- | --- | --- | --- | --- |"]
    for name, g in sorted(results["originals"].items()):
        total = sum(g["alarms"].values())
        cats = ", ".join(f"{c} {n}" for c, n in sorted(g["alarms"].items())) or "-"
        lines.append(f"| {name} | {g['files']} | {g['words']} | {1000 * total / max(1, g['words']):.3f} | {cats} |")
    lines.append(DOCS_END)
    return "\n".join(lines) + "\n"


def write_docs(path: Path, section: str) -> None:
    """Replace the generated section of ``path`` (from the start marker to the end marker, or to
    the end of the file when there is no end marker yet); text after the end marker is kept."""
    old = path.read_text(encoding="utf-8")
    at = old.find(DOCS_START)
    if at < 0:
        new = old.rstrip("\n") + "\n\n" + section
    else:
        end = old.find(DOCS_END, at)
        tail = old[end + len(DOCS_END):].lstrip("\n") if end >= 0 else ""
        new = old[:at] + section + ("\n" + tail if tail else "")
    path.write_text(new, encoding="utf-8")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3])
    ap.add_argument("--kinds", nargs="+", choices=sorted(KINDS), default=list(KINDS))
    ap.add_argument("--cases", type=int, default=120, help="cases per kind and seed")
    ap.add_argument("--sets", nargs="+", default=["clean", "dev-clean"])
    ap.add_argument("--show-misses", type=int, default=0, help="list this many misses per kind")
    ap.add_argument("--min-severity", choices=("info", "warning"), default="info",
                    help="lowest severity that counts as finding the damage (default: any)")
    ap.add_argument("--markdown", help="write the Markdown table here")
    ap.add_argument("--json", help="write the full results as JSON here")
    ap.add_argument("--load", help="do not run: read the results of an earlier run (its --json file)")
    ap.add_argument("--docs", help="rewrite the damage-benchmark section of this Markdown file "
                    "(docs/accuracy.md) from this run")
    ap.add_argument("--before", help="results JSON (--json of an earlier run) shown as the \"before\" column")
    ap.add_argument("--before-label", default="main at 39089b9, the start of issue 15",
                    help="what the --before run measured")
    ap.add_argument("--after-label", default="this checkout", help="what this run measured")
    args = ap.parse_args()
    t0 = time.time()
    if args.load:
        results = json.loads(Path(args.load).read_text(encoding="utf-8"))
    else:
        results = run(args.kinds, args.seeds, args.cases, args.sets, args.show_misses, args.min_severity)
    text = markdown(results)
    print(text)
    for kind, r in results["kinds"].items():
        for miss in r["misses"]:
            print(f"MISS {kind}: {miss}")
    print(f"({time.time() - t0:.0f} s)", file=sys.stderr)
    if args.markdown:
        Path(args.markdown).write_text(text + "\n", encoding="utf-8")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    if args.docs:
        before = json.loads(Path(args.before).read_text(encoding="utf-8")) if args.before else None
        command = (f"python benchmarks/damage.py --seeds {' '.join(map(str, results['seeds']))} "
                   f"--cases {results['cases']} --json /tmp/damage.json --docs {args.docs}"
                   + (" --before benchmarks/damage_before.json" if args.before else ""))
        write_docs(Path(args.docs), docs_section(results, before, command, args.before_label, args.after_label))
    return 0


if __name__ == "__main__":
    sys.exit(main())
