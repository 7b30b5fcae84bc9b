"""Markdown articles with optional front matter (title, byline/author, date, url): YAML between
``---`` lines (Jekyll, most static-site generators) or TOML between ``+++`` lines (Hugo).

Offsets stay honest: the article text is the file as read, with the front-matter block replaced
by blank lines of the same length, so every finding's line, column and excerpt refer to the file
and no check ever lints the YAML.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from ..article import Article
from . import InputError, decode_text, replace_lone_surrogates

if TYPE_CHECKING:
    from ..config import Config

_FRONT = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
_TOML_FRONT = re.compile(r"\A\+\+\+[ \t]*\r?\n(.*?)\r?\n\+\+\+[ \t]*(?:\r?\n|\Z)", re.S)


def _blank(text: str) -> str:
    return "".join(ch if ch in "\r\n" else " " for ch in text)


def _yaml_front(block: str) -> Any:
    import yaml

    try:
        return yaml.safe_load(block) or {}
    except yaml.YAMLError as exc:
        raise InputError(f"invalid YAML front matter: {str(exc).splitlines()[0]}") from None


def _toml_front(block: str) -> Any:
    """Hugo's TOML front matter; errors name the file's line (the block starts on line 2)."""
    import tomllib

    from ..config import toml_error_position

    try:
        return tomllib.loads(block)
    except tomllib.TOMLDecodeError as exc:
        msg, line, col = toml_error_position(exc, block)
        where = f" at line {line + 1} column {col}" if line else ""
        raise InputError(f"invalid TOML front matter{where}: {msg}") from None


def parse_markdown(data: bytes, path: str, config: Config) -> Iterator[Article]:
    text = decode_text(data, path)
    fields: dict[str, Any] = {}
    m = _FRONT.match(text) or _TOML_FRONT.match(text)
    if m:
        meta = _toml_front(m.group(1)) if m.re is _TOML_FRONT else _yaml_front(m.group(1))
        if not isinstance(meta, dict):
            raise InputError("front matter is not a mapping of fields")
        fields = meta
        text = _blank(m.group(0)) + text[m.end():]
        if not text.strip():
            raise InputError("empty article (front matter only)")

    def field(*names: str) -> str | None:
        for n in names:
            v = fields.get(n)
            if isinstance(v, str | int | float | bool | datetime.date) and str(v).strip():
                return replace_lone_surrogates(str(v))
        return None

    extra = {k: replace_lone_surrogates(v) if isinstance(v, str) else v for k, v in fields.items()
             if isinstance(v, str | int | float | bool) and k not in ("title", "byline", "author", "date", "url")}
    yield Article(text, path=path, title=field("title"), byline=field("byline", "author"),
                  date=field("date"), url=field("url"), media_type="text/markdown", fields=extra)
