"""Speed work on the word-level checks (issue 16) that must not change a single answer: the
syllable table and hyphenation behind the reading grade, the spelling check's screening of
distinct words, the gates of fused-words, odd-compound, spelling-variant and foreign-passage.

Each test pins the fast form to the slow, obvious one it replaced (kept here as the reference),
on the vendored sample articles and on generated texts; the speed itself is measured in
``benchmarks/`` and ``docs/benchmarks.md``, never asserted here."""

from __future__ import annotations

import importlib
import random
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from newslint import Linter, lexicon, worddata
from newslint.analysis.words import words_between
from newslint.article import Article
from newslint.declaration import CheckContext
from newslint.worddata import store

FIXTURES = Path(__file__).parent / "fixtures"


def _samples() -> list[str]:
    """The vendored sample articles (clean and dev-clean news, a few hundred words each)."""
    return [p.read_text(encoding="utf-8", errors="replace") for p in sorted(FIXTURES.rglob("sample/**/*.txt"))]


def _module(name: str) -> ModuleType:
    """A check's module (the package exports the Check object under the module's name)."""
    return importlib.import_module(f"newslint.checks.{name}")


# -- syllables and hyphenation -----------------------------------------------------------------

def test_word_syllables_equal_the_cached_count() -> None:
    words = sorted(worddata.common_words())[::37]
    tricky = ["U.S.", "o'brien", "don't", "rock-'n'-roll", "covid-19", "2024", "x1y2", "’tis",
              "naïve", "zelenskyy's", "", "...", "agriculture-dependent", "all-digital", "İstanbul"]
    get, column = worddata.syllable_index()
    for word in words + tricky + [w.upper() for w in tricky]:
        assert worddata.word_syllables(word) == max(1, worddata.syllable_count(word)), word
        low = word.lower()
        if low.isalpha() and get(low) is not None:
            assert max(1, column[get(low)]) == worddata.word_syllables(word), word


def test_hyphenation_points_equal_pyphen_on_compounds_and_unknown_words() -> None:
    """The decoded-pattern walk gives pyphen's points; textstat sends joined compounds here."""
    import pyphen

    reference = pyphen.Pyphen(lang="en_US")
    worddata.word_syllables("qzxv")  # opens the patterns
    compiled = worddata._hyphen[0]
    rng = random.Random(7)
    vocab = sorted(worddata.common_words())
    words = [rng.choice(vocab) + rng.choice(vocab) for _ in range(400)] + rng.sample(vocab, 400)
    words += ["a", "ab", "abc", "zz", "2019", "x1y2", "naïve", "ukrenergo", "salvatrucha", "e"]
    for word in words:
        assert compiled.positions(word) == reference.positions(word), word
        assert compiled.syllables(word) == len(reference.positions(word)) + 1


def _old_vocabulary(article: Article) -> tuple[list[int], Counter[str]]:
    """What the metrics counted before: each prose sentence's words, lower-cased one by one."""
    metrics = _module("readability._metrics")
    lengths: list[int] = []
    vocabulary: Counter[str] = Counter()
    for p in article.layout.prose:
        for s in article.sentences_of(p):
            words = words_between(article, s.start, s.end)
            lengths.append(len(words))
            vocabulary.update(w.text.lower() for w in words)
    assert metrics.prose_sentences(article) and len(lengths) == len(metrics.prose_sentences(article))
    return lengths, vocabulary


def test_sentence_ranges_and_token_syllables_equal_the_word_by_word_count() -> None:
    metrics = _module("readability._metrics")
    for text in _samples():
        article = Article(text)
        lengths, vocabulary = _old_vocabulary(article)
        assert [hi - lo for _, lo, hi in metrics.prose_sentences(article)] == lengths
        tokens = Counter(t for _, lo, hi in metrics.prose_sentences(article)
                         for t in article.word_texts[lo:hi])
        expected = sum(n * max(1, lexicon.syllables(w)) if len(w) <= 40 else n * max(1, len(w) // 3)
                       for w, n in vocabulary.items())
        assert metrics._token_total(tokens) == expected == metrics._syllable_total(vocabulary)


def test_token_total_of_a_large_vocabulary_samples_the_lower_case_words() -> None:
    """Past MAX_COUNTED_WORDS distinct tokens the sample is drawn from the lower-cased words,
    as before: "Word" and "word" are one word, however they are written."""
    metrics = _module("readability._metrics")
    rng = random.Random(3)
    vocab = sorted(worddata.common_words())
    words = rng.sample(vocab, 2500)
    tokens = Counter({w: rng.randint(1, 3) for w in words})
    tokens.update({w.capitalize(): 1 for w in words[:1000]})  # 3,500 tokens, 2,500 words
    lowered: Counter[str] = Counter()
    for token, n in tokens.items():
        lowered[token.lower()] += n
    assert len(tokens) > metrics.MAX_COUNTED_WORDS >= len(lowered)
    assert metrics._token_total(tokens) == metrics._syllable_total(lowered)
    big = Counter({w: 1 for w in vocab[:7000]})
    assert metrics._token_total(big) == metrics._syllable_total(big)


def test_token_total_is_the_plain_sum_cold_warm_and_when_the_table_is_emptied() -> None:
    """The one-pass sum of a warm article, the fill of a cold one and the sum after the table
    is emptied all give the plain count (tokens as written, some seen before, some new)."""
    metrics = _module("readability._metrics")
    rng = random.Random(12)
    vocab = sorted(worddata.common_words())[::53]
    pool = [*vocab, *(w.capitalize() for w in vocab[:40]), "2024", "covid-19", "court’s", "U.S.",
            "qzxv", "Qzxvs", "california-based", "x" * 45]
    before = metrics.TABLE_WORDS
    try:
        for limit in (60, before):
            metrics.TABLE_WORDS = limit
            metrics._SYLLABLES.clear()
            for _ in range(40):
                tokens = Counter({t: rng.randint(1, 4) for t in rng.sample(pool, rng.randint(0, 30))})
                expected = sum(n * metrics.syllables(t.lower()) for t, n in tokens.items())
                assert metrics._token_total(tokens) == expected, tokens
                assert metrics._token_total(tokens) == expected  # warm
                assert len(metrics._SYLLABLES) <= limit
    finally:
        metrics.TABLE_WORDS = before
        metrics._SYLLABLES.clear()


def test_syllable_table_is_bounded() -> None:
    metrics = _module("readability._metrics")
    before = metrics.TABLE_WORDS
    try:
        metrics.TABLE_WORDS = 50
        metrics._SYLLABLES.clear()
        for i in range(5):
            metrics._token_total(Counter({f"word{i}x{j}": 1 for j in range(30)}))
            assert len(metrics._SYLLABLES) <= 50
    finally:
        metrics.TABLE_WORDS = before
        metrics._SYLLABLES.clear()


def test_syllable_fill_is_the_token_by_token_count() -> None:
    """``_fill`` (one loop, trie ids shared with the spelling check, numbers straight to the
    patterns) gives each token what ``_token_syllables`` gives it."""
    metrics = _module("readability._metrics")
    rng = random.Random(9)
    vocab = sorted(worddata.common_words())
    tokens = [*rng.sample(vocab, 300), *(w.capitalize() for w in rng.sample(vocab, 100)),
              *(w.upper() for w in rng.sample(vocab, 30)), "1990", "2012", "007", "12", "3", "²",
              "١٢", "1990s", "co-op", "agriculture-dependent", "İstanbul", "naïve", "x" * 45,
              "9" * 45, "don't", "O'Neill", "Zzyzx", "californiabased", "The", "the", "court’s",
              "rock'n'roll", "'tis", "x'", "e-mail", "naïve-ish", "a-b-c-d", "co–op", "U.S", "ﬁsh-like",
              "well-known", "state-of-the-art", "kassym-jomart", "it’ll", "they're", "ma'am"]
    for text in _samples():
        tokens += Article(text).word_counts  # every token of the vendored articles
    get, column = worddata.syllable_index()
    expected = {t: metrics._token_syllables(t, {}, get, column) for t in tokens}
    table: dict[str, int] = {}
    metrics._fill(table, tokens)
    assert table == expected


def test_hyphenation_patterns_never_match_inside_a_number() -> None:
    worddata.syllable_count("zzyzxq")  # opens the patterns
    patterns = worddata._hyphen[0]
    assert patterns.digits_inert()
    for number in ["1990", "2012", "0", "12345678901234567890", "555"]:
        assert patterns.syllables(number) == len(patterns.positions(number)) + 1 == 1
        assert worddata.digit_syllables(number) == max(1, worddata.syllable_count(number))


def test_english_ids_are_the_trie_ids() -> None:
    get = worddata.store.trie("en").get
    words = ["the", "acount", "qzxqzxv", "paris", "naïve", "the"]
    assert worddata.english_ids(words) == [get(w) for w in words]
    assert worddata.english_ids(words[:2]) == [get(w) for w in words[:2]]  # from the table
    before = worddata.ENGLISH_IDS
    try:
        worddata.ENGLISH_IDS = 3
        held = worddata._english_ids[-1]
        size = len(held)
        words = ["bank", "river", "qqqz", "the", "zzqq"]
        assert worddata.english_ids(words) == [get(w) for w in words]
        assert worddata._english_ids[-1] is not held and len(held) == size  # replaced, not emptied
    finally:
        worddata.ENGLISH_IDS = before


def test_token_runs_are_the_runs_of_the_text() -> None:
    """spelling-variant reads the lowercase runs of the article's distinct tokens: the same set
    as the runs of its text (the tokens hold every letter and digit of it)."""
    variant = _module("consistency.spelling_variant")
    for text in [*_samples(), *_mixed_texts(), *_random_texts(), "a\udcffb colour", "ÀcolourÉ_colour",
                 "colour_color ﬁcolour", "x-colour's 1colour2"]:
        assert set(variant.token_runs(Article(text).word_counts)) == variant.lowercase_runs(text), text


def test_foreign_runs_by_stride_are_the_word_by_word_runs() -> None:
    foreign = _module("language.foreign_passage")
    rng = random.Random(3)
    words = ("de la el y para por con des du les und der das centro confinamiento terroristas "
             "programa protección the said a of casa rojo blanca niños Salvador Los Angeles 12 "
             "x-y l'amour dans le jardin Madrid").split()
    found = 0
    for _ in range(1500):
        text = " ".join(rng.choice(words) + rng.choice(["", "", "", ",", ".", "  ", "\n\n"])
                        for _ in range(rng.randint(1, 40)))
        article = Article(text)
        for min_words in (1, 2, 3, 4, 5):
            for p in article.paragraphs:
                runs = list(foreign._runs(article, p.start, p.end, min_words))
                assert runs == list(foreign._runs_word_by_word(article, p.start, p.end, min_words)), text
                found += len(runs)
    assert found > 1000


# -- misspelling: distinct words screened once ----------------------------------------------------

def _old_misspellings(article: Article) -> Iterator[tuple[int, int, str, float]]:
    """The check as it was: every token filtered and decided in text order."""
    spelling = _module("spelling.misspelling")
    from newslint.analysis.slips import known, looks_like_abbreviation
    from newslint.text.tokens import looks_like_address, token_around

    pairs = spelling._pairs()
    skip = article.layout.furniture_indices
    counts = Counter(x.text for x in article.words)
    searches = 0
    for w in article.words:
        word = w.text
        if len(word) < 4 or len(word) > spelling.MAX_WORD or not word.islower() or not word.isalpha():
            continue
        right = pairs.get(word)
        if right is None:
            if counts[word] > 1:
                continue
            if not known(word) and not looks_like_abbreviation(word):
                searches += 1
                if searches > spelling.MAX_SEARCHES:
                    continue
            verdict = spelling._correction(word)
            if verdict is None:
                continue
            right, confidence = verdict
        else:
            confidence = 0.95
        para = article.paragraph_at(w.start)
        if para is not None and para.index in skip:
            continue
        start, end = token_around(article.text, w.start)
        if looks_like_address(article.text[start:end]):
            continue
        yield w.start, w.end, right, confidence


def _with_inserted(inserts: list[str], texts: int, per_text: int, seed: int) -> list[str]:
    """The first ``texts`` sample articles, each with ``per_text`` of ``inserts`` put in at random
    word boundaries."""
    rng = random.Random(seed)
    out = []
    for text in _samples()[:texts]:
        words = text.split(" ")
        for _ in range(per_text):
            words.insert(rng.randrange(len(words)), rng.choice(inserts))
        out.append(" ".join(words))
    return out


def _typo_texts() -> list[str]:
    """Sample articles with slips, listed misspellings and repeated unknown words put in."""
    slips = ["governmemnt", "recieved", "thier", "acount", "compnay", "outllined", "budgett",
             "seperate", "untill", "wierd", "qzxqzxvv", "thier thier", "acount acount", "mln dlrs",
             "teh", "whta", "governmentalizations" * 2, "governmentalizations" * 2 + "x"]  # 3, 4, 40, 41 letters
    return _with_inserted(slips, texts=12, per_text=8, seed=11)


def _hits(check_name: str, text: str, **options: object) -> list[tuple]:
    """The raw hits of one built-in check on ``text`` (before calibration)."""
    linter = Linter({"select": [check_name], "checks": {check_name: options}}, load_entry_points=False)
    chk = linter.checks[0]
    article = Article(text)
    return [(h.start, h.end, h.message, h.suggestion, h.confidence)
            for h in chk(article, CheckContext(chk.options, chk, linter.config.settings))]


def test_misspelling_over_distinct_words_finds_what_the_token_scan_found() -> None:
    spelling = _module("spelling.misspelling")
    total = 0
    for text in _samples() + _typo_texts():
        for _ in range(2):  # cold, then with every verdict remembered
            found = [(s, e, r, c) for s, e, _, r, c in _hits("misspelling", text)]
            assert found == list(_old_misspellings(Article(text)))
            total += len(found)
    assert total > 50  # the typos are found (listed ones at every occurrence, slips once)
    assert spelling._FINE and len(spelling._FINE) <= spelling._FINE.limit
    assert not spelling._FINE.tokens & set(spelling._pairs())


def test_spelling_index_is_the_dictionary() -> None:
    get, counts = worddata.spelling_index()
    words = worddata.spelling_words()
    for word in ["the", "acount", "paris", "Paris", "livestreamed", "colour", "qzxqzxv", "naïve"]:
        i = get(word)
        assert (i is not None and counts[i] > 0) == (word in words), word
    assert "en.spell.u32" in store.loaded()


@pytest.mark.parametrize("accept", [[], ["acount", "thier"]])
def test_misspelling_accept_option_is_not_remembered_as_fine(accept: list[str]) -> None:
    spelling = _module("spelling.misspelling")
    text = "The firm said its acount was closed after thier audit."
    def excerpts(**options: object) -> set[str]:
        return {text[s:e] for s, e, *_ in _hits("misspelling", text, **options)}

    assert excerpts(accept=["acount"]) == {"thier"}
    assert excerpts() == {"acount", "thier"}
    assert excerpts(accept=accept) == {"acount", "thier"} - set(accept)
    assert "acount" not in spelling._FINE


# -- fused-words: gates on the whole text, glued function words among new distinct tokens -------

def _glued_texts() -> list[str]:
    """Sample articles with fused words put in: camel joins, brackets, glued function words."""
    glued = ["membersGranted", "PostThe", "[Tren de Aragua]Those", "Salvadorwho", "Baghdadwhich",
             "thousand", "understand", "Scotlandand", "tradewith", "xyzthe", "breathe", "Qzxwould",
             "iPhone", "winJammeh's", "covid-19who", "naïvewho", "rock'n'rollthe", "élitewho"]
    return _with_inserted(glued, texts=10, per_text=10, seed=5)


def test_glued_function_word_candidates_are_the_tokens_the_word_scan_tested() -> None:
    fused = _module("mt_artifact.fused_words")
    from newslint.lexicon import zipf

    tested = 0
    for text in _samples() + _glued_texts():
        for _ in range(2):  # the second time, the tokens cleared before are not tested again
            article = Article(text)
            slow = [w.start for w in article.words
                    if len(w.text) >= 6 and w.text.endswith(fused._TAILS)
                    and fused._FUNCTION_TAIL.fullmatch(w.text) and zipf(w.text) == 0]
            candidates = fused._tail_candidates(article)
            assert [w.start for w in article.words if w.text in candidates] == slow
            tested += len(slow)
    assert tested > 20


def test_tail_token_search_finds_the_tokens_the_tail_pattern_matches_whole() -> None:
    """``_tail_candidates`` (a search of the distinct tokens joined for a tail ending a token) finds
    exactly the tokens that end in a tail and that ``_FUNCTION_TAIL`` matches whole (generated tokens: short and long heads,
    every tail, non-ASCII letters, digits, joiners, tails inside tokens and alone)."""
    fused = _module("mt_artifact.fused_words")
    rng = random.Random(11)
    parts = [*fused._TAILS, "a", "ab", "abc", "Xyz", "Salvador", "é", "ß", "1", "'", "’", "-", "s", "wh", "th"]
    found_any = 0
    for _ in range(3000):
        tokens = list(dict.fromkeys("".join(rng.choice(parts) for _ in range(rng.randint(1, 4)))
                                    for _ in range(rng.randint(1, 12))))
        slow = {t for t in tokens if t.endswith(fused._TAILS) and fused._FUNCTION_TAIL.fullmatch(t)}
        article = Article(" ".join(tokens))
        article._memo["vocabulary.distinct_tokens"] = " ".join(tokens)  # these tokens, as joined
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(fused, "zipf", lambda word: 0.0)  # every candidate, written or not
            fast = fused._tail_candidates(article)
        assert fast == slow, tokens
        found_any += bool(slow)
    assert found_any > 500


def test_camel_paragraphs_found_by_bisection_are_those_the_search_finds() -> None:
    fused = _module("mt_artifact.fused_words")
    from bisect import bisect_left

    for text in _samples() + _glued_texts():
        article = Article(text)
        low_up = [m.start() for m in fused._LOW_UP.finditer(text)]
        for para in article.paragraphs:
            i = bisect_left(low_up, para.start)
            fast = i < len(low_up) and low_up[i] + 2 <= para.end
            assert fast == (fused._LOW_UP.search(text, para.start, para.end) is not None)


def test_fused_words_token_counts_count_possessives_as_uses_of_the_name() -> None:
    fused = _module("mt_artifact.fused_words")
    for text in _samples() + _glued_texts():
        article = Article(text)
        slow: dict[str, int] = {}
        for w in article.words:
            slow[w.text] = slow.get(w.text, 0) + 1
            base = w.text.removesuffix("’s").removesuffix("'s")
            if base != w.text:
                slow[base] = slow.get(base, 0) + 1
        assert fused._token_counts(article) == slow


# -- gates of spelling-variant, odd-compound and foreign-passage ---------------------------------

def _mixed_texts() -> list[str]:
    """Sample articles with both spellings of listed pairs, foreign passages, joined function
    words and hyphenated past forms put in."""
    rng = random.Random(8)
    extra = ["colour", "color", "Colour", "colour-coded", "organisations", "organization’s", "centre",
             "center", "de", "la", "Programa de Protección", "l'amour", "de-facto", "sur-le", "y",
             "café", "mass-rode", "state-run", "five-spoke", "über", "x_de", "de_x", "pour-parler"]
    out = []
    for text in _samples()[:12]:
        words = text.split(" ")
        for _ in range(14):
            words.insert(rng.randrange(len(words)), rng.choice(extra))
        out.append(" ".join(words))
    return out


def _random_texts() -> list[str]:
    """Short random strings over letters, joiners, digits and accents (fixed seed)."""
    rng = random.Random(6)
    alphabet = "aceortZC1 _-’'\n.éÉ×"
    pieces = ["-rode", "-ate", "mass", "colour", "centre"]
    return ["".join(rng.choice(alphabet) if rng.random() < 0.8 else rng.choice(pieces)
                    for _ in range(rng.randint(1, 30))) for _ in range(3000)]


def test_lowercase_runs_are_what_the_run_pattern_finds() -> None:
    variant = _module("consistency.spelling_variant")
    for text in [*_samples(), *_mixed_texts(), *_random_texts(), "a\udcffb colour", "ÀcolourÉ"]:
        assert variant.lowercase_runs(text) == {r.encode() for r in variant._WORD.findall(text)}


def test_spelling_variant_gate_passes_whenever_a_pair_has_both_spellings() -> None:
    variant = _module("consistency.spelling_variant")
    pairs = variant._pairs()
    flagged = 0
    for text in _samples() + _mixed_texts():
        runs = [m.group(0) for m in variant._listed().finditer(text)]
        both = len({pairs[w] for w in set(runs)}) < len(set(runs))
        present = variant.lowercase_runs(text) & variant._spellings()
        assert both == (len({pairs[w.decode()] for w in present}) < len(present))
        flagged += bool(_hits("spelling-variant", text))
    assert flagged >= 3


def test_odd_compound_gate_passes_whenever_the_compound_pattern_matches() -> None:
    from newslint.analysis.vocabulary import distinct_tokens

    odd = _module("mt_artifact.odd_compound")
    for text in [*_samples(), *_mixed_texts(), *_random_texts(), "x_mass-rode", "mass-rode_x", "a-ate-b"]:
        if odd._COMPOUND.search(text):
            assert odd._HYPHEN_PAST.search(distinct_tokens(Article(text))), text


def test_a_lowercase_capital_pair_of_the_text_is_in_its_distinct_tokens() -> None:
    from newslint.analysis.vocabulary import distinct_tokens

    fused = _module("mt_artifact.fused_words")
    for text in [*_samples(), *_glued_texts(), *_mixed_texts(), *_random_texts(), "a_B", "x-aB y"]:
        in_text = fused._UP_AFTER_LOW.search(text) is not None
        assert in_text == (fused._UP_AFTER_LOW.search(distinct_tokens(Article(text))) is not None), text


def test_accented_letter_test_equals_the_class_search() -> None:
    """``_has_accented`` (ASCII and UTF-8 lead-byte tests first) agrees with ``_ACCENTED.search``
    on texts mixing ASCII, the class's letters, its gaps (× ÷), the characters around it and
    other scripts."""
    foreign = _module("language.foreign_passage")
    rng = random.Random(9)
    chars = ["a", " ", "’", "¿", "¿", "À", "Ö", "×", "Ø", "ö", "÷", "ø", "ÿ", "Ā", "ß", "é", "ñ", "Ж", "中", "\ud800"]
    texts = ["".join(rng.choice(chars) for _ in range(rng.randint(0, 6))) for _ in range(4000)]
    for text in texts:
        assert foreign._has_accented(text) == (foreign._ACCENTED.search(text) is not None), repr(text)
    assert sum(map(foreign._has_accented, texts)) > 1000


def test_foreign_markers_gate_and_positions_agree_with_the_paragraph_search() -> None:
    foreign = _module("language.foreign_passage")
    rng = random.Random(4)
    words = [*foreign._FUNCTION_WORDS, "dé", "xde", "de_", "_de", "Del", "sur", "the", "1de", "ñ", "l'", "-"]
    generated = [" ".join(rng.choice(words) + rng.choice(" ,.-’'_1\n") for _ in range(rng.randint(1, 6)))
                 for _ in range(3000)]
    passed = 0
    for text in [*_samples(), *_mixed_texts(), *generated]:
        article = Article(text)
        marked = [p.index for p in article.paragraphs if foreign.has_marker(p.text)]
        if not foreign._may_have_marker(article):
            assert marked == [], text
            continue
        passed += 1
        markers = foreign._marker_starts(text)
        from bisect import bisect_left
        found = [p.index for p in article.paragraphs
                 if (i := bisect_left(markers, p.start)) < len(markers) and markers[i] < p.end]
        assert found == marked, text
    assert passed > 1000


def test_known_words_are_the_same_whether_the_common_words_are_a_trie_or_a_set() -> None:
    """The suffix, prefix and compound rules read the common words through
    ``worddata.CommonVocabulary``, by trie until the set pays for itself: same answers either way."""
    from newslint.analysis import slips

    rng = random.Random(12)
    vocab = sorted(worddata.common_words())
    words = ["overstretched", "livestreamed", "ridesharing", "homebuyers", "stopped", "projectted",
             "controlling", "accordding", "favourably", "fertilisers", "problemss", "occured", "unbelievably"]
    words += [rng.choice(vocab) + rng.choice(vocab) for _ in range(300)]
    words += [rng.choice(["un", "re", "over", "mis", "co"]) + rng.choice(vocab) for _ in range(200)]
    words += [rng.choice(vocab) + rng.choice(["ed", "ing", "ers", "ly", "ness", "est"]) for _ in range(300)]
    trie_phase = worddata.CommonVocabulary()
    trie_phase._left = 10**9  # never builds the set
    set_phase = worddata.CommonVocabulary()
    set_phase._set = worddata.common_words()
    saved = list(worddata._vocabulary)
    try:
        worddata._vocabulary[:] = [set_phase]
        with_set = [slips._known(w) for w in words]
        worddata._vocabulary[:] = [trie_phase]
        assert [slips._known(w) for w in words] == with_set
        assert trie_phase._set is None
    finally:
        worddata._vocabulary[:] = saved
    assert any(with_set) and not all(with_set)


# -- the correction search: first slips from tables, far phonetic slips only when nothing is near --

#: Unknown words of the clean corpus the search meets (many have nothing near: long coinages).
CORPUS_UNKNOWNS = (
    "delegitimize antipolitics hoodies prioritze hashtag whatsistersmeantome facto dcatanese usnews "
    "econobox defenseman booyah hyperpersonalized ouroboros morph awardees reductively droid boops "
    "melee unblockables pneumonitis unevidenced dreamt ensorcells polyamorist pestis incubaction "
    "fentanyl sutomatic frontman electromobility roadmap multiplanetary smallsat demetrication "
    "influencers surveil cyberstalker matsakis nanoinfluencers aggregators amyotrophic postbacklash "
    "govemor crypto whassup counterculturally phisycal foughtt enoughh boxxes taxxing philosophx"
).split()


def test_first_slips_are_the_generated_edits() -> None:
    from newslint.analysis import slips

    rng = random.Random(2)
    vocab = sorted(worddata.common_words())
    words = [*CORPUS_UNKNOWNS, "acount", "naïvely", "caféterias", "ßtraße", "a", "", "untill", "xerox"]
    words += [rng.choice(vocab) for _ in range(500)]
    for word in words:
        assert slips._first_slips(word) == list(slips._edits(word)), word
        plain, phonetic, sources = slips._slips_by_kind(word)
        assert sources == [e for e in plain if e[1] not in ("dropped", "dropped-double", "substitution")]
        assert slips._slips_by_kind(word, every=False) == ([], phonetic, sources), word


def test_far_phonetic_slips_are_those_more_than_one_deletion_from_a_common_string() -> None:
    from newslint.analysis import slips

    def one_deletion_each(a: str, b: str) -> bool:
        shorter = {a} | {a[:i] + a[i + 1:] for i in range(len(a))}
        return any(s in shorter for s in {b} | {b[:i] + b[i + 1:] for i in range(len(b))})

    far = {pair for pair in slips.PHONETIC if not one_deletion_each(*pair)}
    assert set(slips._FAR_PHONETIC) == far and ("ph", "f") in far and ("ie", "ei") not in far
    assert list(slips._FAR_PHONETIC) == [p for p in slips.PHONETIC if p in far]  # in order


@pytest.mark.parametrize("typed", CORPUS_UNKNOWNS)
def test_corrections_of_corpus_unknowns_equal_the_brute_force_search(typed: str) -> None:
    from newslint.analysis import slips

    assert slips.corrections.__wrapped__(typed) == slips.reference_corrections(typed)


def test_the_syllable_table_cleared_during_a_count_keeps_the_count(monkeypatch) -> None:
    """When an article's new words overflow the per-process syllable table it is cleared; the
    words the table held before (here "The") must be counted again, not looked up (a stream of
    new-word records crashed with KeyError after ~8,000 records)."""
    from collections import Counter

    from newslint.checks.readability import _metrics

    tokens = Counter("The cat sat on the mat while The dog barked at a passing tram".split())
    expected = _metrics._token_total(tokens)
    monkeypatch.setattr(_metrics, "TABLE_WORDS", 4)
    monkeypatch.setattr(_metrics, "_SYLLABLES", {"The": 1, "cat": 1, "zzz": 1})
    assert _metrics._token_total(tokens) == expected


def _far_phonetic_typos(n: int, seed: int) -> list[str]:
    """Common words holding a spelling a far phonetic slip rewrites (ph, f, x, cks, ough, ow,
    uff), given that slip, another slip, or both (fixed seed): the routes the search follows
    outside the close words."""
    from newslint.analysis import slips

    rng = random.Random(seed)
    vocab = sorted(w for w in worddata.common_words() if len(w) >= 5
                   and any(a in w[1:] for a, _ in slips._FAR_PHONETIC))
    out: set[str] = set()
    while len(out) < n:
        word = rng.choice(vocab)
        far = [e for e in slips._edits(word) if e[1] == "phonetic" and e[0] in slips._far_rewrites(word)]
        if far and rng.random() < 0.7:
            word = rng.choice(far)[0]
        if rng.random() < 0.7:
            word = rng.choice(list(slips._edits(word)))[0]
        if word.isalpha() and word not in slips._vocabulary():
            out.add(word)
    return sorted(out)


@pytest.mark.parametrize("typed", _far_phonetic_typos(60, 21))
def test_corrections_through_far_phonetic_slips_equal_the_brute_force_search(typed: str) -> None:
    from newslint.analysis import slips

    assert slips.corrections.__wrapped__(typed) == slips.reference_corrections(typed)


def test_may_pass_is_false_only_when_no_correction_clears_its_bar() -> None:
    """``may_pass`` prunes the two-slip routes to close words too rare to clear the bar; when it
    says no, the full search holds no correction scoring at or above its bar (one slip or two),
    for bars at and around the scores the full search finds (where pruning could err)."""
    from newslint.analysis import slips

    rng = random.Random(23)
    words = [*CORPUS_UNKNOWNS, *_far_phonetic_typos(30, 5), "hoodies", "usnews", "dreamt", "influencers",
             "awardees", "govemor", "boops", "sutomatic", "acount", "outllined", "governmemnt"]
    vocab = sorted(w for w in worddata.common_words() if len(w) >= 6)
    for _ in range(150):
        word = rng.choice(vocab)
        for _ in range(rng.choice((1, 2))):
            word = rng.choice(list(slips._edits(word)))[0]
        words.append(word)
    said_no = 0
    for q in words:
        found = list(slips._search(q, 2).best.values())
        scores = sorted({c.score for c in found}) or [0.0]
        bars = {s + d for s in scores for d in (-0.01, -0.005, 0.0, 0.005, 0.01)}
        for _ in range(12):
            one, two = rng.choice(sorted(bars)), rng.choice(sorted(bars))
            if not slips.may_pass(q, one, two):
                said_no += 1
                assert not any(c.score >= (two if len(c.slips) > 1 else one) for c in found), (q, one, two)
    assert said_no > 100


def test_spelling_verdicts_equal_the_full_ranking_with_or_without_may_pass() -> None:
    """``_correction`` asks ``may_pass`` only of words the web writes and ranks never-written
    ones directly: its verdicts are those of the full ranking judged against the bars."""
    spelling = _module("spelling.misspelling")
    from newslint.analysis import slips
    from newslint.lexicon import zipf

    words = [*CORPUS_UNKNOWNS, *_far_phonetic_typos(20, 3), "hoodies", "usnews", "dreamt", "prioritze",
             "incubaction", "sutomatic", "govemor", "acount", "outllined", "governmemnt", "compnay", "teh"]
    flagged = 0
    for word in words:
        spelling._verdicts.pop(word, None)
        verdict = spelling._correction(word)
        expected = None
        if not slips.known(word) and not slips.looks_like_abbreviation(word):
            freq = zipf(word)
            one, two = (spelling.FLOOR_UNSEEN + 1.0, spelling.FLOOR_UNSEEN) if freq < 1.0 \
                else (freq + spelling.MARGIN_ONE, freq + spelling.MARGIN_TWO)
            ranked = slips.corrections.__wrapped__(word)
            if ranked and ranked[0].score >= (two if len(ranked[0].slips) > 1 else one):
                runner_up = ranked[1].score if len(ranked) > 1 else ranked[0].score - 2.0
                expected = (ranked[0].word, (0.8 if ranked[0].score - runner_up >= 1.0 else 0.7)
                            - (0.1 if len(ranked[0].slips) > 1 else 0.0))
        assert verdict == expected, word
        flagged += verdict is not None
    assert flagged >= 8
