"""The ``newslint`` command line.

    newslint [OPTIONS] PATH...        lint files and folders
    newslint rules [--format json]    list every registered check
    newslint rule CODE                one check's documentation and examples
    newslint plugins                  loaded plugins and what they registered

Exit status: 0 clean, 1 a finding at or above ``--fail-on``, 2 a usage, config or input error.
User errors are one line on standard error, never a traceback.
"""

from __future__ import annotations

import argparse
import difflib
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TextIO

from . import __version__
from .config import FAIL_ON, Config, ConfigError, find_config_file, load_config_file
from .engines import ENGINES, MissingExtra, engine_reports, require
from .fixes import fix_text, write_atomically
from .inputs import InputProblem
from .linter import Linter
from .parallel import default_jobs, parallel_reports
from .report import Report, Summary

COMMANDS = ("rules", "rule", "plugins")


def _csv(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="newslint",
        description="Lint news articles for quality defects.",
        epilog="Commands: 'newslint rules' lists checks; 'newslint rule CODE' documents one; "
               "'newslint plugins' lists plugins.",
    )
    p.add_argument("paths", nargs="*", metavar="PATH", help="files and folders to lint ('-' for stdin)")
    p.add_argument("--format", "-f", default="text", help="text, json, jsonl (and plugin formats)")
    p.add_argument("--select", type=_csv, help="only these codes/prefixes/names/categories")
    p.add_argument("--extend-select", type=_csv, help="add to the selection")
    p.add_argument("--ignore", type=_csv, help="skip these codes/prefixes/names/categories")
    p.add_argument("--fail-on", choices=FAIL_ON, help="lowest severity that fails (default warning)")
    p.add_argument("--config", help="config file (default: nearest newslint.toml/pyproject.toml)")
    p.add_argument("--isolated", action="store_true", help="ignore every config file")
    p.add_argument("--no-plugins", action="store_true", help="do not load entry-point plugins")
    p.add_argument("--color", dest="color", action="store_true", default=None, help="force colour")
    p.add_argument("--no-color", dest="color", action="store_false", help="no colour")
    p.add_argument("--output", "-o", help="write the report to this file instead of stdout")
    p.add_argument("--stdin-filename", help="file name for standard input ('-'): format and config")
    p.add_argument("--field", action="append", default=[], metavar="NAME=SOURCE",
                   help="read article field NAME from record field SOURCE (e.g. body=content)")
    p.add_argument("--jobs", "-j", type=int, help="worker processes (default: all cores for 32+ files)")
    p.add_argument("--engine", choices=ENGINES, default="default",
                   help="run on Dask or Spark (a local cluster of --jobs workers unless --master or "
                        "DASK_SCHEDULER_ADDRESS names one); same output as the default engine")
    p.add_argument("--master", metavar="URL", help="with --engine: the Spark master or Dask scheduler")
    p.add_argument("--fail-under", type=float, metavar="SCORE",
                   help="exit 1 when an article's quality score (0-100) is below SCORE")
    p.add_argument("--fix", action="store_true", help="apply safe fixes in place (atomic writes)")
    p.add_argument("--unsafe-fixes", action="store_true", help="with --fix or --diff: unsafe fixes too")
    p.add_argument("--diff", action="store_true", help="show the fixes as a diff; write nothing")
    p.add_argument("--quiet", "-q", action="store_true", help="no summary line in text output")
    p.add_argument("--version", action="version", version=f"newslint {__version__}")
    return p


def error(message: str) -> None:
    sys.stderr.write(f"newslint: error: {message}\n")


def warn(message: str) -> None:
    sys.stderr.write(f"newslint: warning: {message}\n")


class LinterPool:
    """One ``Linter`` per configuration file, so each path uses its nearest config."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self._by_source: dict[str | None, Linter] = {}
        self._config_by_dir: dict[str, Path | None] = {}
        #: Each config file is read and validated once per run, whatever the number of files
        #: and records it governs; the command-line overrides are applied once per file too.
        self._config_by_file: dict[Path | None, Config] = {}
        self.explicit: Config | None = None
        if args.config:
            self.explicit = load_config_file(Path(args.config))

    def _overrides(self, config: Config) -> Config:
        a = self.args
        fields = None
        if a.field:
            fields = {}
            for item in a.field:
                name, sep, source = item.partition("=")
                if not sep or not name.strip() or not source.strip():
                    raise ConfigError(f"--field {item!r}: expected NAME=SOURCE (e.g. body=content)")
                if name.strip() not in ("body", "title", "byline", "date", "url"):
                    raise ConfigError(f"--field {item!r}: unknown article field {name.strip()!r} "
                                      "(body, title, byline, date, url)")
                fields[name.strip()] = source.strip()
        return config.merged(select=tuple(a.select) if a.select else None,
                             extend_select=tuple(a.extend_select) if a.extend_select else None,
                             ignore=tuple(a.ignore) if a.ignore else None,
                             fail_on=a.fail_on, fail_under=a.fail_under, field_map=fields,
                             jobs=a.jobs)

    def config_for(self, path: str) -> Config:
        if self.explicit is not None or self.args.isolated:
            if None not in self._config_by_file:
                self._config_by_file[None] = self._overrides(self.explicit or Config())
            return self._config_by_file[None]
        folder = os.path.dirname(os.path.abspath(path)) if path != "-" else os.getcwd()
        if folder not in self._config_by_dir:
            self._config_by_dir[folder] = find_config_file(Path(folder))
        found = self._config_by_dir[folder]
        if found not in self._config_by_file:
            self._config_by_file[found] = self._overrides(load_config_file(found) if found else Config())
        return self._config_by_file[found]

    def linter_for(self, path: str) -> Linter:
        config = self.config_for(path)
        key = config.source
        if key not in self._by_source:
            linter = Linter(config, load_entry_points=not self.args.no_plugins)
            for message in linter.warnings:
                warn(message)
            self._by_source[key] = linter
        return self._by_source[key]


def iter_reports(pool: LinterPool, paths: Sequence[str]) -> Iterator[Report]:
    """Reports in input order; unreadable inputs give a report with ``error`` set."""
    args = pool.args
    first = pool.linter_for(paths[0] if paths else ".")
    items = list(first.inputs(paths))
    if args.engine != "default":
        jobs = first.config.jobs or os.cpu_count() or 1
        yield from engine_reports(args.engine, first, items, jobs=jobs, stdin_name=args.stdin_filename,
                                  master=args.master)
        return
    files = [i for i in items if isinstance(i, str) and i != "-"]
    jobs = first.config.jobs or default_jobs(len(files))
    same_config = len({pool.config_for(f).source for f in files}) <= 1
    if jobs > 1 and same_config and not (args.fix or args.diff) and all(isinstance(i, str) for i in items):
        yield from parallel_reports(first, [i for i in items if isinstance(i, str)], jobs)
        return
    progress = Progress(len(items))
    for item in items:
        progress.tick()
        if isinstance(item, InputProblem):
            yield Report(path=item.path, error=item.message)
            continue
        linter = pool.linter_for(item if item != "-" else (args.stdin_filename or "."))
        if args.fix or args.diff:
            yield from fix_file(linter, item, args)
        else:
            yield from linter.lint_file(item, stdin_name=args.stdin_filename)
    progress.done()


class Progress:
    """A one-line progress count on standard error, for long runs on a terminal only."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.count = 0
        self.show = total >= 200 and sys.stderr.isatty()

    def tick(self) -> None:
        self.count += 1
        if self.show and self.count % 50 == 0:
            sys.stderr.write(f"\rnewslint: {self.count}/{self.total} files")
            sys.stderr.flush()

    def done(self) -> None:
        if self.show:
            sys.stderr.write("\r" + " " * 40 + "\r")


def fix_file(linter: Linter, path: str, args: argparse.Namespace) -> Iterator[Report]:
    """Apply fixes to one file (or show them with --diff); report what is left afterwards.

    Only files whose findings index the file itself are touched (not HTML or CMS records), and
    only when the file was read and parsed completely."""
    parser = linter.parser_for(path)
    items = list(linter.read(path))
    if path == "-" or parser is None or not parser.fixable or len(items) != 1 \
            or isinstance(items[0], InputProblem):
        if parser is not None and not parser.fixable and path != "-":
            warn(f"{path}: not fixed: findings index extracted text, not the file")
        for item in items:
            yield Report(path=item.path, error=item.message) if isinstance(item, InputProblem) \
                else linter.lint_article(item)
        return
    article = items[0]
    original = article.text
    reports: dict[str, Report] = {}

    def findings_of(text: str) -> list:
        # Every field of the article is kept (byline, date, fields...), and each pass's report
        # is kept so the text left at the end is not linted a second time.
        reports[text] = linter.lint_article(article.with_text(text))
        return reports[text].findings

    fixed, applied = fix_text(findings_of, original, unsafe=args.unsafe_fixes)
    if applied and fixed != original:
        if args.diff:
            diff = difflib.unified_diff(original.splitlines(keepends=True), fixed.splitlines(keepends=True),
                                        fromfile=path, tofile=path)
            sys.stdout.writelines(diff)
        else:
            write_atomically(path, fixed)
            sys.stderr.write(f"{path}: fixed {applied} finding{'s' if applied != 1 else ''}\n")
    final = fixed if not args.diff else original
    yield reports.get(final) or linter.lint_article(article.with_text(final))


def run_lint(args: argparse.Namespace, out: TextIO) -> int:
    if not args.paths:
        error("no paths given (try 'newslint seeds/' or 'newslint --help')")
        return 2
    if args.unsafe_fixes and not (args.fix or args.diff):
        error("--unsafe-fixes goes with --fix or --diff")
        return 2
    if args.engine != "default":
        problem = engine_problem(args)
        if problem:
            error(problem)
            return 2
    pool = LinterPool(args)
    linter = pool.linter_for(args.paths[0])
    if args.engine != "default":
        configs = {pool.config_for(i).source for i in linter.inputs(args.paths) if isinstance(i, str)}
        if len(configs) > 1:
            error(f"--engine {args.engine} lints every input with one configuration, and these inputs "
                  "have several config files: pass --config or --isolated")
            return 2
    formatters = linter.formatters()
    if args.format not in formatters:
        error(f"unknown format {args.format!r} (choose from {', '.join(sorted(formatters))})")
        return 2
    formatter = formatters[args.format](out, {"color": args.color, "checks": linter.all_checks})
    summary = Summary()
    formatter.begin()
    for report in iter_reports(pool, args.paths):
        if report.error:
            sys.stderr.write(f"{report.path}: {report.error}\n")
        formatter.article(report)
        path = report.path.split("#", 1)[0]
        config = pool.config_for(path) if os.path.exists(path) else linter.config
        summary.add(report, config.fail_on, config.fail_under)
    if not (args.quiet and args.format == "text"):
        formatter.end(summary)
    return summary.exit_code


def engine_problem(args: argparse.Namespace) -> str | None:
    """Why ``--engine`` cannot run with these arguments (a missing extra, --fix), or None."""
    if args.fix or args.diff:
        return "--fix and --diff run on the default engine only"
    try:
        require(args.engine)
    except MissingExtra as exc:
        return str(exc)
    return None


def run_rules(argv: list[str], out: TextIO) -> int:
    from .docs import render_rule_page, render_rules_table

    linter = Linter(load_entry_points="--no-plugins" not in argv)
    if argv and argv[0] == "rule":
        codes = [a for a in argv[1:] if not a.startswith("-")]
        if not codes:
            error("usage: newslint rule CODE")
            return 2
        for code in codes:
            matches = [c for c in linter.all_checks
                       if code in (c.code, c.name, c.qualified_name)]
            if not matches:
                error(f"no check {code!r} (see 'newslint rules')")
                return 2
            out.write(render_rule_page(matches[0], linter))
        return 0
    as_json = "json" in argv
    out.write(render_rules_table(linter, as_json=as_json, with_plugins=argv[:1] == ["plugins"]))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    out: TextIO = sys.stdout
    try:
        if argv and argv[0] in COMMANDS:
            return run_rules(argv, out)
        args = build_parser().parse_args(argv)
        if args.output:
            with open(args.output, "w", encoding="utf-8") as fh:
                return run_lint(args, fh)
        return run_lint(args, out)
    except ConfigError as exc:
        error(str(exc))
        return 2
    except OSError as exc:
        error(f"{getattr(exc, 'filename', '') or ''} {exc.strerror or exc}".strip())
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 1


def entry() -> None:
    """Console-script entry point."""
    sys.exit(main())
