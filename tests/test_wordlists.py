"""The one word-list loader: every shipped list declares its format, lists load once and are
shared between threads, and a newsroom can extend or trim any list from its configuration."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from newslint import ConfigError, Linter, wordlists

PACKAGE = Path(wordlists.__file__).parent
SHIPPED = sorted(PACKAGE.glob("**/data/*.txt"))


def list_name(path: Path) -> str:
    folder = path.parent.parent.name
    return f"{folder}/{path.stem}"


def test_there_are_shipped_lists():
    assert len(SHIPPED) >= 12


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: list_name(p))
def test_every_shipped_list_declares_a_known_format_and_loads(path: Path):
    first = next(line for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    assert first.startswith("# format:"), f"{path}: first line must declare the format"
    wl = wordlists.load(list_name(path))
    assert wl.format in wordlists.FORMATS
    assert wl.entries, f"{path} has no entries"


def test_parse_rejects_undeclared_and_unknown_formats():
    with pytest.raises(wordlists.WordListError, match="first line must be"):
        wordlists.parse("hello\n", "x/y")
    with pytest.raises(wordlists.WordListError, match="unknown format"):
        wordlists.parse("# format: yaml\nhello\n", "x/y")
    with pytest.raises(wordlists.WordListError, match="a pair needs two fields"):
        wordlists.parse("# format: pairs\nlonely\n", "x/y")


def test_pairs_keep_multiword_right_side():
    wl = wordlists.parse("# format: pairs\n# comment\nalot a lot\nthier  their\n", "x/y")
    assert wl.pairs() == {"alot": "a lot", "thier": "their"}


def test_phrases_match_curly_apostrophes_and_any_spacing():
    pat = wordlists.pattern("generated_text/chatbot")
    assert pat.search("Certainly!  Here is the article") or pat.search("as an AI language model")
    assert pat.search("As an AI   language model, I cannot")


def test_loading_is_shared_between_threads():
    wordlists._lists.pop("generated_text/bait", None)
    seen: list[int] = []

    def load() -> None:
        seen.append(id(wordlists.load("generated_text/bait")))

    threads = [threading.Thread(target=load) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(set(seen)) == 1


def _codes(linter: Linter, text: str) -> list[str]:
    return [f.code for f in linter.lint(text).findings]


def test_config_extends_a_list():
    text = "The mayor spoke at noon. As a friendly robot, I must decline to guess."
    plain = Linter({"select": ["NL163"]}, load_entry_points=False)
    assert "NL163" not in _codes(plain, text)
    extended = Linter({"select": ["NL163"],
                       "word-lists": {"generated_text/chatbot": {"extend": ["as a friendly robot"]}}},
                      load_entry_points=False)
    assert "NL163" in _codes(extended, text)


def test_config_removes_an_entry():
    text = "The council met on Tuesday. As an AI language model, I cannot vote."
    base = Linter({"select": ["NL163"]}, load_entry_points=False)
    assert "NL163" in _codes(base, text)
    trimmed = Linter({"select": ["NL163"], "word-lists": {"generated_text/chatbot": {
        "remove": [e for e in wordlists.load("generated_text/chatbot").entries
                   if "model" in e.lower()]}}}, load_entry_points=False)
    assert "NL163" not in _codes(trimmed, text)


@pytest.mark.parametrize(("table", "message"), [
    ({"no/such-list": {"extend": ["x"]}}, "no word list"),
    ({"generated_text/chatbot": {"add": ["x"]}}, "expected keys 'extend' and 'remove'"),
    ({"generated_text/chatbot": {"extend": "x"}}, "expected a list of strings"),
])
def test_bad_word_list_config_is_a_config_error(table, message):
    with pytest.raises(ConfigError, match=message):
        Linter({"word-lists": table}, load_entry_points=False)
