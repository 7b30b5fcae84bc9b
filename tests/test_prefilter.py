"""The phrase and pattern checks' fast paths (issue 16): literal gates, folded twins, word-start
scans, the sentence gate of the attribution shapes and the end-of-paragraph TERMINAL search.

Each fast path claims to give exactly what the plain regex gives; these tests hold it to that on
generated text built from the lists' own phrases, their pieces, case and Unicode look-alikes
("İ", "ſ", "K"), and windows cut anywhere."""

from __future__ import annotations

import importlib
import random
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint import prefilter, wordlists
from newslint.analysis.furniture import TERMINAL
from newslint.analysis.words import words_between
from newslint.article import Article
from newslint.checks.attribution import _shapes
from newslint.checks.attribution._sources import HIGH_STAKES, NAMED, SPEECH

truncated_body = importlib.import_module("newslint.checks.truncation.truncated_body")
truncated_paragraph = importlib.import_module("newslint.checks.truncation.truncated_paragraph")
placeholder = importlib.import_module("newslint.checks.generated_text.placeholder")
flattened_embed = importlib.import_module("newslint.checks.markup.flattened_embed")
space_before = importlib.import_module("newslint.checks.spacing.space_before_punctuation")
space_inside = importlib.import_module("newslint.checks.spacing.space_inside_quotes")
markup = importlib.import_module("newslint.checks.markup.markup_leftover")

LISTS = [("attribution/vague_sources", r"[\w-]"), ("attribution/hedges", r"[\w-]"),
         ("attribution/agentless", r"[\w-]"), ("generated_text/chatbot", r"\w"),
         ("generated_text/bait", r"\w"), ("generated_text/placeholders", r"\w"),
         ("generated_text/callouts", r"\w")]
LIST_PATTERNS = [wordlists.pattern(name, boundary=b) for name, b in LISTS]
OTHER_PATTERNS = [SPEECH, NAMED, HIGH_STAKES, truncated_body._PAYWALL, placeholder._SLOT,
                  placeholder._TK, flattened_embed._EMBED, space_before._BEFORE, space_inside._INSIDE_OPEN,
                  space_inside._INSIDE_CLOSE, markup._TAG, markup._ENTITY, markup._MD_LINK, markup._DIRECTIVE]

#: Pieces text is built from: phrases that match, near misses, glue, case and Unicode twins.
PIECES = ["it is said that", "It's believed that", "it has been reported that", "some experts say",
          "Many believe", "according to reports", "officials argued", "studies show", "noted by experts",
          "media reports say", "reportedly", "is said to", "ALLEGEDLY", "were thought to", "there were "
          "concerns that", "was seen as", "has been criticised", "Share your thoughts", "let us know in "
          "the comments", "As an AI language model", "I hope this helps", "what are your thoughts",
          "don’t forget to subscribe", "Lorem ipsum", "[Insert name]", "{{ name }}", "TK", "$XX million",
          "— Jane (@jane) May 5, 2020", "pic.twitter.com/x1", "5K Retweets", "Smith said", "told Reuters",
          "foreign policy experts", "experts-say", "_it is said that", "éit is said that", "İt is said that",
          "ſome experts say", "thinK", "x", "the", "it", "said", " ", "  ", ". ", ",", "-", "\n\n", "\t", "’",
          " ,", "word .", "“ ", " ”", "a ?", "end. ”", "“ Hi", "<br>", "</DIV >", "&nbsp;", "&#8217;",
          "[the report](https://x.org/a)", "<!-- newslint: disable -->", "<", "&", "["]


def _texts(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(PIECES) + rng.choice(["", " ", "  "]) for _ in range(rng.randint(1, 25)))
            for _ in range(count)]


pieces_text = st.lists(st.sampled_from(PIECES) | st.text(max_size=4), max_size=25).map("".join)


# -- folding ----------------------------------------------------------------------------------

@pytest.mark.parametrize("a", list("aAiIİıſsSkKKµμσςΣéÉßẞ’'-_1"))
@pytest.mark.parametrize("b", list("aAiIİıſsSkKKµμσςΣéÉßẞ’'-_1"))
def test_fold_agrees_with_ignorecase(a, b):
    assert (re.fullmatch(re.escape(a), b, re.IGNORECASE) is not None) == (prefilter.fold(a) == prefilter.fold(b))


@given(st.text())
def test_fold_keeps_one_character_per_character(text):
    folded = prefilter.fold(text)
    assert len(folded) == len(text)
    assert all((c.isalnum() or c == "_") == (f.isalnum() or f == "_") for c, f in zip(text, folded, strict=True))


@given(st.text(alphabet=st.sampled_from(list("aZ ’“é\u0130\u0131\u017f\u03a3\ufb06\ud800\U0001f600"))) | st.text())
def test_fold_equals_the_fold_of_each_character(text):
    """The fast paths (``str.lower`` when the text's non-ASCII characters hold no odd one) give
    the per-character fold, and the haystack says ``lower_folds`` exactly when they agree."""
    slow = "".join(prefilter._fold_char(ch) for ch in text)
    assert prefilter.fold(text) == slow
    hay = prefilter.Haystack.of(text)
    assert hay.folded == slow
    assert hay.lower_folds == (not any(prefilter._odd(ch) for ch in text))


# -- gates ------------------------------------------------------------------------------------

@settings(max_examples=300, deadline=None)
@given(pieces_text)
def test_a_gate_that_says_no_is_right(text):
    article = Article(text)
    for pattern in LIST_PATTERNS + OTHER_PATTERNS:
        if not prefilter.may_match(pattern, article):
            assert pattern.search(text) is None, pattern.pattern[:60]


def test_gates_rule_out_articles_without_the_words():
    article = Article("The council met on Monday. The model was approved, officials said.")
    chatbot = wordlists.pattern("generated_text/chatbot")
    assert not prefilter.may_match(chatbot, article)
    assert not prefilter.may_match(flattened_embed._EMBED, article)
    assert prefilter.may_match(chatbot, Article("As an AI language model, I cannot say."))
    assert prefilter.may_match(SPEECH, article)


def test_a_gate_is_read_off_the_pattern():
    gate = prefilter.gate(re.compile(r"(?<!\w)(?:(?:some|many) experts? (?:say|said))(?!\w)", re.IGNORECASE))
    (clauses,) = gate.alternatives
    words = {frozenset(w for _, w in c) for c in clauses}
    assert frozenset({b"some", b"many"}) in words and frozenset({b"expert", b"experts"}) in words
    assert gate.first == frozenset({b"some", b"many"})


# -- scans: spans == finditer, for every window -----------------------------------------------

def test_scans_give_finditer_s_matches_in_any_window():
    rng = random.Random(7)
    for text in _texts(1, 600):
        article = Article(text)
        n = len(text)
        for pattern in LIST_PATTERNS + OTHER_PATTERNS:
            for start, end in [(0, n), sorted((rng.randint(0, n), rng.randint(0, n)))]:
                want = [m.span() for m in pattern.finditer(text, start, end)]
                assert prefilter.spans(pattern, article, start, end) == want, (pattern.pattern[:50], text)


@settings(max_examples=200, deadline=None)
@given(pieces_text)
def test_folded_twins_match_the_same_spans(text):
    folded = prefilter.fold(text)
    for pattern in LIST_PATTERNS + OTHER_PATTERNS:
        twin = prefilter.folded_variant(pattern)
        if twin is not None:
            assert [m.span() for m in twin.finditer(folded)] == [m.span() for m in pattern.finditer(text)]
        assert prefilter.found_in(pattern, text) == (pattern.search(text) is not None)


def test_found_in_a_word_alternation_is_the_search():
    """The word look-ups of ``found_in`` (a speech verb alone between separators, or absent even
    with every non-ASCII character and "_" a separator) give the search's answer, also beside
    "_", digits, non-ASCII letters and marks, and with look-alikes that fold to the words."""
    assert prefilter._word_needles(SPEECH) is not None and prefilter._word_needles(NAMED) is None
    rng = random.Random(12)
    words = ["said", "Says", "TOLD", "according", "asked", "sai", "saidx", "said_", "_said", "2said", "saidé",
             "ésaid", "ſaid", "SAİD", "“said”", "said?", "?said", "said’s", "x", "the", "quote", "’", "—"]
    for _ in range(4000):
        text = "".join(rng.choice(words) + rng.choice(["", " ", "  ", ",", "\n", "_", "é", "?", "…"])
                       for _ in range(rng.randint(1, 8)))
        assert prefilter.found_in(SPEECH, text) == (SPEECH.search(text) is not None), text


def test_a_clause_of_several_literals_is_one_search():
    """``_holds`` asks a clause's ASCII literals with one bytes search: the answer of asking each."""
    rng = random.Random(18)
    clause = frozenset({(False, b" ,"), (False, b" ."), (False, b" ;"), (False, " ?"), (False, b"a+b"), (True, b"word")})
    for _ in range(3000):
        text = "".join(rng.choice(["a", " ", ",", ".", ";", "?", "+", "b", "word", "é", "x"]) for _ in range(rng.randint(0, 12)))
        hay = prefilter.Haystack.of(text)
        plain = any((w in hay.words) if whole else (w in hay.raw) if isinstance(w, bytes) else (w in hay.folded)
                    for whole, w in clause)
        assert prefilter._holds((clause,), hay) == plain, text
        assert prefilter._holds((clause, frozenset({(True, b"b")})), hay) == (plain and b"b" in hay.words), text


def test_found_in_slices_of_a_text_that_lower_folds():
    """``lowered=Haystack.lower_folds`` on slices of the text joined by spaces (what
    quote-without-speaker asks) gives the search's answer, with and without odd characters."""
    rng = random.Random(17)
    words = ["said", "SAİD", "ſaid", "Σaid", "told", "x", "é", "“", "”", "K", "says", "the"]
    for _ in range(3000):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 10)))
        hay = prefilter.Haystack.of(text)
        assert hay.folded == prefilter.fold(text)
        n = len(text)
        cuts = sorted(rng.randint(0, n) for _ in range(4))
        joined = text[cuts[0]:cuts[1]] + " " + text[cuts[2]:cuts[3]]
        assert prefilter.found_in(SPEECH, joined, lowered=hay.lower_folds) == \
            (SPEECH.search(joined) is not None), (text, cuts)


def test_twins_exist_only_for_plain_case_insensitive_patterns():
    assert prefilter.folded_variant(SPEECH) is not None
    assert prefilter.folded_variant(wordlists.pattern("attribution/vague_sources", boundary=r"[\w-]")) is not None
    assert prefilter.folded_variant(NAMED) is None  # case-sensitive: "[A-Z]" means a capital
    assert prefilter.folded_variant(re.compile(r"\bAI\b", re.IGNORECASE)) is None  # upper-case literal


def test_prose_spans_are_finditer_over_the_prose_paragraphs():
    """Only the paragraphs holding a word place are scanned: the same spans as every paragraph."""
    for text in _texts(5, 500):
        for pattern in LIST_PATTERNS + OTHER_PATTERNS:
            article = Article(text)
            want = [m.span() for p in article.layout.prose for m in pattern.finditer(text, p.start, p.end)]
            assert prefilter.prose_spans(pattern, article) == want, (pattern.pattern[:50], text)


def test_sentences_to_scan_hold_every_sentence_match():
    """Scanning only the sentences ``prose_sentences_to_scan`` gives finds every match that
    scanning each prose sentence finds (a sentence never ends inside a word)."""
    for text in _texts(6, 500):
        article = Article(text)
        n = len(text)
        for sentence in article.sentences:
            assert not (0 < sentence.end < n and prefilter._cuts_word(text, sentence.end))
        for pattern in LIST_PATTERNS + OTHER_PATTERNS:
            scan = prefilter.scanner(pattern, article)
            every = [(s.start, m) for p in article.layout.prose for s in article.sentences_of(p)
                     for m in scan(s.start, s.end)]
            chosen = prefilter.prose_sentences_to_scan(article, scan)
            assert [(s.start, m) for s in chosen for m in scan(s.start, s.end)] == every, (pattern.pattern[:40], text)


def test_live_alternatives_read_through_the_list_gate_are_each_gates_answer():
    for text in _texts(8, 400):
        hay = prefilter.Haystack.of(text)
        for pattern in LIST_PATTERNS:
            alternation = prefilter._alternations[id(pattern)]
            plain = [i for i, g in enumerate(alternation.gates()) if g.admits(hay)]
            assert alternation.alive(hay) == plain, (pattern.pattern[:40], text)


def test_prose_spans_are_shared_by_check_and_count():
    article = Article("Experts say the plan is sound. It is said that the mill will close.")
    pattern = wordlists.pattern("attribution/vague_sources", boundary=r"[\w-]")
    first = prefilter.prose_spans(pattern, article)
    assert first and first is prefilter.prose_spans(pattern, article)
    assert [article.text[a:b] for a, b in first] == ["Experts say", "It is said that"]


# -- the attribution shapes' sentence gate ----------------------------------------------------

def test_shape_sentences_keep_every_sentence_with_a_shape():
    kept = shaped = 0
    known = ("Some consider the deal a mistake. The plan was regarded by some as a risk. It was reported "
             "that he left. Scientists now think it spread. Analysts said so.")
    for text in [*_texts(3, 400), known]:
        article = Article(text.replace("\n\n", ". "))
        candidates = _shapes.shape_sentences(article)
        for sentence in article.sentences:
            if list(_shapes.find_shapes(words_between(article, sentence.start, sentence.end))):
                shaped += 1
                assert sentence.start in candidates, sentence.text
        kept += len(candidates)
    assert shaped > 50  # the generated text does hold shapes
    assert not _shapes.could_hold_shape({b"analysts", b"said"})  # "Analysts said": wire practice
    assert _shapes.could_hold_shape({b"some", b"analysts", b"said"})


def _shape_sentences_plain(article: Article) -> frozenset[int]:
    """What ``shape_sentences`` gives: every sentence's own words asked (the slow way)."""
    pad = prefilter.spaced(article)
    out = []
    for sentence in article.sentences:
        end = sentence.end + 1
        while pad[end] != 32:
            end += 1
        if _shapes.could_hold_shape(set(pad[sentence.start + 1:end].split())):
            out.append(sentence.start)
    return frozenset(out)


@pytest.mark.parametrize("seed", range(4))
def test_shape_sentences_equal_reading_every_sentence(seed):
    """The trigger-word places give the sentences that reading every sentence gives, also with
    "_" glued to a trigger ("said_x": a word of the pad, not of the haystack) and look-alikes."""
    extra = ["said_x", "_thought", "considered_by many", "ſome believe", "Some_consider", "it was said that"]
    rng = random.Random(seed)
    for text in _texts(seed + 10, 200):
        words = text.split(" ")
        for _ in range(rng.randint(0, 3)):
            words.insert(rng.randint(0, len(words)), rng.choice(extra))
        article = Article(" ".join(words))
        plain = _shape_sentences_plain(article)
        assert _shapes.shape_sentences(article) == plain, article.text
        prose = {s.start for p in article.layout.prose for s in article.sentences_of(p)}
        assert _shapes.shape_sentences(article, prose_only=True) == plain & prose, article.text


# -- TERMINAL from the end ------------------------------------------------------------------

@given(st.text(alphabet=".!?…\"'”’)]\n ab", max_size=12) | st.text(max_size=12))
def test_ends_terminally_is_terminal_search(text):
    assert truncated_body.ends_terminally(text) == (TERMINAL.search(text) is not None)
    assert truncated_paragraph.ended(text) == (truncated_paragraph._ENDED.search(text) is not None)


def test_the_odd_characters_are_all_of_them():
    """Recomputed over every code point: where ``str.lower`` and the regex engine disagree."""
    import _sre
    import sys
    import unicodedata
    from re._casefix import _EXTRA_CASES

    if unicodedata.unidata_version != prefilter._ODD_UNICODE:
        pytest.skip("another Unicode version: fold() asks each character")
    odd = []
    for code in range(sys.maxunicode + 1):
        ch = chr(code)
        lo = _sre.unicode_tolower(code)
        if chr(min((lo, *_EXTRA_CASES.get(lo, ())))) != ch.lower():
            odd.append(ch)
    assert "".join(odd) == prefilter._ODD_CHARS


def test_day_month_dates_are_finditer_s():
    date_style = importlib.import_module("newslint.checks.consistency.date_style")
    rng = random.Random(11)
    bits = ["18th July", "4 May", "1st of March", "12 of June", "May 4", "2024", "31st", " ", "Mayor", "x",
            "7", "of ", "December", "nd ", "3rd  April", "١٢ May", "²5 May", "_9 May", "a9 May", "\n",
            "MAY", "May_", "Mayé", "é", "“", "5 July’s", "5 Julyé"]
    for _ in range(3000):
        text = "".join(rng.choice(bits) for _ in range(rng.randint(1, 14)))
        want = [(m.span(), m.group()) for m in date_style._DAY_MONTH.finditer(text)]
        assert [(m.span(), m.group()) for m in date_style.day_month_dates(Article(text))] == want, text


def test_timestamps_are_finditer_s():
    stamp = importlib.import_module("newslint.checks.markup.machine_timestamp")
    rng = random.Random(5)
    bits = ["2019-11-18T14:32:00Z", "2019-11-18T14:32", "12019-11-18T14:32", "x2019-11-18T14:32", "T", "1T",
            "2019-11-18", "T14:32:00", "+02:00", ".123", " ", "7", "-", "\n", "Then", "٢019-11-18T14:32"]
    for _ in range(3000):
        text = "".join(rng.choice(bits) for _ in range(rng.randint(1, 10)))
        want = [(m.span(), m.group()) for m in stamp._TIMESTAMP.finditer(text)]
        assert [(m.span(), m.group()) for m in stamp.timestamps(text)] == want, text


def _vague_source_every_paragraph(article: Article) -> list:
    """vague-source reading every prose paragraph and every sentence (the specification)."""
    vs = importlib.import_module("newslint.checks.attribution.vague_source")
    listed = prefilter.prose_spans(wordlists.pattern("attribution/vague_sources", boundary=r"[\w-]"), article)
    candidates = _shapes.shape_sentences(article)
    out = []
    for para in article.layout.prose:
        taken: list = []
        for a, b in listed:
            if para.start <= a < para.end:
                hit = vs._judge(article, a, b, bool(vs._OUTLET.search(article.text, a, b)))
                if hit is not None:
                    taken.append((a, b))
                    out.append(hit)
        for sentence in article.sentences_of(para):
            if sentence.start not in candidates:
                continue
            tokens = words_between(article, sentence.start, sentence.end)
            for first, last, _kind in _shapes.find_shapes(tokens):
                start, end = tokens[first].start, tokens[last].end
                if any(start < b and a < end for a, b in taken):
                    continue
                hit = vs._judge(article, start, end, False)
                if hit is not None:
                    taken.append((start, end))
                    out.append(hit)
    return out


def test_vague_source_reads_only_the_paragraphs_that_hold_something():
    from newslint.declaration import CheckContext

    vs = importlib.import_module("newslint.checks.attribution.vague_source")
    found = 0
    for text in _texts(9, 300):
        article = Article(text.replace("\n\n", "\n\nSome analysts believe it. "))
        hits = list(vs.vague_source.fn(article, CheckContext({}, vs.vague_source, {})))
        assert hits == _vague_source_every_paragraph(article), text
        found += len(hits)
    assert found > 100


def test_named_source_hint_is_necessary():
    """``has_named_source`` asks NAMED only of text holding a hint: the same answer, on text
    built from every alternative of the pattern, near misses and case variants."""
    from newslint.checks.attribution import _sources

    rng = random.Random(20)
    pieces = ["according to The Post", "According to the", "according to 5", "according to a man in the Senate",
              "Smith said", "police said", "Court told", "prosecutors alleged", "He said", "Officials said",
              "said Reuters", "said the Times", "told AP", "wrote The", "reported A", "court documents",
              "court records", "indictment", "affidavit", "charging documents", "police report", "lawsuit says",
              "suit alleges", "suit claims", "lawsuit states", "complaint claims", "filing states", "statement from Jones", "Smith testified",
              "Jones charged", "Doe confirmed", "X announced", "Y stated", "Z alleges", "SAID", "Said Smith",
              "the", "x", " ", ", ", ". ", "\n", "’", "Smith", "said", "according", "to", "by", "of"]
    hits = 0
    for _ in range(4000):
        text = " ".join(rng.choice(pieces) for _ in range(rng.randint(1, 8)))
        want = _sources.NAMED.search(text) is not None
        hits += want
        assert _sources.has_named_source(text) == want, text
    assert hits > 500
