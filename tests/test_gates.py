"""Gates that run in any checkout: precision and recall of the whole linter on the vendored sample
(tests/fixtures/sample, see tests/fixtures/README.md), the sample's integrity, and the rule that
every test asserts something. With ../shared (always in CI) also the whole linter's warnings per
check on the full clean corpus, and the sample checked against the corpus it was cut from.

Thresholds are the values measured when the sample was built (``python
benchmarks/make_sample_fixtures.py``), written next to each constant. A change that makes them
better should raise them in the same commit; one that makes them worse fails here.
"""

from __future__ import annotations

import ast
import hashlib
import importlib.util
import textwrap
from collections import Counter
from pathlib import Path

import pytest

from newslint import Linter
from newslint.findings import CATEGORIES

from .conftest import ROOT, SAMPLE, sample_defects, sample_texts, shared, word_count

#: Warnings and errors allowed on the 21 screened clean openings (5,067 words): measured 2, both
#: real slips the screening missed: a typo ("prioritze", horne-rand-real-189, NL620 since the
#: recall merge of 2026-11-23) and a quotation never closed ('"you dealt with one regulator ...
#: maybe two. “Now it’s five', np-huffingtonpost.com1, NL250 since the per-paragraph quotation
#: scan of the recall branch); 0 false alarms.
MAX_CLEAN_WARNINGS = 2
#: On the 5 unscreened dev-clean openings (1,143 words): measured 13, all real defects of
#: sh-0dd135704572 (11 spaces before punctuation, 2 flattened tweets). It was 15 before the
#: precision merge of 2026-11-23 (an NL130 and an NL405 false alarm went).
MAX_DEV_CLEAN_WARNINGS = 13
#: Expected defects found per category on sample/defective.jsonl (52 labelled in 48 excerpts):
#: measured 49/52; the 3 misses are anonymous "sources said" attributions.
MIN_FOUND = {"attribution": 0, "boilerplate": 17, "capitalization": 3, "duplicate": 4, "markup": 4,
             "punctuation": 2, "spacing": 10, "spelling": 2, "truncation": 7}
MIN_RECALL = 49 / 52


@pytest.fixture(scope="module")
def isolated() -> Linter:
    """The linter ``newslint --isolated --no-plugins`` runs: built-in checks, default config."""
    return Linter(load_entry_points=False)


def _warnings(linter: Linter, texts: list[tuple[str, str]]) -> list[tuple[str, str, str]]:
    return [(name, f.code, f.excerpt) for name, text in texts for f in linter.lint(text).findings
            if f.severity != "info"]


def test_clean_sample_precision(isolated):
    texts = sample_texts("clean")
    assert len(texts) == 21 and sum(word_count(t) for _, t in texts) > 5000
    alarms = _warnings(isolated, texts)
    assert len(alarms) <= MAX_CLEAN_WARNINGS, alarms


def test_dev_clean_sample_precision(isolated):
    texts = sample_texts("dev-clean")
    assert len(texts) == 5
    alarms = _warnings(isolated, texts)
    assert len(alarms) <= MAX_DEV_CLEAN_WARNINGS, alarms


def test_defective_sample_recall(isolated):
    """The scorer's rule (score.py): a finding of an accepted category overlapping the span."""
    found: Counter[str] = Counter()
    total: Counter[str] = Counter()
    misses = []
    for rec in sample_defects():
        findings = isolated.lint(rec["text"]).findings
        for exp in rec["expected"]:
            total[exp["category"]] += 1
            accept = exp.get("accept") or [exp["category"]]
            if any(f.category in accept and f.start < exp["end"] and exp["start"] < f.end for f in findings):
                found[exp["category"]] += 1
            else:
                misses.append((rec["id"], exp["category"], exp["evidence"]))
    assert set(total) == set(MIN_FOUND)
    assert sum(found.values()) / sum(total.values()) >= MIN_RECALL, misses
    for cat, floor in MIN_FOUND.items():
        assert found[cat] >= floor, f"{cat}: {found[cat]}/{total[cat]} found; misses {misses}"


#: Warnings per check on the 142 screened clean articles of ../shared/corpus/clean (80,781 words),
#: whole linter: measured 10 (0.124 per 1,000 words). 7 are real slips the screening missed
#: (NL620 prioritze, incubaction, sutomatic, govemor; NL201 "Colorado,Washington",
#: 'Twitter."That'; NL250 '"you dealt with', an unclosed quotation), 3 are false alarms (NL402
#: x2, NL354 x1). Any other check: 0.
MAX_CLEAN_CORPUS_WARNINGS = {"NL620": 4, "NL201": 2, "NL402": 2, "NL354": 1, "NL250": 1}


def test_clean_corpus_precision_whole_linter(isolated):
    paths = sorted(shared("corpus", "clean").glob("*.txt"))
    assert len(paths) >= 142
    alarms = _warnings(isolated, [(p.name, p.read_text(encoding="utf-8")) for p in paths])
    by_code = Counter(code for _, code, _ in alarms)
    over = {code: n for code, n in by_code.items() if n > MAX_CLEAN_CORPUS_WARNINGS.get(code, 0)}
    assert over == {}, [a for a in alarms if a[1] in over]


# -- the sample itself -------------------------------------------------------------------------

def test_sample_labels_are_sound():
    records = sample_defects()
    assert 30 <= len(records) <= 50
    assert len({r["id"] for r in records}) == len(records)
    readme = (SAMPLE.parent / "README.md").read_text(encoding="utf-8")
    for rec in records:
        assert rec["source"].removeprefix("defective/").removesuffix(".txt") in readme, rec["source"]
        assert rec["expected"], rec["id"]
        for exp in rec["expected"]:
            assert rec["text"][exp["start"]:exp["end"]] == exp["evidence"], rec["id"]
            assert {exp["category"], *exp.get("accept", ())} <= CATEGORIES, rec["id"]


def test_clean_sample_is_the_checking_half_and_documented():
    readme = (SAMPLE.parent / "README.md").read_text(encoding="utf-8")
    for folder in ("clean", "dev-clean"):
        for name, _ in sample_texts(folder):
            assert hashlib.sha1(name.encode()).digest()[0] % 2 == 1, f"{name} is in the tuning half"
            assert name.removesuffix(".txt") in readme, name


def _builder():
    spec = importlib.util.spec_from_file_location("make_sample", ROOT / "benchmarks" / "make_sample_fixtures.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_builder_cuts_excerpts_at_lines_and_sentences():
    """The builder's rules, on made-up text (no ../shared needed)."""
    builder = _builder()
    text = "Title line\n\nFirst para. Ends here.\n\nSUBSCRIBE NOW\n\nLast para ends."
    at = text.index("SUBSCRIBE")
    start, end = builder.excerpt_window(text, at, at + len("SUBSCRIBE NOW"))
    assert text[start:end] == "First para. Ends here.\n\nSUBSCRIBE NOW\n\nLast para ends."
    start, end = builder.excerpt_window(text, 0, 5)  # at the page's top edge: keeps the edge
    assert start == 0 and text[start:end].endswith("Ends here.")
    long_line = " ".join(f"Sentence number {i} is here." for i in range(200))
    at = long_line.index("number 100")
    start, end = builder.excerpt_window(long_line, at, at + 10)
    piece = long_line[start:end]
    assert piece.startswith("Sentence number") and piece.endswith(".") and len(piece) < 1000
    words = " ".join(["word"] * 230)
    opening = builder.clean_opening(f"{words}\nno stop here\nThis ends.\nMore text.\n")
    assert opening.endswith("This ends.\n") and "More text" not in opening
    assert builder.in_checking_half("sh-0dd135704572.txt")
    assert not all(builder.in_checking_half(f"x{i}.txt") for i in range(20))


def test_sample_matches_the_corpus():
    """With ../shared present, rebuilding the sample by its rule gives the stored files."""
    shared("corpus", "defective")
    assert _builder().main(["--check"]) == 0
def test_vendored_seed_spec_matches_shared():
    original = shared("spec", "seeds-expected.jsonl")
    assert (SAMPLE.parent / "seeds-expected.jsonl").read_bytes() == original.read_bytes()


# -- every test asserts --------------------------------------------------------------------------

#: Calls that make a test able to fail besides ``assert``: pytest.raises/fail/warns and any
#: ``assert_*`` helper (newslint.testing.assert_example and the like).
_FAILING_CALLS = ("raises", "fail", "warns", "deprecated_call")


def _always_true(test: ast.expr) -> bool:
    """``assert True``, ``assert 1``, ``assert "x"``; and ``MIN >= 0``-style bounds on a count or
    ratio (``x >= 0``, ``x >= 0.0``), which no run can break."""
    if isinstance(test, ast.Constant):
        return bool(test.value)
    return (isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(test.ops[0], ast.GtE)
            and isinstance(test.comparators[0], ast.Constant) and test.comparators[0].value == 0)


def _call_name(node: ast.Call) -> str:
    func = node.func
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""


def find_tests_without_assertion(source: str) -> list[str]:
    """Names of ``test*`` functions in ``source`` that can never fail: no ``assert`` (other than
    an always-true one), no ``pytest.raises``/``fail``/``warns``, no ``assert_*`` call and no call
    to a function of the same module that (itself or through others) does one of those."""
    tree = ast.parse(source)
    functions = {n.name: n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)}
    asserting: set[str] = set()

    def asserts(fn: ast.AST) -> bool:
        for node in ast.walk(fn):
            if isinstance(node, ast.Assert) and not _always_true(node.test):
                return True
            if isinstance(node, ast.Call):
                name = _call_name(node)
                if name.startswith("assert") or name in _FAILING_CALLS or name in asserting:
                    return True
        return False

    grew = True
    while grew:
        new = {name for name, fn in functions.items() if name not in asserting and asserts(fn)}
        asserting |= new
        grew = bool(new)
    return sorted(name for name in functions if name.startswith("test") and name not in asserting)


def test_every_test_can_fail():
    files = sorted((ROOT / "tests").rglob("test_*.py")) + sorted((ROOT / "plugins").glob("*/tests/test_*.py"))
    assert len(files) > 20
    empty = {str(p.relative_to(ROOT)): names for p in files
             if (names := find_tests_without_assertion(p.read_text(encoding="utf-8")))}
    assert empty == {}, f"tests that cannot fail (no assert): {empty}"


def test_assertion_scan_catches_an_empty_test():
    source = textwrap.dedent('''
        import pytest
        from newslint.testing import assert_example

        def helper(x):
            assert x

        def test_runs_only(linter):
            linter.lint("text")

        def test_with_assert(x):
            assert x == 1

        def test_always_true():
            assert True

        def test_bound_that_cannot_break(found, total):
            assert found / total >= 0.0

        def test_through_helper():
            helper(1)

        def test_raises():
            with pytest.raises(ValueError):
                int("x")

        def test_example(check, example):
            assert_example(check, example)
    ''')
    assert find_tests_without_assertion(source) == ["test_always_true", "test_bound_that_cannot_break",
                                                    "test_runs_only"]


def corpus_skips(source: str) -> list[str]:
    """``skip``/``skipif`` calls in ``source`` whose condition or reason is about ../shared or the
    corpus: such a test passes in CI by not running."""
    tree = ast.parse(source)
    return [seg for node in ast.walk(tree)
            if isinstance(node, ast.Call) and _call_name(node) in ("skip", "skipif")
            and (seg := ast.get_source_segment(source, node) or "")
            and any(word in seg.lower() for word in ("corpus", "shared", "expected.exists"))]


def test_suite_has_no_corpus_skip_left():
    """Full-corpus tests go through conftest.shared (fails in CI); no bare skip on ../shared."""
    files = [p for p in (ROOT / "tests").glob("test_*.py")] + sorted((ROOT / "plugins").glob("*/tests/test_*.py"))
    offenders = {str(p.relative_to(ROOT)): found for p in files
                 if (found := corpus_skips(p.read_text(encoding="utf-8")))}
    assert offenders == {}
    assert corpus_skips('@pytest.mark.skipif(not CORPUS.is_dir(), reason="x")\ndef test_a(): pass\n')
    assert corpus_skips('def test_b():\n    if not p.exists():\n        pytest.skip("no corpus")\n')
    assert not corpus_skips('@pytest.mark.skipif(not URL, reason="no server")\ndef test_c(): pass\n')


def test_conftest_shared_fails_in_ci(monkeypatch, tmp_path):
    from . import conftest

    monkeypatch.setattr(conftest, "SHARED", Path(tmp_path) / "nowhere")
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI is set"):
        conftest.shared("corpus")
    monkeypatch.delenv("CI")
    with pytest.raises(pytest.skip.Exception, match="not present"):
        conftest.shared("corpus")
