"""The Article model: paragraphs, sentences, words, quotations and positions."""

from __future__ import annotations

from newslint.article import Article, classify_paragraph
from newslint.text.segment import split_sentences


def sentences(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


def test_sentence_split_keeps_abbreviations_together():
    text = "Mr. Smith met Gov. Jones at 9 a.m. on Monday. They talked in the U.S. Capitol."
    assert sentences(text) == [
        "Mr. Smith met Gov. Jones at 9 a.m. on Monday.",
        "They talked in the U.S. Capitol.",
    ]


def test_sentence_split_after_final_abbreviation_before_capital():
    assert sentences("He lives in the U.S. The next day he left.") == [
        "He lives in the U.S.", "The next day he left."]


def test_lowercase_sentence_start_is_a_sentence_start():
    assert sentences("It is essential. the principle matters.") == [
        "It is essential.", "the principle matters."]


def test_initials_and_decimals_do_not_split():
    assert sentences("George W. Bush said inflation was 3.5 percent. Prices rose.") == [
        "George W. Bush said inflation was 3.5 percent.", "Prices rose."]


def test_quotes_close_sentences():
    assert sentences("“We will win,” he said. “Then we go home.” She left.") == [
        "“We will win,” he said.", "“Then we go home.”", "She left."]


def test_ellipsis_before_lowercase_continues():
    assert len(sentences("He paused... and then went on. Next.")) == 2


def test_offsets_are_exact():
    text = "Title line\n\nFirst sentence here. Second one!\nThird line? Yes.\n"
    art = Article(text)
    for s in art.sentences:
        assert text[s.start:s.end] == s.text
    for p in art.paragraphs:
        assert text[p.start:p.end] == p.text
    for w in art.words:
        assert text[w.start:w.end] == w.text
    assert [p.text for p in art.paragraphs] == ["Title line", "First sentence here. Second one!",
                                                "Third line? Yes."]


def test_line_col_is_one_based():
    art = Article("ab\ncd\n\nef")
    assert art.line_col(0) == (1, 1)
    assert art.line_col(4) == (2, 2)
    assert art.line_col(7) == (4, 1)


def test_paragraph_kinds():
    assert classify_paragraph("The Core of the Agreement") == "heading"
    assert classify_paragraph("* Drug Trafficking: serving as conduits.") == "list"
    assert classify_paragraph("He said the plan would work.") == "body"


def test_quotation_spans_and_in_quote():
    text = "He said “we will win” and left. “An open quote runs on"
    art = Article(text)
    assert [q.text for q in art.quotes] == ["“we will win”", "“An open quote runs on"]
    assert art.in_quote(text.index("will"))
    assert not art.in_quote(text.index("left"))
    assert art.in_quote(text.index("runs"))


def test_straight_quotes():
    art = Article('She said "no way" twice.')
    assert [q.text for q in art.quotes] == ['"no way"']


def test_memo_computes_once():
    art = Article("x")
    calls = []
    assert art.memo("k", lambda a: calls.append(1) or 42) == 42
    assert art.memo("k", lambda a: calls.append(1) or 43) == 42
    assert calls == [1]


def test_crlf_offsets():
    text = "One line.\r\nTwo line.\r\n"
    art = Article(text)
    assert [p.text for p in art.paragraphs] == ["One line.", "Two line."]
    assert art.line_col(text.index("Two")) == (2, 1)


def _sample_text() -> str:
    from pathlib import Path

    return sorted((Path(__file__).parent.parent / "seeds").glob("*.txt"))[0].read_text(encoding="utf-8")


def test_release_drops_analyses_and_they_come_back_equal():
    from newslint import Linter

    article = Article(_sample_text())
    Linter(load_entry_points=False).lint_article(article)  # fills the caches, keeps them
    before = (article.paragraphs, article.sentences, article.word_texts, article.layout.prose)
    assert "layout" in article.__dict__ and article._memo
    article.release()
    assert "layout" not in article.__dict__ and "paragraphs" not in article.__dict__
    assert not article._memo
    assert (article.paragraphs, article.sentences, article.word_texts, article.layout.prose) == before


def test_a_released_article_is_freed_without_the_cyclic_collector():
    """Every analysis graph hangs off its article; after ``release`` nothing the checks built
    refers back to it, so reference counting frees it when the last name goes."""
    import gc
    import weakref

    from newslint import Linter

    linter = Linter(load_entry_points=False)
    text = _sample_text()
    kept = Article(text)
    linter.lint_article(kept)  # not released: the caller's article keeps its analyses
    assert "layout" in kept.__dict__
    gc.collect()
    enabled = gc.isenabled()
    gc.disable()
    try:
        article = Article(text)
        report = linter.lint_article(article, release=True)
        ref = weakref.ref(article)
        del article
        assert ref() is None  # freed at once; an analysis that held it would keep it alive
        assert report.findings == linter.lint(text).findings
    finally:
        if enabled:
            gc.enable()
