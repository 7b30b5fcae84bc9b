"""Text output for people: one line per finding that says how bad, what, and about which words.

    seeds/a.txt:10:61: NL301 warning [capitalization] "united States" is written ... — "united States"

Every line carries the severity and quotes the words it is about (trimmed), because news
paragraphs are single long lines and ``a.txt:9:2057`` alone is hard to find. ``[*]`` marks a
finding ``--fix`` repairs. Options (from the command line):

- ``show_source``: a ruff-style code frame under each finding, the line windowed around the span
  and the span underlined;
- ``show_fixes``: the edits of each finding's fix;
- ``statistics``: counts per code instead of the findings;
- ``summary``: the closing "Found ..." line (``-q`` turns it off).
"""

from __future__ import annotations

import os
import unicodedata
from collections import Counter
from typing import Any, ClassVar, TextIO

from ..findings import Finding
from ..report import Report, Summary

#: Longest quoted excerpt; longer ones keep their head and tail around an ellipsis.
QUOTE_CHARS = 60


def _one_line(text: str) -> str:
    return " ".join(text.split())


def trim(text: str, limit: int = QUOTE_CHARS) -> str:
    """``text`` on one line, at most ``limit`` characters (head … tail)."""
    text = _one_line(text)
    if len(text) <= limit:
        return text
    head = (limit * 2) // 3
    tail = limit - head - 3
    return f"{text[:head].rstrip()} … {text[-tail:].lstrip()}"


def quote_for(f: Finding) -> str | None:
    """The words to quote after the message, or None when the message already quotes them.

    A zero-width finding (a missing space) quotes a little of the text either side, with ``‸``
    at the point."""
    if f.excerpt.strip():
        shown = trim(f.excerpt)
        probe = _one_line(f.excerpt)[:24]
        if probe and probe.lower() in _one_line(f.message).lower():
            return None
        return f'"{shown}"'
    if f.context is None or f.category == "internal":
        return None
    window, at, _, _ = f.context
    return f'"{around(window, at)}"'


def around(text: str, at: int, span: int = 16) -> str:
    """Whole words of ``text`` either side of the point ``at``, with ``‸`` at the point."""
    before, after = text[max(0, at - span):at], text[at:at + span]
    if at - span > 0 and " " in before:
        before = before[before.index(" ") + 1:]
    if at + span < len(text) and " " in after:
        after = after[:after.rindex(" ")]
    return f"{_one_line(before)}‸{_one_line(after)}"


def char_width(ch: str) -> int:
    """Terminal cells of one character (wide East Asian characters take two, marks none)."""
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def text_width(text: str) -> int:
    return sum(char_width(ch) for ch in text)


class TextFormatter:
    """``path:line:col: CODE severity [category] message — "excerpt"``, then a summary.

    Extracted text (HTML pages, records) is located in its file where that is known, with the
    record id and the extracted-text position after the message (see :meth:`location`)."""

    COLOURS: ClassVar[dict[str, str]] = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
    BOLD = "\033[1m"
    DIM = "\033[2m"
    RESET = "\033[0m"

    def __init__(self, stream: TextIO, options: dict[str, Any]) -> None:
        self.stream = stream
        colour = options.get("color")
        if colour is None:
            colour = hasattr(stream, "isatty") and stream.isatty() and not os.environ.get("NO_COLOR")
        self.colour = bool(colour)
        self.show_suggestion = options.get("show_suggestion", True)
        self.show_source = bool(options.get("show_source"))
        self.show_fixes = bool(options.get("show_fixes"))
        self.statistics = bool(options.get("statistics"))
        self.summary = options.get("summary", True)
        self.counts: Counter[tuple[str, str]] = Counter()
        self.fixable: Counter[tuple[str, str]] = Counter()
        self.severities: dict[tuple[str, str], Counter[str]] = {}

    def begin(self) -> None:
        pass

    def _paint(self, text: str, style: str) -> str:
        if not self.colour:
            return text
        code = self.COLOURS.get(style) or {"bold": self.BOLD, "dim": self.DIM}.get(style, "")
        return f"{code}{text}{self.RESET}"

    @staticmethod
    def location(report: Report, f: Finding) -> tuple[str, str]:
        """``(where, note)``: the ``file:line:col`` an editor can open, and for extracted text
        the record and the position in the extracted text.

        For text linted as it is, the finding's own line and column. For extracted text (HTML,
        records), the *file's* line (and column, for JSON bodies) when it is known, else the
        record's path alone: a line of the extracted text would open the wrong line."""
        if not report.extracted:
            return f"{report.path}:{f.line}:{f.column}", ""
        record = f"record {report.record}, " if report.record is not None else ""
        if f.source_line is None:
            return report.path, f" ({record}extracted text {f.line}:{f.column})"
        file = report.file or report.path
        if f.source_column is not None:
            return f"{file}:{f.source_line}:{f.source_column}", f" ({record.rstrip(', ')})" if record else ""
        return f"{file}:{f.source_line}", f" ({record}extracted text {f.line}:{f.column})"

    def line_for(self, report: Report, f: Finding) -> str:
        """The one-line form of a finding."""
        where, note = self.location(report, f)
        fix_mark = " [*]" if f.fix is not None and f.fix.applicability == "safe" else ""
        line = (f"{self._paint(where, 'bold')}: {self._paint(f.code, f.severity)}{fix_mark} "
                f"{self._paint(f.severity, f.severity)} [{f.category}] {_one_line(f.message)}")
        quote = quote_for(f)
        if quote:
            line += f" — {quote}"
        if self.show_suggestion and f.suggestion is not None and f.suggestion not in f.message \
                and not self.show_source:
            line += f" (suggestion: {trim(f.suggestion)!r})"
        return line + note

    def frame(self, f: Finding) -> list[str]:
        """A ruff-style code frame: the finding's line, windowed, with the span underlined."""
        if f.context is None:
            return []
        window, at, cut_before, cut_after = f.context
        shown = ("…" if cut_before else "") + window + ("…" if cut_after else "")
        shown_at = at + (1 if cut_before else 0)
        span = f.excerpt.split("\n", 1)[0]
        span_len = max(1, text_width(shown[shown_at:shown_at + len(span)]))
        gutter = str(f.line)
        pad = " " * len(gutter)
        marker = self._paint("^" * span_len, f.severity)
        tail = f" {trim(f.suggestion, 40)}" if f.suggestion is not None else ""
        bar = self._paint("|", "dim")
        return [
            f"{pad} {bar}",
            f"{self._paint(gutter, 'dim')} {bar} {shown.replace(chr(9), ' ')}",
            f"{pad} {bar} {' ' * text_width(shown[:shown_at])}{marker}{tail}",
            f"{pad} {bar}",
        ]

    def fix_lines(self, f: Finding) -> list[str]:
        """The edits of a finding's fix, quoting the text they replace when it is in view."""
        if f.fix is None:
            return []
        how = "applied by --fix" if f.fix.applicability == "safe" else "needs --unsafe-fixes"
        out = [f"  fix ({f.fix.applicability}, {how}):"]
        window_start = f.start - f.context[1] if f.context is not None else None
        for e in f.fix.edits:
            old: str | None = None
            if f.context is not None and window_start is not None \
                    and window_start <= e.start <= e.end <= window_start + len(f.context[0]):
                old = f.context[0][e.start - window_start:e.end - window_start]
            what = f'"{trim(old, 40)}"' if old else f"characters {e.start}-{e.end}"
            new = f'"{e.replacement}"' if len(e.replacement) <= 40 and "\n" not in e.replacement \
                else f'"{trim(e.replacement, 40)}"'
            if e.start == e.end:
                at = f"character {e.start}"
                if f.context is not None and window_start is not None \
                        and window_start <= e.start <= window_start + len(f.context[0]):
                    p = e.start - window_start
                    w = f.context[0]
                    at = f'"{around(w, p)}"'
                out.append(f"    insert {new} at {at}")
            elif not e.replacement:
                out.append(f"    delete {what}")
            else:
                out.append(f"    replace {what} with {new}")
        return out

    def article(self, report: Report) -> None:
        write = self.stream.write
        for f in report.findings:
            key = (f.code, f.check)
            self.counts[key] += 1
            self.severities.setdefault(key, Counter())[f.severity] += 1
            if f.fix is not None and f.fix.applicability == "safe":
                self.fixable[key] += 1
            if self.statistics:
                continue
            write(self.line_for(report, f) + "\n")
            if self.show_source:
                for row in self.frame(f):
                    write(row + "\n")
            if self.show_fixes:
                for row in self.fix_lines(f):
                    write(row + "\n")
        self.stream.flush()

    def statistics_lines(self) -> list[str]:
        """``count  CODE  [*] severity  check``, most frequent first (ruff's ``--statistics``);
        a check graded differently per finding shows each severity (``warning/info``)."""
        rows = sorted(self.counts.items(), key=lambda kv: (-kv[1], kv[0][0], kv[0][1]))
        width = max((len(str(n)) for _, n in rows), default=1)
        out = []
        for key, n in rows:
            mark = "[*]" if self.fixable.get(key) else "   "
            severity = "/".join(s for s, _ in self.severities[key].most_common())
            out.append(f"{n:>{width}}\t{key[0]}\t{mark} {severity:<7} {key[1]}")
        return out

    def end(self, summary: Summary) -> None:
        if self.statistics:
            for row in self.statistics_lines():
                self.stream.write(row + "\n")
        if not self.summary:
            return
        s = summary.to_dict()
        parts = [f"{s['findings']} finding{'s' if s['findings'] != 1 else ''}",
                 f"{s['errors']} error{'s' if s['errors'] != 1 else ''}",
                 f"{s['warnings']} warning{'s' if s['warnings'] != 1 else ''}",
                 f"{s['info']} info"]
        tail = f"; {s['unreadable']} unreadable" if s["unreadable"] else ""
        score = f"; mean quality score {s['mean_score']}" if s["mean_score"] is not None else ""
        fixable = sum(self.fixable.values())
        fixes = f"; {fixable} fixable with --fix ([*])" if fixable else ""
        self.stream.write(f"Found {parts[0]} ({', '.join(parts[1:])}) in {s['files']} "
                          f"file{'s' if s['files'] != 1 else ''}{tail}{score}{fixes}.\n")
