"""CMS records: JSON (an object, a list, or {"articles": [...]}) and JSON Lines, streamed.

Each record is one article, reported as ``path#id`` (or ``path#LINE`` for JSON Lines records
without an id). A malformed record is one input problem naming file and record; the stream goes
on. JSON Lines files are read line by line, so a million-record stream runs in constant memory.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from typing import IO, TYPE_CHECKING, Any

from ..article import Article
from . import InputError, InputProblem, decode_text

if TYPE_CHECKING:
    from ..config import Config

ID_FIELDS = ("id", "_id", "uuid", "slug", "guid")


def _record_id(record: Mapping[str, Any], fallback: str) -> str:
    for key in ID_FIELDS:
        value = record.get(key)
        if isinstance(value, str | int) and str(value).strip():
            return str(value)
    return fallback


def record_article(record: Any, path: str, where: str, mapping: Mapping[str, str], *,
                   id_field: str | None = None) -> Article | InputProblem:
    """One record as an article, or the problem with it, labelled ``path#id``.

    The id is ``record[id_field]`` when ``id_field`` names one (a dataframe's id column), else
    the first of :data:`ID_FIELDS` the record has, else ``where`` (a line or row number).
    """
    if not isinstance(record, Mapping):
        return InputProblem(f"{path}#{where}", f"record is not a JSON object (got {type(record).__name__})")
    missing = [src for src in mapping.values() if src not in record]
    if missing:
        return InputProblem(f"{path}#{where}", f"record has no field {missing[0]!r} (from --field)")
    if id_field is not None and record.get(id_field) is not None and str(record[id_field]).strip():
        label = f"{path}#{record[id_field]}"
    else:
        label = f"{path}#{_record_id(record, where)}"
    try:
        return article_from_record(record, path=label, mapping=mapping)
    except InputError as exc:
        return InputProblem(label, str(exc))


def parse_json(data: bytes, path: str, config: Config) -> Iterator[Article | InputProblem]:
    text = decode_text(data, path)
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}") from None
    records: Iterable[Any]
    if isinstance(doc, list):
        records = doc
    elif isinstance(doc, dict) and isinstance(doc.get("articles"), list):
        records = doc["articles"]
    elif isinstance(doc, dict):
        records = [doc]
    else:
        raise InputError(f"JSON is not an object or a list of objects (got {type(doc).__name__})")
    mapping = dict(config.field_map)
    for i, record in enumerate(records):
        yield record_article(record, path, str(i + 1), mapping)


def parse_jsonl_stream(stream: IO[bytes], path: str, config: Config) -> Iterator[Article | InputProblem]:
    mapping = dict(config.field_map)
    for lineno, raw in enumerate(stream, start=1):
        if not raw.strip():
            continue
        try:
            record = json.loads(raw.decode("utf-8"))
        except UnicodeDecodeError:
            yield InputProblem(f"{path}#{lineno}", "record is not valid UTF-8")
            continue
        except json.JSONDecodeError as exc:
            yield InputProblem(f"{path}#{lineno}", f"malformed JSON record: {exc.msg}")
            continue
        yield record_article(record, path, str(lineno), mapping)


def parse_jsonl(data: bytes, path: str, config: Config) -> Iterator[Article | InputProblem]:
    import io

    yield from parse_jsonl_stream(io.BytesIO(data), path, config)


def article_kwargs(fields: Mapping[str, Any]) -> dict[str, Any]:
    known = {"byline", "date", "url", "media_type", "extracted"}
    kwargs = {k: v for k, v in fields.items() if k in known}
    extra = {k: v for k, v in fields.items() if k not in known}
    if extra:
        kwargs["fields"] = extra
    return kwargs


#: Field names tried, in order, for the body of a record.
BODY_FIELDS: tuple[str, ...] = ("body", "text", "content", "article", "articleBody")


def article_from_record(record: Mapping[str, Any], *, path: str | None = None,
                        mapping: Mapping[str, str] | None = None) -> Article:
    """An article from a CMS record: ``{"id", "title", "body", "url", ...}``.

    ``mapping`` renames fields (``{"body": "content"}`` reads the body from ``content``).
    Raises :class:`InputError` when the record has no text.
    """
    mapping = dict(mapping or {})

    def field_of(name: str) -> Any:
        return record.get(mapping.get(name, name))

    body = None
    if "body" in mapping:
        body = record.get(mapping["body"])
    else:
        for name in BODY_FIELDS:
            if isinstance(record.get(name), str):
                body = record[name]
                break
    if not isinstance(body, str) or not body.strip():
        raise InputError("record has no text field (body, text or content)")
    extra = {k: v for k, v in record.items() if k not in {"title", "byline", "date", "url"}
             and isinstance(v, str | int | float | bool) and k not in BODY_FIELDS}
    return Article(
        body,
        path=path,
        title=_str_or_none(field_of("title")),
        byline=_str_or_none(field_of("byline") or field_of("author")),
        date=_str_or_none(field_of("date")),
        url=_str_or_none(field_of("url")),
        media_type="application/json",
        extracted=True,
        fields=extra,
    )


def _str_or_none(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None
