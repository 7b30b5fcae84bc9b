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
from ..locations import json_record_starts
from . import InputError, InputProblem, decode_text, replace_lone_surrogates

if TYPE_CHECKING:
    from ..config import Config

ID_FIELDS = ("id", "_id", "uuid", "slug", "guid")


def _record_id(record: Mapping[str, Any], fallback: str) -> str:
    for key in ID_FIELDS:
        value = record.get(key)
        if isinstance(value, str | int) and str(value).strip():
            return replace_lone_surrogates(str(value))
    return fallback


def record_article(record: Any, path: str, where: str, mapping: Mapping[str, str],
                   line: int | None = None, *, id_field: str | None = None) -> Article | InputProblem:
    """One record as an article, or the problem with it, labelled ``path#id``. ``line`` is the
    line of the file the record starts on, when known: findings then point at it (see
    :mod:`newslint.locations`).

    The id is ``record[id_field]`` when ``id_field`` names one (a dataframe's id column), else
    the first of :data:`ID_FIELDS` the record has, else ``where`` (a line or row number).
    """
    from ..locations import Origin

    if not isinstance(record, Mapping):
        return InputProblem(f"{path}#{where}", f"record is not a JSON object (got {type(record).__name__})",
                            file=path, record=where)
    try:
        missing_mapped_fields(record, mapping)
    except InputError as exc:
        return InputProblem(f"{path}#{where}", str(exc), file=path, record=where)
    if id_field is not None and record.get(id_field) is not None and str(record[id_field]).strip():
        record_id = str(record[id_field])
    else:
        record_id = _record_id(record, where)
    label = f"{path}#{record_id}"
    try:
        article = article_from_record(record, path=label, mapping=mapping)
    except InputError as exc:
        return InputProblem(label, str(exc), file=path, record=record_id)
    article.origin = Origin(file=path, record=record_id, line=line)
    return article


def missing_mapped_fields(record: Mapping[str, Any], mapping: Mapping[str, str]) -> None:
    """Raise :class:`InputError` when a field the mapping names is not in the record, naming
    every such field and the mapping that asked for it."""
    missing = [f"{source!r} (for {name})" for name, source in mapping.items() if source not in record]
    if missing:
        raise InputError(f"record has no field {', '.join(missing)} (from --field or the config's "
                         "fields)")


def library_article(record: Mapping[str, Any], *, path: str | None = None,
                    mapping: Mapping[str, str] | None = None) -> Article:
    """The article ``Linter.lint(record)`` lints: read with the configured ``fields`` mapping and
    labelled ``path#id`` (``<record>#id`` without a path) with the record id kept in its origin,
    so the report says which record it is about (``report.record``, ``"record"`` in
    ``to_dict()``). Raises :class:`InputError` naming every field tried.
    """
    from ..locations import Origin

    mapping = dict(mapping or {})
    missing_mapped_fields(record, mapping)
    record_id = _record_id(record, "") or None
    label = f"{path or '<record>'}#{record_id}" if record_id is not None else path
    article = article_from_record(record, path=label, mapping=mapping)
    if record_id is not None:
        article.origin = Origin(file=path or "<record>", record=record_id)
    return article


def parse_json(data: bytes, path: str, config: Config) -> Iterator[Article | InputProblem]:
    text = decode_text(data, path)
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}") from None
    records: Iterable[Any]
    # Record lines are known for a list of records or a single record; {"articles": [...]} has
    # none (its findings keep the record id as their location).
    starts: list[int] | None = None
    if isinstance(doc, list):
        records = doc
        starts = json_record_starts(text)
    elif isinstance(doc, dict) and isinstance(doc.get("articles"), list):
        records = doc["articles"]
    elif isinstance(doc, dict):
        records = [doc]
        starts = json_record_starts(text)
    else:
        raise InputError(f"JSON is not an object or a list of objects (got {type(doc).__name__})")
    mapping = dict(config.field_map)
    for i, record in enumerate(records):
        item = record_article(record, path, str(i + 1), mapping)
        if isinstance(item, Article) and item.origin is not None and starts is not None and i < len(starts):
            item.origin.json_text, item.origin.json_start = text, starts[i]
        yield item


def _size(n: int) -> str:
    return f"{n / 1e6:.1f} MB" if n >= 1e6 else f"{n / 1e3:.1f} KB" if n >= 1e3 else f"{n} bytes"


def _lines(stream: IO[bytes], limit: int) -> Iterator[tuple[bytes, int]]:
    """``(line, length)`` pairs, never holding more than ``limit`` + 1 bytes of one line: a longer
    line is skipped to its end and given as ``(b"", length)``."""
    while True:
        raw = stream.readline(limit + 1)
        if not raw:
            return
        if len(raw) <= limit or raw.endswith(b"\n"):
            yield raw, len(raw)
            continue
        size = len(raw)
        while raw and not raw.endswith(b"\n"):  # skip the rest of the oversized line
            raw = stream.readline(1 << 20)
            size += len(raw)
        yield b"", size


def parse_jsonl_stream(stream: IO[bytes], path: str, config: Config) -> Iterator[Article | InputProblem]:
    """One article per line. ``max-file-size`` applies to each record (a stream may be endless,
    a record may not be larger than a file would be); a bad line is one problem, and the
    records after it are still read."""
    return parse_jsonl_lines(numbered_lines(stream, config.max_file_size), path, config)


def numbered_lines(stream: IO[bytes], limit: int) -> Iterator[tuple[int, bytes, int]]:
    """``(line number, line, length)`` of a JSON Lines stream (see ``_lines``)."""
    for lineno, (raw, size) in enumerate(_lines(stream, limit), start=1):
        yield lineno, raw, size


def parse_jsonl_lines(numbered: Iterable[tuple[int, bytes, int]], path: str,
                      config: Config) -> Iterator[Article | InputProblem]:
    """Records from ``(line number, line, length)`` triples: the whole stream, or one chunk of it
    that ``newslint.parallel`` hands to a worker (line numbers stay those of the file)."""
    mapping = dict(config.field_map)
    limit = config.max_file_size
    for lineno, raw, size in numbered:
        if size > limit:
            yield InputProblem(f"{path}#{lineno}", f"record too large ({_size(size)}, limit "
                                                   f"{_size(limit)}; raise max-file-size to lint it)",
                               file=path, record=str(lineno))
            continue
        if not raw.strip():
            continue
        try:
            record = json.loads(raw.decode("utf-8"))
        except UnicodeDecodeError:
            yield InputProblem(f"{path}#{lineno}", "record is not valid UTF-8", file=path,
                               record=str(lineno))
            continue
        except json.JSONDecodeError as exc:
            yield InputProblem(f"{path}#{lineno}", f"malformed JSON record: {exc.msg}", file=path,
                               record=str(lineno))
            continue
        except RecursionError:
            yield InputProblem(f"{path}#{lineno}", "record nested too deeply to parse", file=path,
                               record=str(lineno))
            continue
        item = record_article(record, path, str(lineno), mapping, lineno)
        if isinstance(item, Article) and item.origin is not None:
            item.origin.json_text = raw.decode("utf-8", errors="replace")
        yield item


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
    Raises :class:`InputError` naming every field tried when the record has no text.
    """
    mapping = dict(mapping or {})

    def field_of(name: str) -> Any:
        return record.get(mapping.get(name, name))

    body = None
    tried = (mapping["body"],) if "body" in mapping else BODY_FIELDS
    for name in tried:
        if isinstance(record.get(name), str) and record[name].strip():
            body = record[name]
            break
    if body is None:
        how = "mapped to body" if "body" in mapping else "map yours with --field body=NAME or the config's fields"
        raise InputError(f"record has no text field (tried {', '.join(map(repr, tried))}; {how})")
    extra = {k: replace_lone_surrogates(v) if isinstance(v, str) else v for k, v in record.items()
             if k not in {"title", "byline", "date", "url"}
             and isinstance(v, str | int | float | bool) and k not in BODY_FIELDS}
    return Article(
        replace_lone_surrogates(body),
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
    return replace_lone_surrogates(value) if isinstance(value, str) and value.strip() else None
