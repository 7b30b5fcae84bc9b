"""Markdown articles with optional YAML front matter (title, byline/author, date, url).

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


def _blank(text: str) -> str:
    return "".join(ch if ch in "\r\n" else " " for ch in text)


def parse_markdown(data: bytes, path: str, config: Config) -> Iterator[Article]:
    text = decode_text(data, path)
    fields: dict[str, Any] = {}
    m = _FRONT.match(text)
    if m:
        import yaml

        try:
            meta = yaml.safe_load(m.group(1)) or {}
        except yaml.YAMLError as exc:
            raise InputError(f"invalid YAML front matter: {str(exc).splitlines()[0]}") from None
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
