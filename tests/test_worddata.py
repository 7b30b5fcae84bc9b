"""The compiled word data answers exactly as the packages it is compiled from, opens only the
tables asked for, and is found again (never rebuilt) once built."""

from __future__ import annotations

import json
import math
import random
import subprocess
import sys
from pathlib import Path

import pytest

from newslint import lexicon, worddata
from newslint.worddata import store
from newslint.worddata.build import read_brill

random.seed(16)


def test_zipf_matches_wordfreq() -> None:
    from wordfreq import get_frequency_dict

    freq = get_frequency_dict("en", wordlist="best")
    sample = [*random.sample(sorted(freq), 3000), "the", "detain", "don't"]
    for word in sample:
        assert worddata.zipf(word) == round(math.log10(freq[word]) + 9, 2), word
    assert worddata.zipf("Detain") == worddata.zipf("detain") > 2
    assert worddata.zipf("don’t") == worddata.zipf("don't") > 5
    assert worddata.zipf("qzxqzxv") == 0.0
    assert lexicon.zipf("the") > 7 and lexicon.is_word("detain") and not lexicon.is_word("qzxqzxv")


@pytest.mark.parametrize("lang", ["es", "fr", "de", "pt", "it"])
def test_foreign_zipf_matches_wordfreq(lang: str) -> None:
    from wordfreq import get_frequency_dict

    freq = get_frequency_dict(lang, wordlist="small")
    for word in random.sample(sorted(freq), 500):
        assert worddata.foreign_zipf(lang, word) == math.log10(freq[word]) + 9, word
    assert worddata.foreign_zipf(lang, "qzxqzxv") == 0.0


def test_syllables_match_textstat() -> None:
    import textstat
    from spellchecker import SpellChecker

    words = random.sample(sorted(SpellChecker().word_frequency.dictionary), 3000)
    tricky = ["U.S.", "o'brien", "don't", "rock-'n'-roll", "Salvatrucha", "CECOT", "x1y2", "’tis",
              "naïve", "Zelenskyy's", "", "...", "two words", "cuticles", "Bukele"]
    for text in words + tricky:
        assert worddata.syllable_count(text) == textstat.syllable_count(text), text
    assert lexicon.syllables("") == 1 and lexicon.syllables("extraordinary") == 6


def test_hyphenation_port_matches_pyphen() -> None:
    import pyphen

    from newslint.worddata.hyphen import Patterns, positions_from_dict

    reference = pyphen.Pyphen(lang="en_US")
    compiled = Patterns(store.trie("hyphen"), store.column("hyphen.index.u32"),
                        store.column("hyphen.values.u8"), store.meta()["hyphen_maxlen"])
    patterns = {k: (v[0], tuple(int(x) for x in v[1])) for k, v in reference.hd.patterns.items()}
    words = ["uglifying", "hyphenation", "salvatrucha", "a", "zz", "interdepartmental", "naïve",
             "bukele", "extraordinarily", "ab", "ukrenergo", "zelenskyy", "2019", "x1y2"]
    for word in words:
        expected = reference.positions(word)
        assert compiled.positions(word) == expected, word
        assert positions_from_dict(word, patterns, reference.hd.maxlen) == expected, word
        assert compiled.syllables(word) == len(expected) + 1


def test_spelling_matches_pyspellchecker() -> None:
    from spellchecker import SpellChecker

    checker = SpellChecker(distance=1)
    ours = worddata.spelling()
    words = random.sample(sorted(checker.word_frequency.dictionary), 400)
    for word in words:
        assert word in ours and ours[word] == checker[word]
    typos = ["thier", "recieved", "goverment", "beleive", "qzxqzxv", "seperate", "Thier"]
    for w in words[:150]:
        i = random.randrange(len(w))
        typos.append(w[:i] + "e" + w[i + 1:])
    for typo in typos:
        assert (typo in ours) == (typo in checker), typo
        expected, got = checker.correction(typo), ours.correction(typo)
        if expected != got:  # pyspellchecker breaks ties by set order; ours alphabetically
            assert got is not None and ours.count(got) == checker[expected], typo
    assert ours.correction("recieved") == "received"
    with pytest.raises(KeyError):
        ours["qzxqzxv"]


def test_pos_matches_vendored_brill_lexicon() -> None:
    table = read_brill()
    assert len(table) > 90_000
    for word in random.sample(sorted(table), 2000):
        assert worddata.pos(word) == table[word]
    assert lexicon.pos("Washington") == "NNP" and lexicon.is_name_form("Washington")
    assert lexicon.pos("detain") == "VB" and lexicon.pos("qzxqzxv") is None


def test_vendored_lexicon_has_its_licence() -> None:
    licence = store.VENDORED_LEXICON.parent / "LICENSE-brill-lexicon.txt"
    assert "MIT license" in licence.read_text(encoding="utf-8")
    assert store.VENDORED_LEXICON.read_text(encoding="utf-8").startswith(";;;")


def test_only_the_tables_used_are_opened() -> None:
    """A process that only asks for part-of-speech tags opens the lexicon and nothing else."""
    code = ("from newslint import worddata; worddata.pos('Washington'); print(worddata.loaded())")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "['pos.tag.u8', 'pos.trie']"


def test_linting_ignores_word_data_of_ignored_checks(tmp_path: Path) -> None:
    """With the spelling and language checks ignored, a run opens neither the spelling column
    nor any foreign list (the syllable column stays: the report's ``metrics`` always need it)."""
    article = tmp_path / "a.txt"
    article.write_text("The council met on Monday. It approved the budget, officials said.\n",
                       encoding="utf-8")
    code = (
        "import sys\nfrom newslint import Linter, worddata\n"
        "linter = Linter({'ignore': ['spelling', 'language']}, load_entry_points=False)\n"
        "list(linter.lint_file(sys.argv[1]))\nprint(worddata.loaded())\n"
    )
    out = subprocess.run([sys.executable, "-c", code, str(article)], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    opened = json.loads(out.stdout.strip().replace("'", '"'))
    assert "en.spell.u32" not in opened and "en.syll.u8" in opened
    assert not any(name.startswith(("es.", "fr.", "de.", "pt.", "it.")) for name in opened)


def test_stamp_follows_sources() -> None:
    sig = store.source_signature()
    assert sig["format"] == store.FORMAT_VERSION and sig["wordfreq"] is not None
    changed = dict(sig, wordfreq=[*sig["wordfreq"][:2], 0])
    assert store.stamp(changed) != store.stamp(sig)
    assert worddata.data_dir().name.endswith(store.stamp(sig)) or (worddata.data_dir() / "meta.json").is_file()


def test_build_into_a_fresh_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """First use builds the data into the cache directory; the next process finds it."""
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("NEWSLINT_WORDDATA", raising=False)
    code = "from newslint import worddata; print(worddata.zipf('the'), worddata.data_dir())"
    first = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    built = Path(first.stdout.split()[1])
    assert built.parent == tmp_path and (built / "meta.json").is_file()
    assert not list(tmp_path.glob("*.tmp-*"))
    mtime = (built / "meta.json").stat().st_mtime_ns
    second = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert second.stdout == first.stdout and (built / "meta.json").stat().st_mtime_ns == mtime


def test_read_only_cache_falls_back_to_the_temp_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from newslint.worddata import build

    built: list[Path] = []

    def fake_build(path: Path, sig: object = None, force: bool = False) -> Path:
        if str(path).startswith(str(tmp_path / "ro")):
            raise PermissionError(13, "read-only", str(path))
        path.mkdir(parents=True, exist_ok=True)
        (path / "meta.json").write_text(json.dumps({"format": store.FORMAT_VERSION}), encoding="utf-8")
        built.append(path)
        return path

    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path / "ro"))
    monkeypatch.delenv("NEWSLINT_WORDDATA", raising=False)
    monkeypatch.setattr(build, "build_into", fake_build)
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path / "tmp"))
    worddata.reset()
    try:
        chosen = store.data_dir()
        assert built == [chosen] and str(chosen).startswith(str(tmp_path / "tmp"))
    finally:
        worddata.reset()


def test_missing_sources_give_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("NEWSLINT_WORDDATA", raising=False)
    real = store.source_signature
    monkeypatch.setattr(store, "source_signature", lambda: dict(real(), wordfreq=None))
    worddata.reset()
    try:
        with pytest.raises(RuntimeError, match="wordfreq not installed"):
            store.data_dir()
    finally:
        worddata.reset()


def test_case_share_table_tells_names_from_common_words() -> None:
    from newslint.worddata.case import capital_share

    assert capital_share("senate") > 0.5 and capital_share("union") > 0.3
    assert capital_share("inflation") < 0.1 and capital_share("Levels") < 0.05  # case-folded look-up
    assert capital_share("qzxqzxv") is None and capital_share("of") is None  # unknown; under 3 letters


def test_case_share_table_has_its_licence_and_rebuilds(tmp_path: Path) -> None:
    import gzip
    import json

    from newslint.worddata import case

    licence = case.TABLE.parent / "LICENSE-case-share.txt"
    assert "MIT License" in licence.read_text(encoding="utf-8")
    source = tmp_path / "en_lexeme_prob.json.gz"
    with gzip.open(source, "wt", encoding="utf-8") as fh:
        json.dump({"budget": -10.0, "Budget": -12.0, "senate": -13.0, "Senate": -12.0,
                   "rare": -19.0, "ok": -5.0, "well-known": -9.0}, fh)
    out = tmp_path / "table.tsv.gz"
    assert case.build(source, out) == 2  # too rare, too short and hyphenated words are left out
    rows = dict(line.split("\t") for line in gzip.open(out, "rt", encoding="utf-8").read().splitlines())
    assert rows == {"budget": "119", "senate": "731"}  # e^-12/(e^-12+e^-10) = 0.119


def test_building_the_data_does_not_count_against_a_check_time_limit(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The first check to need word data builds it (seconds, once): a check's time limit must not
    interrupt the build nor count it (every later check would start it again and time out too)."""
    import time

    from newslint import Hit, check
    from newslint.article import Article
    from newslint.declaration import CheckContext
    from newslint.runner import run_check
    from newslint.worddata import build

    def slow_build(path: Path, sig: object = None, force: bool = False) -> Path:
        time.sleep(0.8)
        path.mkdir(parents=True, exist_ok=True)
        (path / "meta.json").write_text(json.dumps({"format": store.FORMAT_VERSION}), encoding="utf-8")
        return path

    @check(code="ZZ901", name="needs-data", category="spelling")
    def needs_data(article: Article, ctx: CheckContext):  # type: ignore[no-untyped-def]
        """Needs the word data, then works for ``ctx.options['work']`` seconds."""
        store.data_dir()
        time.sleep(float(ctx.options.get("work", 0)))
        yield Hit(0, 3, "found")

    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("NEWSLINT_WORDDATA", raising=False)
    monkeypatch.setattr(build, "build_into", slow_build)
    worddata.reset()
    try:
        first = run_check(Article("The text."), needs_data, CheckContext(options={}, check=needs_data), timeout=0.4)
        assert [f.code for f in first] == ["ZZ901"]
        slow = run_check(Article("The text."), needs_data, CheckContext(options={"work": 0.6}, check=needs_data), timeout=0.4)
        assert [f.code for f in slow] == ["NL001"] and "timed out" in slow[0].message  # the limit still holds
    finally:
        worddata.reset()


def test_common_vocabulary_answers_as_the_common_words_set_before_and_after_it_is_built() -> None:
    """Membership by trie look-ups first, by the frozenset once it pays for itself: the same
    answers either way, and the set is built only after LOOKUPS_BEFORE_SET look-ups."""
    from newslint import worddata

    words = sorted(worddata.common_words())
    probes = [*words[::97], "Paris", "thier", "", "teh", "the", words[-1].upper(), 3, None]
    expected = [p in worddata.common_words() for p in probes]
    vocab = worddata.CommonVocabulary()
    assert vocab._set is None  # a run that asks about a few words never builds the set
    assert [p in vocab for p in probes] == expected and any(expected) and not all(expected)
    vocab._left = 2
    assert [p in vocab for p in probes] == expected
    assert vocab._set is worddata.common_words()
