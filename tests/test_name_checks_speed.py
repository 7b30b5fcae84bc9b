"""Speed work on the name and duplicate checks (issue 16) that must not change a single finding:
entity-variant's name index, the capital-first scanning patterns, the shared paragraph and
sentence keys of the duplicate checks.

The speed itself is measured in ``benchmarks/`` and written up in docs/benchmarks.md (Session
4: name and duplicate checks), never asserted here; these tests pin each fast path to the slow,
obvious version it replaced, on the vendored fixtures and on random texts over the characters
the fast paths reason about (joiners, accents, letters whose lowercase changes length or
depends on context)."""

from __future__ import annotations

import importlib
import random
import re
from pathlib import Path

from newslint.article import Article

entity_variant = importlib.import_module("newslint.checks.capitalization.entity_variant")
names = importlib.import_module("newslint.checks.capitalization._names")

FIXTURES = Path(__file__).parent / "fixtures"

#: Words the random texts are made of: well-known names in several cases, their pieces, joiners,
#: and letters whose lowercase is longer (İ) or context-dependent (Σ), or ASCII from non-ASCII (K).
_PIECES = ("New", "new", "NEW", "York", "york", "United", "united", "States", "states", "El", "el",
           "Salvador", "salvador", "Justice", "justice", "Department", "department", "of", "the",
           "Iraq", "iraq", "Iraq's", "Iraq’s", "Hong", "Kong", "kong", "Wall", "street", "Street",
           "West", "Germany", "german", "South", "Korea", "korean", "Diamond", "Lumber", "and",
           "İstanbul", "ΟΔΟΣ", "Σ", "\u212aent", "anti-New", "x-York", "said", "A", "I", "Co")
_SEPARATORS = (" ", " ", " ", ", ", ". ", "\n", "\n\n", "-", "'", "’", " “", "” ", "_", "  ")


def _random_texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_PIECES) + rng.choice(_SEPARATORS) for _ in range(rng.randint(1, 30)))
            for _ in range(n)]


def _fixture_texts() -> list[str]:
    return [p.read_text(encoding="utf-8", errors="replace") for p in sorted(FIXTURES.rglob("*.txt"))]


# -- entity-variant -------------------------------------------------------------------------------


def _reference_find_names(text: str, known: dict[str, str]) -> list[tuple[int, int]]:
    """The search as first written: every name, one ``str.find`` scan each."""
    lower = text.lower()
    n = len(text)
    found: dict[int, int] = {}
    for key in known:
        i = lower.find(key)
        while i >= 0:
            end = i + len(key)
            before = text[i - 1] if i else " "
            after = text[end] if end < n else " "
            if not (before.isalnum() or before in "’'-") and not (after.isalnum() or after == "-"):
                if end - i > found.get(i, 0) - i:
                    found[i] = end
            i = lower.find(key, i + 1)
    out: list[tuple[int, int]] = []
    last_end = -1
    for start, end in sorted(found.items()):
        if start >= last_end:
            out.append((start, end))
            last_end = end
    return out


def test_indexed_name_search_keeps_every_match_that_can_matter():
    """Searching only the names the word index allows, and none of the one-word names, finds the
    same matches as searching every name, less the one-word matches (which yield no finding);
    in the lowered text or, for ASCII names, in the prefilter haystack's bytes."""
    from newslint.prefilter import haystack

    extra = ["at&t", "e-trade", "İstanbul".lower(), "ΟΔΟΣ".lower(), "\u212aent".lower(), "kong", "what?",
             "wall street", "state street"]
    odd = ["Wall_Street", "\u017ftate Street", "\u0131raq", "St\u0131te", "Wall \u017ftreet", "New_York"]
    rng = random.Random(71)
    texts = _fixture_texts() + _random_texts(3000, 7) + [
        " ".join(rng.choice((*odd, "what?", "What?", "state", "Street", "said")) for _ in range(rng.randint(1, 12)))
        for _ in range(1500)]
    for text in texts:
        article = Article(text)
        own = ["diamond lumber", "justice department", "new york", "iraq's army", "korea", *extra]
        known = dict(names.proper_nouns())
        for key in own:
            known.setdefault(key, key)
        may_occur = names.names_that_may_occur(article, own)
        searched = names.names_that_may_occur(article, own, searched=True)
        assert (may_occur is None) == (searched is None) == (names.LENGTHENS_IN_LOWERCASE in text)
        if searched is not None:
            assert {k for k in searched if not k.isalnum()} == {k for k in may_occur if not k.isalnum()}
        keys = [k for k in (known if may_occur is None else may_occur) if entity_variant._worth_searching(k)]
        assert may_occur is None or may_occur <= known.keys()
        slow = [(s, e) for s, e in _reference_find_names(text, known) if not text[s:e].isalnum()]
        assert entity_variant._find_names(text, keys) == slow, text
        if not any(ch in text for ch in entity_variant._FOLD_NOT_LOWER):
            assert entity_variant._find_names(text, keys, raw=haystack(article).raw) == slow, text


def test_lowercase_and_haystack_fold_differ_only_where_the_name_search_looks():
    """Over every code point: only "İ" lowercases to more than one character, and only "İ",
    "ı" and "ſ" fold (the prefilter haystack) and lowercase to different ASCII letters or to an
    ASCII letter on one side only."""
    from newslint.prefilter import _fold_char

    longer, differ = [], []
    for code in range(0x110000):
        ch = chr(code)
        lower, folded = ch.lower(), _fold_char(ch)
        if len(lower) != 1:
            longer.append(ch)
        if (len(lower) == 1 and lower.isascii()) != folded.isascii() or (folded.isascii() and folded != lower):
            differ.append(ch)
    assert longer == [names.LENGTHENS_IN_LOWERCASE]
    assert "".join(differ) == entity_variant._FOLD_NOT_LOWER


def test_one_word_names_yield_no_finding():
    """What the search leaves out: a one-word name spelled any way is no finding."""
    text = "Iraq and iraq and IRAQ and iRAQ and Washington. washington said WASHINGTON won."
    from newslint import Linter

    lint = Linter({"select": ["NL301"], "checks": {"entity-variant": {"extra-names": ["Iraq", "Washington"]}}},
                  load_entry_points=False)
    assert not lint.lint(text).findings


def _reference_picked(article: Article) -> list[list[str]]:
    """The run loop as it was (65d206d): a paragraph and a quotation look-up per run, the
    run's names worked out once per article."""
    from newslint.analysis.words import sentence_start_offsets

    skip = article.layout.furniture_indices
    starts = sentence_start_offsets(article)
    spelled: dict = {}
    picked = []
    for run in names.name_runs(article):
        para = article.paragraph_at(run.start)
        if para is None or para.index in skip or para.is_heading:
            continue
        spelling = spelled.get(run.text)
        if spelling is None:
            spelling = spelled[run.text] = entity_variant._RunNames(run.text)
        if spelling.in_capitals or article.in_quote(run.start):
            continue
        if spelling.nothing_dropped and (run.start in starts or entity_variant._at_sentence_start(article, run.start)) \
                and spelling.first_is_common_word():
            picked.append(spelling.without_first())
        else:
            picked.append(spelling.names())
    return picked


def test_picked_names_walk_is_the_lookup_per_run():
    """Walking paragraphs and quotations beside the runs, with run texts cached across
    articles, picks the names the look-ups per run picked."""
    extra = ["Foo Bar and Baz Qux\n\n“The Justice Department” said New York", "ΟΔΟΣ Σ Bank's Big Deal and I Co"]
    for text in _fixture_texts() + _random_texts(3000, 47) + _mixed_texts(1000, 53) + extra:
        article = Article(text)
        assert entity_variant._picked_names(article, frozenset(s.start for s in article.sentences)) == \
            _reference_picked(Article(text)), text


def test_spelled_names_are_the_plain_tests():
    """The title test as a superset test in C and the possessive test on the run's two ends are
    the tests of every word they replaced."""
    from newslint.checks.capitalization._names import CONNECTORS, title_words

    def plain_parts(words: list[str]) -> list[list[str]]:
        if len(words) < 3 and not any(w.endswith(("'s", "’s")) for w in words):
            return [words]
        return entity_variant._name_parts(words)

    def plain(words: list[str]) -> list[str]:
        if len(words) < 2 or words[-1].lower() in CONNECTORS or "I" in words:
            return []
        return [" ".join(part) for part in plain_parts(words)
                if not all(w.lower() in title_words() or w.lower() in CONNECTORS for w in part)]

    rng = random.Random(59)
    pieces = ("Bank", "bank", "of", "the", "and", "&", "Department", "Justice", "China's", "Party’s",
              "I", "General", "Attorney", "Diamond", "Lumber", "de", "Co", "President", "'s")
    for _ in range(20000):
        words = [rng.choice(pieces) for _ in range(rng.randint(0, 6))]
        assert entity_variant._spelled_names(words) == plain(words), words


def _reference_at_sentence_start(article: Article, offset: int) -> bool:
    sentence = article.sentence_at(offset)
    lead_from = sentence.start if sentence is not None else offset
    line_start = article.text.rfind("\n", lead_from, offset) + 1
    return not any(c.isalnum() for c in article.text[max(lead_from, line_start):offset]) or (
        sentence is not None and not any(c.isalnum() for c in article.text[sentence.start:offset]))


def test_sentence_start_test_is_the_two_scans_it_replaced():
    for text in _fixture_texts()[:40] + _random_texts(500, 11):
        article = Article(text)
        for offset in range(len(text) + 1):
            assert entity_variant._at_sentence_start(article, offset) == \
                _reference_at_sentence_start(article, offset), (text, offset)


def test_name_runs_pattern_matches_its_plain_form():
    plain = re.compile(
        r"(?<![\w’'-])[A-Z][\w’'-]*(?:\s+(?:(?:of|de|del|la|las|los|el|and|for|the|y|da|di|du|van|von)\s+)?"
        r"[A-Z][\w’'-]*)+")
    assert names._NAME_RUN.pattern != plain.pattern
    for text in _fixture_texts() + _random_texts(2000, 5):
        assert [m.span() for m in names._NAME_RUN.finditer(text)] == [m.span() for m in plain.finditer(text)]


# -- duplicate checks -----------------------------------------------------------------------------

duplicate = importlib.import_module("newslint.checks.duplicate._duplicate")


def _article_texts() -> list[str]:
    """Fixtures, random texts, and articles of sentences drawn from a few, so that paragraphs
    and sentences repeat, nearly repeat, and hold the characters normalising folds."""
    rng = random.Random(13)
    sentences = [" ".join(rng.choice(_PIECES) for _ in range(rng.randint(3, 14))) + rng.choice(".!?")
                 for _ in range(12)]
    articles = []
    for _ in range(300):
        paras = [" ".join(rng.choice(sentences) for _ in range(rng.randint(1, 5))) for _ in range(rng.randint(1, 9))]
        articles.append("\n\n".join(paras))
    return _fixture_texts() + _random_texts(1500, 17) + articles


def test_shared_keys_are_each_paragraph_and_sentence_normalised():
    for text in _article_texts():
        article = Article(text)
        keys = duplicate.article_keys(article)
        assert keys.paragraphs == [duplicate.normalise(p.text) for p in article.paragraphs], text
        assert keys.sentences == [[duplicate.normalise(s.text) for s in article.sentences_of(p)]
                                  for p in article.paragraphs], text
        assert all(k.count(" ") + 1 == len(k.split()) for k in keys.paragraphs if k)


def test_keys_from_tokens_are_normalised_text():
    """Keys made by joining tokens are ``normalise`` of each paragraph and sentence, on texts
    that take that path (most), and on sentences cut inside a word (by hand: today's
    segmenter never cuts one)."""
    from newslint.text.segment import Sentence

    taken = 0
    for text in _article_texts():
        if not duplicate._plain_case(text):
            continue
        taken += 1
        article = Article(text)
        keys = duplicate.article_keys(article)
        assert keys.paragraphs == [duplicate.normalise(p.text) for p in article.paragraphs], text
        assert keys.sentences == [[duplicate.normalise(s.text) for s in article.sentences_of(p)]
                                  for p in article.paragraphs], text
    assert taken > 500  # (the others hold "İ" or "Σ")
    article = Article("One two three. Four five-six seven.")
    article.__dict__["sentences"] = [Sentence(0, 6, "One tw", 0, 0), Sentence(6, 35, article.text[6:], 0, 1)]
    keys = duplicate.article_keys(article)
    assert keys.sentences == [["one tw", "o three four five six seven"]]
    assert keys.paragraphs == ["one two three four five six seven"]


def test_lowercase_keeps_letters_and_digits_but_dotted_capital_i():
    """What the joined token keys rest on, over every code point of this Python's Unicode: a
    letter or digit lowercases to one letter or digit, save "İ"; no other character
    lowercases to a letter, a digit or "_"; the joiners lowercase to themselves."""
    odd = []
    for code in range(0x110000):
        ch = chr(code)
        lower = ch.lower()
        if ch.isalnum():
            if len(lower) != 1 or not lower.isalnum():
                odd.append(ch)
        elif ch != "_" and any(c.isalnum() or c == "_" for c in lower):
            odd.append(ch)
    assert odd == ["\u0130"]
    assert "'’-".lower() == "'’-"


def _reference_near(paragraphs: list[list[str]]) -> list[int | None]:
    """Near copies as first written: every paragraph's 5-grams indexed, votes counted."""
    from collections import Counter

    owner: dict[str, int] = {}
    sizes: dict[int, int] = {}
    out: list[int | None] = []
    for index, words in enumerate(paragraphs):
        shingles = {" ".join(words[i:i + 5]) for i in range(len(words) - 4)}
        votes = Counter(owner[sh] for sh in shingles if sh in owner)
        found = None
        if votes:
            other, hits = votes.most_common(1)[0]
            if hits >= duplicate.NEAR_OVERLAP * max(len(shingles), sizes[other]):
                found = other
        out.append(found)
        sizes[index] = len(shingles)
        for sh in shingles:
            owner.setdefault(sh, index)
    return out


def test_near_copy_index_finds_what_indexing_every_paragraph_finds():
    """The vocabulary test only skips paragraphs that copy nothing: same answers as the full
    index on sequences rich in copies, edited copies, repeated 5-grams and shared vocabulary."""
    rng = random.Random(21)
    found_any = 0
    for _ in range(1500):
        vocab = [f"w{i}" for i in range(rng.randint(3, 60))]
        paragraphs: list[list[str]] = []
        for _ in range(rng.randint(1, 10)):
            if paragraphs and rng.random() < 0.4:
                words = list(rng.choice(paragraphs))
                for _ in range(rng.randint(0, len(words) // 3)):  # edit a copy
                    words[rng.randrange(len(words))] = rng.choice(vocab)
                if rng.random() < 0.3:
                    words = words[rng.randint(0, 6):]
            else:
                words = [rng.choice(vocab) for _ in range(rng.randint(20, 70))]
            paragraphs.append(words)
        near = duplicate._NearCopies()
        fast = [near.add(i, words) for i, words in enumerate(paragraphs)]
        assert fast == _reference_near(paragraphs)
        found_any += any(x is not None for x in fast)
    assert found_any > 100  # the sequences do hold near copies


def test_paragraph_keys_join_sentence_keys_only_when_that_is_exact():
    """The three ways sentence keys joined would differ from the paragraph's own key (found by a
    segmenter other than today's): text outside every sentence, a word cut between two
    sentences, a capital sigma (its lowercase depends on the next letter)."""
    from newslint.article import Paragraph
    from newslint.text.segment import Sentence

    def tiled(text: str, spans: list[tuple[int, int]]) -> bool:
        para = Paragraph(0, len(text), text, 0, "body", False, False)
        return duplicate._tiled(text, para, [Sentence(s, e, text[s:e], 0, i) for i, (s, e) in enumerate(spans)])

    assert tiled("One two. Three four.", [(0, 8), (9, 20)])
    assert not tiled("One two. x Three.", [(0, 8), (11, 17)])  # "x" in no sentence
    assert not tiled("Onetwo three.", [(0, 3), (3, 13)])  # "One|two"
    assert not tiled("ΟΔΟΣ'Α two.", [(0, 5), (5, 11)])  # final or medial sigma
    assert duplicate.normalise("ΟΔΟΣ'") != duplicate.normalise("ΟΔΟΣ'Α").split()[0]


# -- capitalised-word, pronoun-number, shouting, name-spelling -------------------------------------

capitalised_word = importlib.import_module("newslint.checks.mt_artifact.capitalised_word_mid_sentence")
pronoun_number = importlib.import_module("newslint.checks.mt_artifact.pronoun_number")
shouting = importlib.import_module("newslint.checks.capitalization.shouting")

#: Pieces for texts where capitals, prepositions of place, capitals runs and quotes meet.
_MIXED = ("the", "said", "in", "from", "to", "into", "near", "at", "Paris", "New", "York", "Detain",
          "Reach", "agreement", "THE", "GREAT", "NATO", "WIDE", "Abc", "ABc", "Éric", "él", "x-Abc",
          "Abc-x", "O'Neil", "he", "He", "She", "His", "Her", "they", "Monday", "US", "Group", "of", "10",
          "Ramírez", "Ramirez", "naïve", "Le", "van", "_", "Co")
_MIXED_SEPARATORS = (" ", " ", " ", "  ", ", ", ". ", ": ", "; ", " “", "” ", "\n", "\n\n", "-", "’", " (", ") ")


def _mixed_texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_MIXED) + rng.choice(_MIXED_SEPARATORS) for _ in range(rng.randint(2, 40)))
            for _ in range(n)]


def test_capital_first_patterns_match_their_plain_forms():
    """Each scanning pattern rewritten to start with the character it consumes finds what the
    plain pattern found (whole texts, and paragraph ranges where a look-behind sees past the
    range's start)."""
    plain_places = re.compile(r"\b(?:in|from|to|at|across|throughout|into|near) ((?:[A-Z][a-z]+ )*[A-Z][a-z]+)\b")
    plain_names = re.compile(r"(?<=[a-z,] )([A-Z][a-z]+)\b")
    plain_caps = re.compile(r"(?<![\w’'-])[A-Z]{4,}(?:\s+[A-Z]{2,})*(?![\w’'-])")
    for text in _fixture_texts() + _mixed_texts(3000, 23):
        assert [m.group(1) for m in plain_places.finditer(text)] == \
            [m.group(1) for m in pronoun_number._AFTER_PLACE_WORD.finditer(text)]
        assert plain_names.findall(text) == pronoun_number._NAME_AFTER_LOWER.findall(text)
        at = 0
        for line in text.split("\n"):
            end = at + len(line)
            assert [m.span() for m in plain_caps.finditer(text, at, end)] == \
                [m.span() for m in shouting._CAPS.finditer(text, at, end)]
            at = end + 1


def _reference_title_words(article: Article) -> list[tuple[int, int]]:
    """The loop as first written: every word of every prose sentence the gate passes."""
    from newslint.analysis.words import words_between

    out = []
    for para in article.layout.prose:
        for sentence in article.sentences_of(para):
            if not capitalised_word._CANDIDATE.search(sentence.text):
                continue
            words = words_between(article, sentence.start, sentence.end)
            for i in range(1, len(words) - 1):
                if capitalised_word._TITLE_WORD.fullmatch(words[i].text) and words[i + 1].text[:1].islower():
                    out.append((words[i].start, i))
    return out


def test_title_words_are_the_ones_the_word_loop_found():
    """Title-case words between lowercase ones, found by scanning the paragraphs that pass the
    gate, are the words the test of every word found, less those the word alone rules out."""
    for text in _fixture_texts() + _mixed_texts(2000, 29):
        article = Article(text)
        fast = [(article.word_starts[k], k - lo) for k, lo, _ in capitalised_word._title_words_inside(article)]
        verdicts = capitalised_word._VERDICTS
        slow = [(start, i) for start, i in _reference_title_words(article)
                if verdicts.get(article.text[start:article.word_ends[article.word_starts.index(start)]]) is not False]
        assert fast == slow, text
        for start, _ in slow:  # judge the words, so that the next texts meet known ones too
            capitalised_word._may_flag(article.text[start:article.word_ends[article.word_starts.index(start)]])


def _reference_capitalised_words(article: Article) -> list[tuple[int, int]]:
    """NL402's loop as it was before the candidates were found without spans (65d206d): every
    title-case word of the gated sentences, each with its sentence's whole word list."""
    from newslint.analysis.words import words_between
    from newslint.lexicon import pos, zipf

    cw = capitalised_word
    text = article.text
    names = cw._mid_sentence_capitals(article)
    out = []
    for para in article.layout.prose:
        for sentence in article.sentences_of(para):
            if not cw._CANDIDATE.search(sentence.text):
                continue
            words = words_between(article, sentence.start, sentence.end)
            for i in range(1, len(words) - 1):
                w = words[i]
                if not cw._TITLE_WORD.fullmatch(w.text):
                    continue
                prev, nxt = words[i - 1], words[i + 1]
                if not nxt.text[:1].islower():
                    continue
                gap = text[prev.end:w.start]
                after_name = prev.text[:1].isupper() and not prev.text.isupper() and "," not in gap
                if gap != " " and (any(ch in cw._OPENERS for ch in gap) or "." in gap):
                    continue
                lower = w.text.lower()
                if zipf(lower) < 3.0 or article.in_quote(w.start) or names.get(w.text, 0) > 1:
                    continue
                tag, cap_tag = pos(lower), pos(w.text)
                if cw._rarely_capitalised(article, words, i, names):
                    pass
                elif tag is None:
                    continue
                elif tag.startswith(cw._SUSPECT_TAGS):
                    if cap_tag and cap_tag[:2] != tag[:2] and not (
                            cap_tag.startswith("NNP") and tag == "VB" and zipf(lower) >= 4.5):
                        continue
                    if cw._in_title(words, i) or (after_name and not tag.startswith(cw._NEVER_IN_NAMES)):
                        continue
                elif after_name or cw._in_title(words, i):
                    continue
                elif tag.startswith("RB") and (cap_tag or "")[:2] == tag[:2] and prev.text != "of":
                    pass
                elif tag.startswith(cw._CONTENT_TAGS):
                    if (cap_tag or "").startswith("NNP") or cw._in_name_phrase(words, i):
                        continue
                    if not cw._common_reading(words, i, tag, article.word_counts.get(lower, 0) >= 1):
                        continue
                else:
                    continue
                out.append((w.start, w.end))
    return out


#: Common words of every part of speech the check judges differently (verbs, participles,
#: function words, adverbs, nouns, adjectives, proper adjectives, numbers, ordinals, title and
#: institution words, media words, particles), and names.
_COMMON = ("detain reach following approved has enhanced offered left annual meeting witnesses "
           "inflation losses sudden board government bank times newspaper seven ninth first mainly "
           "not the a of for and in on to by with it may will said new western democratic polish "
           "conservatives minister head group ministry office affairs sale budget rate price job "
           "steel industry market today independent just much plan union senate house party total "
           "anyone rose fell expected some several their our this van de reagan heller moody's "
           "council general standard index chemicals plastics towns project owner court").split()


def _common_word_texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        sentences = []
        for _ in range(rng.randint(1, 6)):
            words = [rng.choice(_COMMON) for _ in range(rng.randint(3, 16))]
            words = [w.capitalize() if rng.random() < 0.3 else w for w in words]
            words[0] = words[0].capitalize()
            seps = [rng.choice((" ", " ", " ", ", ", " “", "” ", " (", ": ", " 10 ")) for _ in words[1:]]
            sentences.append(words[0] + "".join(sep + w for sep, w in zip(seps, words[1:], strict=True)) + ".")
        out.append(" ".join(sentences) + rng.choice(("", "\n\nThe board met the Board.", "\n\nHEAD LINE")))
    return out


def test_capitalised_word_findings_are_the_word_loops():
    """NL402 as now written finds what its loop over every word of the gated sentences found,
    on texts of common words capitalised at random (every path of the check is taken)."""
    found = 0
    for text in _fixture_texts() + _mixed_texts(1500, 41) + _common_word_texts(3000, 43):
        article = Article(text)
        fast = [(h.start, h.end) for h in capitalised_word.capitalised_word_mid_sentence(article, None)]
        assert fast == _reference_capitalised_words(Article(text)), text
        found += len(fast)
    assert found > 1000


def test_mid_sentence_capitals_on_demand_are_the_counts_of_the_word_loop():
    from collections import Counter

    from newslint.analysis.words import sentence_start_offsets

    for text in _fixture_texts() + _mixed_texts(2000, 31):
        article = Article(text)
        starts = sentence_start_offsets(article)
        words = article.words
        counts: Counter[str] = Counter()
        for i, w in enumerate(words):  # the pass over every word, as first written
            if not w.text[:1].isupper() or w.start in starts or i == 0:
                continue
            gap = text[words[i - 1].end:w.start]
            if any(ch in capitalised_word._OPENERS for ch in gap) or "." in gap or "\n" in gap:
                continue
            counts[w.text] += 1
        lazy = capitalised_word._MidSentenceCapitals(article)
        for w in {w.text for w in words}:
            assert lazy.get(w, 0) == counts.get(w, 0), (text, w)
            assert lazy.several(w) == (counts.get(w, 0) > 1), (text, w)


def test_gated_checks_are_silent_only_where_they_could_find_nothing():
    """name-spelling needs an accented letter, pronoun-number a sentence opening with a singular
    pronoun: without one they find nothing whatever the rest says."""
    from newslint import Linter

    lint = Linter({"select": ["NL354", "NL404"]}, load_entry_points=False)
    assert {f.code for f in lint.lint("Carlos Ramírez met the DEA. Ramirez later left.").findings} == {"NL354"}
    assert not lint.lint("Carlos Ramirez met the DEA. Ramirez later left. Ramirezz left.").findings
    plural = "The detainees were moved at night. They were not allowed to call their families. "
    assert {f.code for f in lint.lint(plural + "He never stepped out of the cell.").findings} == {"NL404"}
    assert not lint.lint(plural + "The guard never stepped out of the cell.").findings


def test_latin1_letter_test_is_the_search():
    name_spelling = importlib.import_module("newslint.checks.consistency.name_spelling")
    samples = ["", "plain", "“quoted”", "Ramírez", "×÷", "¿Qué?", "naïve", "\u00bf\u00c0", "ÿ", "\u0100", "£5"]
    rng = random.Random(61)
    alphabet = "aZ “’—£¿×÷ÀÁÿ\u0100\u212a"
    samples += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 8))) for _ in range(3000)]
    for text in samples + _fixture_texts():
        assert name_spelling._has_latin1_letter(text) == (name_spelling._LATIN1_LETTER.search(text) is not None), text


def test_any_sentence_key_twice_is_the_plain_count():
    repeated_sentence = importlib.import_module("newslint.checks.duplicate.repeated_sentence")
    rng = random.Random(67)
    for _ in range(5000):
        keys = [[rng.choice(("", "a b", "c", "a b c", "d")) for _ in range(rng.randint(0, 4))]
                for _ in range(rng.randint(0, 4))]
        flat = [k for para in keys for k in para if k]
        assert repeated_sentence._any_key_twice(keys) == (len(flat) != len(set(flat))), keys


def test_repeats_without_copies_are_the_full_loops():
    """With no two paragraph keys equal, the short loop finds what the loop with the first-copy
    bookkeeping finds (titles, head headings, near copies included)."""
    from collections import Counter

    checked = found = 0
    titles = ["", "New York agreed", "The council met on Monday at noon"]
    page = ("Home » News » The council met on Monday at noon\n\nThe council met on Monday at noon\n\n"
            + " ".join(["The council approved the new budget after a long debate."] * 4))
    texts = [*_article_texts(), page]
    for i, text in enumerate(texts):
        article = Article(text, title=titles[i % 3] or None)
        keys = duplicate.article_keys(article).paragraphs
        counts = Counter(keys)
        if len(counts) - ("" in counts) != len(keys) - counts.get("", 0):
            continue
        checked += 1
        title = duplicate.normalise(article.title) if article.title else ""
        head = [(p.start, keys[p.index]) for p in article.paragraphs[:duplicate.HEAD_PARAGRAPHS]]
        args = (article.paragraphs, keys)
        fast = duplicate._without_copies(*args, article.layout.furniture_indices, title, head)
        assert fast == duplicate._with_copies(*args, counts, article.layout.furniture_indices, title, head), text
        found += len(fast)
    assert checked > 1000 and found > 0


def test_shouting_gate_lets_every_capitals_run_through():
    """NL304 stops when the text has no four ASCII capitals in a row (its byte table); on texts
    where a run of capitals sits anywhere, next to accents, joiners and curly quotes, the table
    finds one wherever the pattern matches."""
    rng = random.Random(79)
    alphabet = ("A", "B", "Z", "a", "É", "Ä", "\u212a", "’", "'", "-", " ", "\n", "“", "1", "_")
    texts = _fixture_texts() + _mixed_texts(1500, 83) + [
        "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30))) for _ in range(20000)]
    passed = 0
    for text in texts:
        gate = b"AAAA" in text.encode("ascii", "replace").translate(shouting._CAPITALS_AS_A)
        if shouting._CAPS.search(text):
            assert gate, text
            passed += 1
    assert passed > 500


# -- the capital-scanning patterns over case_bytes (session 6) ------------------------------------

#: Characters the bytes stand-ins reason about: capitals, joiners, letters and spaces that are not
#: ASCII (the bytes are refused), ASCII spaces a bytes ``\s`` does not read, other punctuation.
_BYTES_PIECES = ("Foo", "foo", "Bar", "BAR", "of", "the", "and", "de", "Iraq’s", "O'Neil", "x-Ray",
                 "Café", "élan", "Über", "Σ", "İ", "U", "u", "Us", "Ab", "ab9", "9Ab", "_Ab", "Ab_c")
_BYTES_SEPARATORS = (" ", " ", "  ", ", ", ". ", "\n", "\n\n", "-", "'", "’", "‘", " “", "” ", "—", "\u00a0",
                     "\x1c", "?", "_", "\t", "(")


def _bytes_texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_BYTES_PIECES) + rng.choice(_BYTES_SEPARATORS) for _ in range(rng.randint(1, 30)))
            for _ in range(n)]


def test_case_bytes_stand_in_for_the_text():
    """The bytes are one a character, and refused exactly when a character is a non-ASCII letter,
    digit or space, or an ASCII space only a str ``\\s`` reads."""
    for text in _fixture_texts() + _bytes_texts(3000, 41):
        raw = names.case_bytes(Article(text))
        odd = any((not ch.isascii() and (ch.isalnum() or ch.isspace())) or ch in "\x1c\x1d\x1e\x1f" for ch in text)
        assert (raw is None) == odd, text
        if raw is not None:
            assert len(raw) == len(text)


def test_name_runs_over_bytes_are_the_str_pattern_runs():
    for text in _fixture_texts() + _bytes_texts(3000, 43) + _random_texts(2000, 47):
        article = Article(text)
        assert [(r.start, r.end, r.text) for r in names.name_runs(article)] == \
            [(m.start(), m.end(), m.group()) for m in names._NAME_RUN.finditer(text)], text


def test_title_word_patterns_over_bytes_match_the_str_patterns():
    """NL402's two scanning patterns over the bytes find the spans the str patterns find, over
    whole texts and over ranges (a look-behind reads before a range's start)."""
    cw = capitalised_word
    for text in _fixture_texts() + _bytes_texts(3000, 53) + _mixed_texts(2000, 59):
        raw = names.case_bytes(Article(text))
        if raw is None:
            continue
        for start, end in ((0, len(text)), (len(text) // 3, 2 * len(text) // 3 + 2), (1, len(text) - 1)):
            assert [m.span() for m in cw._TITLE_TOKEN_BYTES.finditer(raw, start, end)] == \
                [m.span() for m in cw._TITLE_TOKEN.finditer(text, start, end)], text
            assert [m.span() for m in cw._CANDIDATE_BYTES.finditer(raw, start, end)] == \
                [m.span() for m in cw._CANDIDATE_FAST.finditer(text, start, end)], text
            # the sentence gate: searched from one past the start it is the search of the slice
            found = cw._CANDIDATE_BYTES.search(raw, start + 1, end) is not None
            assert found == (cw._CANDIDATE.search(text[start:end]) is not None), text


def test_pronoun_names_and_shouting_gate_over_bytes_match_the_str_forms():
    """pronoun-number's names after a lowercase word and shouting's "four capitals in a row" gate,
    read from the shared bytes, are what the str pattern and the check's own bytes gave."""
    for text in _fixture_texts() + _bytes_texts(3000, 61) + _mixed_texts(2000, 67):
        raw = names.case_bytes(Article(text))
        if raw is None:
            continue
        assert {text[s:e] for s, e in (m.span() for m in pronoun_number._NAME_AFTER_LOWER_BYTES.finditer(raw))} \
            == set(pronoun_number._NAME_AFTER_LOWER.findall(text)), text
        assert (b"UUUU" in raw) == (b"AAAA" in text.encode("ascii", "replace").translate(shouting._CAPITALS_AS_A))
