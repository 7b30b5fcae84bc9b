"""Page layout and page furniture: the layout analysis, the learned line model, batch furniture
and site profiles, NL110's messages and spans. Runs without ``../shared`` (vendored samples in
``tests/fixtures/furniture/``); full-corpus figures come from ``benchmarks/furniture_eval.py``
and ``benchmarks/furniture_model.py``."""

from __future__ import annotations

import json
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest

from newslint import Linter
from newslint.analysis import furniture
from newslint.analysis.batch import FurnitureMemory, load_profiles, save_profiles, source_key
from newslint.analysis.layout import TERMINAL, LayoutSettings, is_finished_prose
from newslint.article import Article
from newslint.checks.boilerplate.page_chrome import page_chrome
from newslint.testing import run_example

from .conftest import FIXTURES

PACKAGE = Path(__file__).resolve().parents[1] / "newslint"
BODY = "The council approved the new budget on Monday after a long debate in the chamber."


def _records(name: str) -> list[dict]:
    return [json.loads(x) for x in (FIXTURES / "furniture" / name).read_text(encoding="utf-8").splitlines()]


# -- the layout analysis ---------------------------------------------------------------------


def test_layout_is_computed_once_per_article():
    article = Article(f"{BODY}\n\nShare this story")
    assert article.layout is article.layout
    assert article.layout.furniture is article.layout.furniture
    assert article.layout.furniture_indices == frozenset({1})
    assert [p.index for p in article.layout.prose] == [0]
    assert article.layout.body_end == 0


def test_one_definition_of_terminal_punctuation_and_prose():
    assert TERMINAL.search("He left.") and TERMINAL.search("“We won.”") and TERMINAL.search("(See above.)")
    assert not TERMINAL.search("Share this story") and not TERMINAL.search("Related:")
    assert is_finished_prose(BODY) and not is_finished_prose("Too short.")
    sources = "\n".join(p.read_text(encoding="utf-8") for p in (PACKAGE / "checks").rglob("*.py"))
    assert "def _is_prose" not in sources
    assert "analysis.chrome" not in sources and "analysis.prose" not in sources


def test_no_silent_import_fallbacks_around_the_layout():
    """The layout is reached one way (``article.layout``); nothing switches it off on ImportError."""
    for path in PACKAGE.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for block in text.split("except ImportError")[1:]:
            assert "chrome" not in block[:200] and "layout" not in block[:200], path


def test_settings_come_from_the_linter_once():
    linter = Linter({"furniture-model": False, "select": ["NL110"]}, load_entry_points=False)
    assert linter.layout.model is False
    text = f"{BODY}\n\nLeave a Reply Cancel reply"
    assert not linter.lint(text).findings  # the model found it; switched off here
    assert Linter({"select": ["NL110"]}, load_entry_points=False).lint(text).findings


# -- the learned line model ------------------------------------------------------------------


def test_model_is_data_and_inference_needs_no_scientific_library():
    code = ("import sys, newslint.analysis.furniture as f; m = f.model(); "
            "assert not {'sklearn', 'numpy', 'scipy'} & set(sys.modules), sorted(sys.modules); print(m.threshold)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert 0.5 <= float(out.stdout) < 1.0


def _score(lines: list[str], i: int) -> float:
    from newslint.analysis.layout import phrase_match

    return furniture.model().score(furniture.line_features(lines, [phrase_match(t) for t in lines])[i])


@pytest.mark.parametrize("line", [
    "Leave a Reply Cancel reply", "Share to Facebook", "Photo: Jane Doe/Getty Images",
    "Sign up for our newsletter", "Click here to subscribe", "3:02",
])
def test_model_scores_unseen_furniture_high(line):
    """Furniture lines, most of no phrase list, where pages put them: under the body. More likely
    furniture than not alone; above the shipped threshold once a second widget line follows."""
    assert _score([BODY, BODY, line], 2) > 0.5
    article = Article(f"{BODY}\n\n{BODY}\n\n{line}\n\nShare this story")
    assert article.layout.furniture_indices == {2, 3}


@pytest.mark.parametrize("line", [
    BODY, "“We will not back down,” the mayor said after the vote on Tuesday.",
    "Officials did not immediately provide any other details about the share sale.",
])
def test_model_scores_prose_low(line):
    assert _score([BODY, line, BODY], 1) < 0.5


def test_model_without_a_kind_word_when_sure():
    """Menus and trailing widget titles name no kind ("Business", "Editorial Standards"): the
    model alone finds them when it is sure (0.95), at the page edges."""
    menu = Article(f"World\n\nBusiness\n\nMarkets\n\nOpinion\n\n{BODY}\n\n{BODY}").layout.furniture
    assert sorted(menu) == [1, 2, 3] and {f.evidence for f in menu.values()} == {"model"}
    tail = Article(f"{BODY}\n\n{BODY}\n\nBusiness Insider Intelligence\n\nEditorial Standards").layout
    assert sorted(tail.furniture) == [2, 3] and all(tail.model_scores[i] >= 0.95 for i in (2, 3))


def test_model_is_never_sure_of_a_lone_word_between_paragraphs_or_in_a_text_without_prose():
    """A one-word line between paragraphs is a subheading ("Keyboard"); a text without a prose
    paragraph has no page edge, so a title-case row there (a flattened table) is not furniture
    on the model's word."""
    keyboard = Article(f"{BODY}\n\nKeyboard\n\n{BODY}").layout
    assert not keyboard.furniture and keyboard.model_scores[1] >= 0.95
    table = ("The deal is described below.\n\nParty Objective Concession\n"
             "United States Deport Venezuelan Immigrants Access to CECOT Prison\n\nDid the deal hold?")
    layout = Article(table).layout
    assert not layout.furniture and layout.model_scores[1] >= 0.95


def test_a_list_the_article_introduces_is_not_furniture_on_the_models_word():
    """Short parallel lines under a sentence ending in a colon are the article's own list, up to
    the next paragraph; the same lines with no such sentence, or running on to the end of the text,
    look like a widget run to the model and are taken."""
    rows = ("Blue Origin, Kent, Washington\nCeres Robotics, Palo Alto, California\n"
            "Sierra Nevada Corporation, Louisville, Colorado\nSpaceX, Hawthorne, California")
    introduced = Article(f"{BODY}\n\nThe newly selected five are:\n\n{rows}\n\n{BODY}").layout
    assert not introduced.furniture and min(introduced.model_scores[i] for i in (2, 3, 4)) >= 0.95
    assert sorted(Article(f"{BODY}\n\nHere they are\n\n{rows}\n\n{BODY}").layout.furniture) == [2, 3, 4, 5]
    assert sorted(Article(f"{BODY}\n\nThe newly selected five are:\n\n{rows}").layout.furniture) == [2, 3, 4, 5]


LONG = ("The council approved the new budget on Monday after a long debate in the chamber, and the mayor "
        "said the vote would settle the matter for the rest of the year.")


def test_parallel_lines_inside_the_body_are_the_articles_list():
    """Lines that share a punctuation skeleton but not their words, between paragraphs of text,
    are the article's own list even with no sentence introducing it; a widget's repeated line,
    one-word menu entries with counts, or the same lines after the last paragraph are not."""
    teams = ("England (Group A): 10th appearance\n\nCzech Republic (Group A): Seventh appearance\n\n"
             "Ukraine (Group B): Third appearance\n\nSpain (Group F): 11th appearance")
    assert Article(f"{LONG}\n\nHere they are\n\n{teams}\n\n{LONG}").layout._parallel_lines({}) == {2, 3, 4, 5}
    rows = ("Blue Origin, Kent, Washington\n\nCeres Robotics, Palo Alto, California\n\n"
            "Sierra Nevada Corporation, Louisville, Colorado\n\nSpaceX, Hawthorne, California")
    listed = Article(f"{LONG}\n\nHere they are\n\n{rows}\n\n{LONG}").layout
    # The model alone takes these lines (the same rows as a trailing run are taken below).
    assert not listed.furniture and min(listed.model_scores[i] for i in (2, 3, 4, 5)) >= 0.75
    assert sorted(Article(f"{LONG}\n\nHere they are\n\n{rows}").layout.furniture) == [2, 3, 4, 5]
    stamps = "12.29.14 at 9:14 pm\n\n12.29.14 at 9:15 pm\n\n12.29.14 at 9:52 pm"
    assert not Article(f"{LONG}\n\n{stamps}\n\n{LONG}").layout._parallel_lines({})
    menu = "Diaspora (62)\n\nEvents (56)\n\nHoroscope (66)\n\nPolitical (1942)"
    assert not Article(f"{LONG}\n\n{menu}\n\n{LONG}").layout._parallel_lines({})
    trailing = Article(f"{LONG}\n\n{LONG}\n\nHere they are\n\n{teams}").layout
    assert not trailing._parallel_lines({})


def test_video_titles_and_player_scraps_are_video_player_text():
    """A title with its running time closing the line, and a run of letterless player scraps
    holding a time, are video-player text by shape; a clock time, a race time or a timestamp are not."""
    def found(lines: str) -> dict[int, tuple[str, str]]:
        return {i: (f.kind, f.evidence) for i, f in Article(f"{LONG}\n\n{lines}\n\n{LONG}").layout.furniture.items()}

    assert found("Sen. Reid To Trump: Rescind Bannon Appointment 1:42") == {1: ("video", "video")}
    assert found("0:00\n\n/\n\n1:10") == {1: ("video", "video"), 2: ("video", "video"), 3: ("video", "video")}
    # Not by this shape (the line model judges them on its own terms).
    for line in ("The council will meet again at 7:30", "Mo Farah (GB) 27:30", "0:00",
                 "Rescuers pull out 7 survivors from the rubble: 11 February 2023, 12:15"):
        assert ("video", "video") not in found(line).values(), line


def test_embedded_post_header_is_furniture():
    text = f"{BODY}\n\n{BODY}\n\nFollow\n\nDonald J. Trump ? @realDonaldTrump\n\n{BODY}"
    furniture_ = Article(text).layout.furniture
    assert furniture_[3].evidence == "post" and furniture_[3].label.startswith("the header of an embedded")
    assert 2 in furniture_  # the "Follow" button next to it
    assert not Article(f"{BODY}\n\nHe wrote to the council about it on @Riverton.\n\n{BODY}").layout.furniture


def test_lint_time_features_are_the_training_features_for_the_lines_scored():
    """The layout asks for the features of the candidate lines only (:func:`features_of`); they
    are the very rows the training script builds with :func:`line_features`."""
    from newslint.analysis.layout import phrase_match

    lines = ["Home", "World", BODY, "Share this story", "Photo: Jane Doe/Getty Images", BODY,
             "“We won,” she said.", "3:02", "Follow us @riverton", BODY, "Related: Wales beat England 2-1"]
    flags = [phrase_match(t) for t in lines]
    full = furniture.line_features(lines, flags)
    some = furniture.features_of(lines, flags.__getitem__, [1, 3, 7, 10])
    assert some == {i: full[i] for i in (1, 3, 7, 10)}


def test_only_lines_that_could_be_furniture_are_scored():
    """Prose sentences, quotations and long paragraphs are never scored: no verdict could take
    them, so scoring them would change nothing and cost most of the time."""
    text = (f"{BODY}\n\n“We won,” she said after the vote.\n\n{BODY} {BODY}\n\nBusiness Insider Intelligence"
            "\n\nEditorial Standards")
    layout = Article(text).layout
    assert layout.furniture_indices == {3, 4}
    assert set(layout.model_scores) == {3, 4}


def test_kind_gates_never_change_the_kind():
    """``kind_of`` skips a kind's pattern when the line lacks every string the pattern needs
    (read from its parse tree); on every line of the vendored samples, and on case-folding
    corner cases, the kind is the one the patterns alone give."""
    lines = [p.text for name in ("clean_sample.jsonl", "defective_labels.jsonl")
             for rec in _records(name) for p in Article(rec["text"]).paragraphs]
    lines += ["Leave a Reply Cancel reply", "COMMENTS", "Comment ıs closed", "ſhare this", "ſign up", "3:02",
              "© 2020 Riverton", "Updated 5 hours ago", "Home » World", "BUY NOW", "Ad", "Getty İmages",
              "Kelvin \u212a", "", "—",
              "An ad.", "ad-free", "Read: the ad", "the admin", "İMAGE credit", "Watch:", "replay-worthy",
              "e-mail alerts", "Don't miss", "dont miss", "subscriber-only", "log-in", "©2020", "12:30",
              "“Share” this", "re-tweet", "COOKIES", "Apple\u00a0Music", "you might also like"]
    assert len(lines) > 500
    # The gates are in use: every kind is gated but the anchored navigation pattern.
    assert [furniture.KINDS[k][0] for k in furniture._KIND_GATES.always] == ["navigation"]
    for line in lines:
        assert furniture.kind_of(line) == furniture._kind_of_ungated(line), line


def test_phrase_index_matches_what_the_whole_vocabulary_matches():
    """``Phrases`` (the vocabulary grouped by the first character of its phrases, the floating
    phrases gated per article) answers what the one alternation answers, on every paragraph and
    sentence of the vendored samples and on lines built to hit its edges: leading marks up to
    and past the 40 the pattern skips, a phrase opening with a mark, case-folding corners, the
    floating phrases (``.*``, ``\\S*``, ``\\d``)."""
    from newslint.analysis.layout import phrases, vocabulary

    whole, index = vocabulary(), phrases()
    assert index.floating is not None and len(index._by_first) >= 10  # both paths are in use
    lines: list[tuple[str, Article | None]] = []
    for name in ("clean_sample.jsonl", "defective_labels.jsonl"):
        for rec in _records(name):
            article = Article(rec["text"])
            lines += [(p.text, article) for p in article.paragraphs]
            lines += [(s.text, article) for s in article.sentences]
    odd = ["-" * 40 + "Share", "-" * 41 + "Share", "(" * 41 + "Share", "—— Leave a comment ——", "ſhare this",
           "Getty İmages", "\u212aeep reading", "…view full size image", "Click to view full size image", "12 comments",
           "% of readers think this story is great", "-- % of readers think this story is great", "(Photos via AP)",
           "((Photos via AP)", "_share", "", "  ", "«Advertisement»", "COPYRIGHT © 2020", "İmage copyright",
           "Getty Images image copyright", "“Share this”", "Comments", "1 comment", "Subscribe now"]
    lines += [(t, Article(t)) for t in odd]
    assert len(lines) > 1000
    matched = 0
    for text, article in lines:
        want = whole.match(text) is not None
        matched += want
        assert index.match(text) == want, text
        if article is not None and text in article.text:
            assert index.match(text, index.floating_in(article)) == want, text
    assert matched >= 40


def test_phrase_index_of_an_adjusted_vocabulary_matches_its_alternation():
    """The index is built from whatever the vocabulary holds: a site's extra phrases (literal,
    opening with a mark), ``extend`` fragments (one opening with ``.*``, one that can be empty
    at its start) and removals give the same answers as the adjusted alternation."""
    from newslint.analysis.layout import phrases, vocabulary

    extra = ("[Sponsored] Partner content", "—Editor's note—")
    extend = (r".*\bshared \d+ times", r"(?:\d+ )?replies", r"©\s*riverton")
    remove = ("learn more", "advertisement")
    whole, index = vocabulary(extra, extend, remove), phrases(extra, extend, remove)
    lines = ["[Sponsored] Partner content", "[sponsored] partner content!", "—Editor's note—", "Editor's note",
             "This was shared 12 times", "shared 3 times", "12 replies", "replies", "© Riverton", "©Riverton 2020",
             "Learn more", "Advertisement", "Advertisements", "Leave a comment", "You may also like", "The vote passed.",
             "  — Share this —  ", "", "(Photos via AP)"]
    for text in lines:
        assert index.match(text) == (whole.match(text) is not None), text
    assert index.match("Learn more") is False and index.match("[Sponsored] Partner content") is True


def test_truncation_reads_the_layouts_terminal_punctuation():
    """The truncation checks read ``layout.terminal`` for ``ends_terminally`` of a paragraph:
    the same answer for every vendored paragraph."""
    from newslint.checks.truncation.truncated_body import ends_terminally

    for rec in _records("defective_labels.jsonl") + _records("clean_sample.jsonl"):
        article = Article(rec["text"])
        assert article.layout.terminal == [ends_terminally(p.text) for p in article.paragraphs]
        assert article.layout.word_counts == [len(p.text.split()) for p in article.paragraphs]


def test_stored_model_data_is_the_json_file():
    """The line model's data kept from run to run is the shipped JSON file's."""
    path = PACKAGE / "analysis" / "data" / "furniture_model.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    model = furniture.model()
    assert model.weights == data["weights"] and model.bias == data["bias"] and model.threshold == data["threshold"]


def test_kinds_have_labels():
    assert furniture.kind_of("Share to Facebook") == "share"
    assert furniture.kind_of("Photo: Jane Doe/Getty Images") == "photo"
    assert furniture.kind_of("Sign up for our daily briefing") == "newsletter"
    assert furniture.kind_of("Leave a Reply Cancel reply") == "comments"
    assert furniture.kind_of("Wales beat England") == "furniture"
    assert set(furniture.KIND_LABELS) >= {k for k, _, _ in furniture.KINDS}


# -- NL110 messages and spans ----------------------------------------------------------------


@pytest.mark.parametrize(("line", "label"), [
    ("Share to Facebook\n\nShare to Twitter", "a share bar"),
    ("Leave a Reply Cancel reply", "a comment widget"),
    ("Photo: Jane Doe/Getty Images", "a photo credit or caption"),
    ("Sign up for our newsletter", "a newsletter promo"),
    ("To get the best of our journalism in your inbox every morning, sign up for the Riverton Briefing.",
     "a newsletter promo"),
])
def test_message_names_the_kind_and_the_fix_deletes_the_line(line, label):
    text = f"{BODY}\n\n{BODY}\n\n{line}"
    findings = run_example(page_chrome, text)
    assert "\n\n".join(text[f.start:f.end] for f in findings) == line, findings
    f = findings[0]
    assert label in f.message and "delete" in f.message
    assert f.fix is not None
    from newslint.fixes import apply_fixes

    assert apply_fixes(text, findings, unsafe=True)[0] == f"{BODY}\n\n{BODY}\n\n"


def test_partial_furniture_at_the_end_of_a_body_paragraph_is_its_own_span():
    text = f"{BODY} Continue reading below.\n\nThe mayor said the vote was a victory for the city."
    findings = run_example(page_chrome, text)
    assert [text[f.start:f.end] for f in findings] == ["Continue reading below."]
    assert "glued" in findings[0].message


@pytest.mark.parametrize(("text", "span"), [
    (f"{BODY} The mayor said the vote was a victory. Critics disagreed. (Jasper Colt/USA TODAY)",
     "(Jasper Colt/USA TODAY)"),
    (f"Photo: Jane Doe/AP {BODY} The mayor said the vote was a victory.", "Photo: Jane Doe/AP"),
])
def test_photo_credit_glued_to_a_body_paragraph_is_its_own_span(text, span):
    findings = run_example(page_chrome, text)
    assert [text[f.start:f.end] for f in findings] == [span]
    assert "a photo credit or caption glued" in findings[0].message


def test_quoted_furniture_words_are_not_furniture():
    text = f"{BODY}\n\n“Share this story with everyone you know,” she told the crowd.\n\n{BODY}"
    assert not run_example(page_chrome, text)


# -- vendored corpus samples -----------------------------------------------------------------


def test_clean_sample_has_no_furniture_findings():
    """16 published articles of the clean CHECKING half (8,685 words): no finding at all."""
    records = _records("clean_sample.jsonl")
    assert sum(len(r["text"].split()) for r in records) > 8000
    found = [(r["file"], r["text"][f.start:f.end]) for r in records for f in run_example(page_chrome, r["text"])]
    assert found == []


def test_defective_sample_recall():
    """17 defective articles of the CHECKING half, furniture labelled by reading (never tuned on)."""
    found = total = unlabelled = 0
    for rec in _records("defective_labels.jsonl"):
        article = Article(rec["text"])
        hits = run_example(page_chrome, rec["text"])
        covered = {p.index for h in hits if (p := article.paragraph_at(h.start))}
        labelled = set(rec["furniture"]) | {p["paragraph"] for p in rec["partial"]}
        total += len(labelled)
        found += len(labelled & covered)
        unlabelled += len(covered - labelled)
    assert total == 87
    assert found / total >= RECALL_FLOOR, f"{found}/{total}"
    assert unlabelled <= UNLABELLED_CEILING


#: Measured by benchmarks/furniture_eval.py when the model was shipped (see the report there).
RECALL_FLOOR = 0.70  # 61/87 measured
UNLABELLED_CEILING = 0


# -- batch furniture and site profiles -------------------------------------------------------

PROMO = "Get the best of the Riverton Ledger delivered free every morning by joining our readers today."


def _site_folder(tmp_path: Path, n: int = 8) -> list[Path]:
    folder = tmp_path / "riverton"
    folder.mkdir()
    paths = []
    for i in range(n):
        topic = ["roads", "schools", "parks", "water", "housing", "policing", "libraries", "transit"][i]
        body = (f"The Riverton council met on Tuesday to debate spending on {topic} for next year.\n\n"
                f"Councillor {chr(65 + i)}. Smith said the {topic} plan would cost more than expected.\n\n")
        path = folder / f"article-{i}.txt"
        path.write_text(body + PROMO + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def test_batch_promo_found_after_the_first_few(tmp_path):
    paths = _site_folder(tmp_path)
    linter = Linter({"select": ["NL110"], "furniture-batch": True}, load_entry_points=False)
    flagged = []
    for path in paths:
        (report,) = linter.lint_file(str(path))
        flagged.append([f.excerpt for f in report.findings] == [PROMO[:len(report.findings[0].excerpt)]]
                       if report.findings else False)
    assert flagged == [False, False] + [True] * 6
    # One lint() call learns nothing from the ones before it.
    single = Linter({"select": ["NL110"]}, load_entry_points=False)
    for path in paths:
        assert not single.lint(path.read_text(encoding="utf-8"), path=str(path)).findings


def test_batch_off_by_config(tmp_path):
    paths = _site_folder(tmp_path)
    linter = Linter({"select": ["NL110"], "furniture-batch": False}, load_entry_points=False)
    assert not [f for p in paths for r in linter.lint_file(str(p)) for f in r.findings]


def test_memory_is_bounded_on_a_long_stream():
    memory = FurnitureMemory(min_articles=3, max_entries=2000, max_sources=4)
    tracemalloc.start()
    peak_at = {}
    for i in range(20000):
        lines = [f"Unique line {i} about topic {i * 31} of the day", f"Another {i} with {i * 17} words", PROMO]
        recurring = memory.observe(f"site{i % 3}", lines)
        if i in (2000, 19999):
            peak_at[i] = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    assert memory.entries() <= 3 * 2000
    assert furniture.normalise(PROMO) in recurring
    assert peak_at[19999] < peak_at[2000] * 1.5  # flat, not growing with the stream


def test_source_key_from_field_url_or_folder():
    assert source_key(Article("x", fields={"site": "Example.com"})) == "example.com"
    assert source_key(Article("x", url="https://www.example.org/a/b")) == "example.org"
    assert source_key(Article("x", path="feeds/riverton/a.txt")).endswith("riverton")


def test_learn_furniture_profiles_are_reused_from_the_first_article(tmp_path, capsys):
    from newslint.cli import main

    paths = _site_folder(tmp_path)
    out = tmp_path / "profiles.json"
    assert main(["learn-furniture", str(paths[0].parent), "-o", str(out)]) == 0
    profiles = load_profiles(out)
    assert list(profiles.values()) == [frozenset({furniture.normalise(PROMO)})]
    linter = Linter({"select": ["NL110"], "furniture-profiles": str(out), "furniture-batch": False},
                    load_entry_points=False)
    (report,) = linter.lint_file(str(paths[0]))
    assert [f.message[-44:] for f in report.findings] == ["(found by the site profile); delete the line"]


def test_profiles_round_trip_and_accept_plain_lines(tmp_path):
    path = tmp_path / "p.json"
    save_profiles({"example.com": ["Share This Story!"]}, path)
    assert load_profiles(path) == {"example.com": frozenset({"share this story"})}
    settings = LayoutSettings(profiles=load_profiles(path), model=False)
    article = Article(f"{BODY}\n\nShare This Story!", url="https://example.com/x")
    article.layout_settings = settings
    assert article.layout.furniture[1].evidence in ("phrase", "profile")


def test_word_counts_without_splitting_are_the_split_counts() -> None:
    """``layout.word_counts`` counts spaces when the text allows it (:func:`word_counts`): the same
    numbers as ``len(text.split())`` on every vendored article and on texts built to leave the
    fast path (tabs, no-break and thin spaces, double spaces, CRLF, form feeds, indented lines)."""
    from newslint.analysis.layout import ODD_SPACES, word_counts

    texts = [rec["text"] for name in ("clean_sample.jsonl", "defective_labels.jsonl") for rec in _records(name)]
    base = "The council met on Monday.\n\nIt approved the plan, officials said.\nShort line"
    texts += [base, base.replace("\n", "\r\n"), base.replace("\n", "\r"), base + "\x0cNext page here",
              "  indented line\n\twith a tab\nand  double spaces  inside", "a\u2028b c\u2029d e f", ""]
    texts += [base.replace(" ", ch, 2) for ch in ODD_SPACES]
    assert len(texts) > 40
    fast = 0
    for text in texts:
        article = Article(text)
        want = [len(p.text.split()) for p in article.paragraphs]
        assert word_counts(article.text, article.paragraphs) == want, text[:80]
        assert article.layout.word_counts == want
        fast += not ("  " in text or any(ch in text for ch in ODD_SPACES))
    assert fast >= 20  # the fast path is in use


def test_every_white_space_character_is_a_space_a_line_boundary_or_odd() -> None:
    """:data:`ODD_SPACES` is every character ``str.split`` splits at that is neither a space nor
    a line boundary (``str.splitlines``: no paragraph holds one), in this Python's Unicode."""
    from newslint.analysis.layout import ODD_SPACES

    spaces = {chr(c) for c in range(0x110000) if chr(c).isspace()}
    boundaries = {ch for ch in spaces if len(("a" + ch + "b").splitlines()) == 2}
    assert spaces - boundaries - {" "} == set(ODD_SPACES)


def test_phrase_heads_rule_out_only_lines_that_no_phrase_matches() -> None:
    """The heads of each group of the vocabulary (:func:`_group_heads`) and their index by first
    three characters (``Phrases.starts``, what ``Phrases.match_opening`` asks first) only rule out lines
    the whole vocabulary does not match: every vendored paragraph and sentence, and lines built on
    the heads' corners (a phrase that may end after three characters, case-folded openings)."""
    from newslint.analysis.layout import _HEAD, phrases, vocabulary

    whole, index = vocabulary(), phrases()
    assert index.starts is not None and "the" in index.starts
    lines = []
    for name in ("clean_sample.jsonl", "defective_labels.jsonl"):
        for rec in _records(name):
            article = Article(rec["text"])
            lines += [p.text for p in article.paragraphs] + [s.text for s in article.sentences]
    lines += ["Pin", "PIN:", "Tweet", "Tags: vote", "TAG: x", "The post Vote appeared first on Site", "Share",
              "Related", "RELATED STORIES", "Leave a Reply", "Getty Images", "Also see", "Learn more", "Loading...",
              "The vote passed.", "Theme park reopens", "Pinned", "Sharp drop in sales"]
    matched = ruled_out = 0
    for text in lines:
        want = whole.match(text) is not None
        matched += want
        opening = text[:_HEAD]
        if opening.isascii() and opening[:1].isalnum() \
                and not opening.lower().startswith(index.starts.get(opening[:3].lower(), ())):
            ruled_out += 1
            assert not want or index.floating_match(text), text
        assert index.match(text) == want, text
        assert index.match_opening(text) == want, text
    assert matched >= 30 and ruled_out > len(lines) // 2
