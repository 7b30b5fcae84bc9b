"""The ``newslint`` command line.

    newslint [OPTIONS] PATH...        lint files and folders (options and paths in any order)
    newslint rules [--format json]    list every registered check (config and plugins honoured)
    newslint rule CODE...             one check's documentation and examples
    newslint plugins                  loaded plugins and what they registered
    newslint learn-furniture PATH...  save the furniture lines recurring per source as site profiles
    newslint server start|stop|status a warm server the command uses (newslint.client, .server)

Exit status: 0 clean, 1 a finding at or above ``--fail-on`` (or, with ``--diff``, something to
fix), 2 a usage, config or input error. User errors are one line on standard error, never a
traceback; every argument is checked before any output file is created. When the reader of
standard output goes away (``newslint . | head``) the run stops quietly with the status of what
was linted so far.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, NoReturn, TextIO

from . import __version__
from .config import (
    FAIL_ON,
    MAX_JOBS,
    REMOTE_OPTIONS,
    REMOTE_SETTINGS,
    Config,
    ConfigError,
    find_config_file,
    load_config_file,
)
from .didyoumean import did_you_mean
from .engines import ENGINES, MissingExtra, engine_reports, require
from .fixes import fix_text, write_atomically
from .inputs import InputProblem
from .linter import Linter
from .process import fast_exit, resume_gc
from .report import Report, Summary
from .runner import needs_warm_up, warm_up
from .termsafe import TerminalSafeStream, terminal_safe

COMMANDS = ("rules", "rule", "plugins")


def _csv(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def _jobs(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {value!r}") from None
    if not 1 <= n <= MAX_JOBS:
        raise argparse.ArgumentTypeError(f"expected 1 to {MAX_JOBS} worker processes, got {n}")
    return n


def _score(value: str) -> float:
    try:
        n = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number, got {value!r}") from None
    if not 0 <= n <= 100:
        raise argparse.ArgumentTypeError(f"a quality score is from 0 to 100, got {value}")
    return n


#: The width, per process and ``$COLUMNS`` (a server's forked worker has its own terminal).
_width: dict[tuple[int, str | None], int] = {}


class HelpFormatter(argparse.HelpFormatter):
    """argparse's formatter with the terminal's width read once per process, without ``shutil``.

    Why: ``add_argument`` builds a formatter to validate each option, and each one imported
    ``shutil`` (with ``bz2``, ``lzma``, ``fnmatch``...) and asked the terminal for its size:
    ~40 times per run for a width that only ``--help`` and usage errors print."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24,
                 width: int | None = None) -> None:
        if width is None:
            key = (os.getpid(), os.environ.get("COLUMNS"))
            if key not in _width:
                _width[key] = _terminal_columns() - 2
            width = _width[key]
        super().__init__(prog, indent_increment, max_help_position, width)


def _terminal_columns() -> int:
    """``shutil.get_terminal_size().columns``: ``$COLUMNS``, else standard output's terminal, else 80."""
    try:
        columns = int(os.environ.get("COLUMNS", "0"))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


class Parser(argparse.ArgumentParser):
    """argparse with ``newslint: error: ...`` on one line and exit status 2, and
    :class:`HelpFormatter`."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        error(message + " (see 'newslint --help')")
        raise SystemExit(2)


def build_parser() -> argparse.ArgumentParser:
    p = Parser(
        prog="newslint",
        description="Lint news articles for quality defects.",
        epilog="Commands: 'newslint rules' lists checks; 'newslint rule CODE' documents one; "
               "'newslint plugins' lists plugins.",
    )
    p.add_argument("paths", nargs="*", metavar="PATH", help="files and folders to lint ('-' for stdin)")
    p.add_argument("--format", "--output-format", "-f", dest="format", default="text",
                   help="text, json, jsonl, sarif, github (and plugin formats)")
    p.add_argument("--select", type=_csv, help="only these codes/prefixes/names/categories")
    p.add_argument("--extend-select", type=_csv, help="add to the selection")
    p.add_argument("--ignore", type=_csv, help="skip these codes/prefixes/names/categories")
    p.add_argument("--exclude", type=_csv, metavar="GLOBS",
                   help="file patterns not to lint (replaces the config's exclude)")
    p.add_argument("--extend-exclude", type=_csv, metavar="GLOBS",
                   help="file patterns not to lint, added to the config's exclude")
    p.add_argument("--fail-on", choices=FAIL_ON, help="lowest severity that fails (default warning)")
    p.add_argument("--exit-zero", action="store_true",
                   help="exit 0 even when findings fail (usage and input errors still exit 2)")
    p.add_argument("--config", help="config file (default: nearest newslint.toml/pyproject.toml)")
    p.add_argument("--isolated", action="store_true", help="ignore every config file")
    p.add_argument("--no-plugins", action="store_true",
                   help="do not load plugins (entry points, and a config's local plugins)")
    p.add_argument("--allow-local-plugins", action="store_true", default=_env_allows_local_plugins(),
                   help="load the local plugins named by a config found by search (this runs code "
                        "from the linted tree; also NEWSLINT_ALLOW_LOCAL_PLUGINS=1); a --config "
                        "file's plugins always load")
    p.add_argument("--color", dest="color", action="store_true", default=None, help="force colour")
    p.add_argument("--no-color", dest="color", action="store_false", help="no colour")
    p.add_argument("--show-source", action="store_true",
                   help="text: show each finding's line with the words underlined")
    p.add_argument("--show-fixes", action="store_true", help="text: show each finding's fix")
    p.add_argument("--statistics", action="store_true",
                   help="text: counts per code instead of the findings")
    p.add_argument("--output", "-o", help="write the report to this file instead of stdout")
    p.add_argument("--stdin-filename", help="file name for standard input ('-'): format and config")
    p.add_argument("--field", action="append", default=[], metavar="NAME=SOURCE",
                   help="read article field NAME from record field SOURCE (e.g. body=content)")
    p.add_argument("--jobs", "-j", type=_jobs, help="worker processes (default: all cores for 32+ files)")
    p.add_argument("--engine", choices=ENGINES, default="default",
                   help="run on Dask or Spark (a local cluster of --jobs workers unless --master or "
                        "DASK_SCHEDULER_ADDRESS names one); same output as the default engine")
    p.add_argument("--master", metavar="URL", help="with --engine: the Spark master or Dask scheduler")
    p.add_argument("--check-timeout", type=float, metavar="SECONDS",
                   help="time limit per check per article (default 30; 0: none)")
    p.add_argument("--fail-under", type=_score, metavar="SCORE",
                   help="exit 1 when an article's quality score (0-100) is below SCORE")
    p.add_argument("--fix", action="store_true", help="apply safe fixes in place (atomic writes)")
    p.add_argument("--unsafe-fixes", action="store_true", help="with --fix or --diff: unsafe fixes too")
    p.add_argument("--diff", action="store_true",
                   help="print the fixes as a patch git accepts, nothing else; write nothing; "
                        "exit 1 when there is something to fix")
    p.add_argument("--quiet", "-q", action="store_true", help="no summary line, no progress")
    p.add_argument("--no-server", action="store_true",
                   help="run in this process even when 'newslint server start' runs one")
    p.add_argument("--version", action="version", version=f"newslint {__version__}")
    return p


def _env_allows_local_plugins() -> bool:
    return os.environ.get("NEWSLINT_ALLOW_LOCAL_PLUGINS", "") not in ("", "0")


def _contains(folder: str, path: str) -> bool:
    folder, path = os.path.realpath(folder), os.path.realpath(path)
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def error(message: str) -> None:
    sys.stderr.write(terminal_safe(f"newslint: error: {message}") + "\n")


def warn(message: str) -> None:
    sys.stderr.write(terminal_safe(f"newslint: warning: {message}") + "\n")


def trusted(config: Config, args: argparse.Namespace, *, searched: bool) -> Config:
    """``config`` without what it may not do from where it was found.

    A config found by searching upward from a linted file belongs to the linted tree, which may
    be anyone's (a downloaded archive, a pull request): its ``plugins`` are code, run only with
    ``--allow-local-plugins``; and, unless it is the config of the folder you stand in (or one
    above it), it may not choose the server articles are sent to. ``--no-plugins`` drops every
    local plugin, found or given (reliability audit S14, D10).
    """
    if config.plugins and getattr(args, "no_plugins", False):
        config = config.merged(plugins=())
    elif config.plugins and searched and not getattr(args, "allow_local_plugins", False):
        raise ConfigError(
            f"{config.source}: plugins: local plugins named by a config found by search are code "
            f"from the linted tree and are not loaded without --allow-local-plugins (or "
            f"NEWSLINT_ALLOW_LOCAL_PLUGINS=1); or pass the file with --config, or use --no-plugins")
    if searched and config.root and not _contains(config.root, os.getcwd()):
        remote = [k for k in REMOTE_SETTINGS if k in config.settings]
        options = {name: {k: v for k, v in opts.items() if k not in REMOTE_OPTIONS}
                   for name, opts in config.check_options.items()}
        if remote or options != config.check_options:
            warn(f"{config.source}: ignoring {', '.join(remote) or 'url options'}: a config outside the "
                 f"current folder may not choose where article text is sent (use --config)")
            config = config.merged(settings={k: v for k, v in config.settings.items()
                                             if k not in REMOTE_SETTINGS},
                                   check_options=options)
    return config


def config_folder(path: str) -> str:
    """The folder whose config applies to ``path``: the folder itself for a folder (so
    ``newslint .`` reads ``./pyproject.toml``), the file's folder for a file, the current
    folder for standard input."""
    if path == "-":
        return os.getcwd()
    full = os.path.abspath(path)
    return full if os.path.isdir(full) else os.path.dirname(full)


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
        self.fix_failures: list[str] = []
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
        exclude = tuple(a.exclude) if a.exclude is not None else None
        if a.extend_exclude:
            exclude = (*(exclude if exclude is not None else config.exclude), *a.extend_exclude)
        return config.merged(select=tuple(a.select) if a.select else None,
                             extend_select=tuple(a.extend_select) if a.extend_select else None,
                             ignore=tuple(a.ignore) if a.ignore else None,
                             fail_on=a.fail_on, fail_under=a.fail_under, field_map=fields,
                             jobs=a.jobs, exclude=exclude, check_timeout=a.check_timeout)

    def config_for(self, path: str) -> Config:
        if self.explicit is not None or self.args.isolated:
            if None not in self._config_by_file:
                base = trusted(self.explicit, self.args, searched=False) if self.explicit else Config()
                self._config_by_file[None] = self._overrides(base)
            return self._config_by_file[None]
        folder = config_folder(path)
        if folder not in self._config_by_dir:
            self._config_by_dir[folder] = find_config_file(Path(folder))
        found = self._config_by_dir[folder]
        if found not in self._config_by_file:
            base = trusted(load_config_file(found), self.args, searched=True) if found else Config()
            self._config_by_file[found] = self._overrides(base)
        return self._config_by_file[found]

    def linter_for(self, path: str) -> Linter:
        config = self.config_for(path)
        key = config.source
        if key not in self._by_source:
            linter = Linter(config, load_entry_points=not self.args.no_plugins, warm_up=False)
            for message in linter.warnings:
                warn(message)
            self._by_source[key] = linter
        return self._by_source[key]


class Progress:
    """A one-line count of files done on standard error: only on a terminal, only once a run
    has taken more than a second, and for every way of running (sequential, parallel, fixes)."""

    DELAY = 1.0
    EVERY = 0.25

    def __init__(self, total: int, enabled: bool = True) -> None:
        self.total = total
        self.count = 0
        self.enabled = enabled and total > 1 and sys.stderr.isatty()
        self.started = time.monotonic()
        self.last = 0.0
        self.shown = False
        self._current: str | None = None

    def report(self, report: Report) -> None:
        """Count a report; records of one file count as one file."""
        key = report.file or report.path
        if key != self._current:
            self._current = key
            self.count += 1
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self.started >= self.DELAY and now - self.last >= self.EVERY:
            self.last = now
            self.shown = True
            sys.stderr.write(f"\rnewslint: {min(self.count, self.total)}/{self.total} files")
            sys.stderr.flush()

    def done(self) -> None:
        if self.shown:
            sys.stderr.write("\r" + " " * 40 + "\r")
            sys.stderr.flush()


def iter_reports(pool: LinterPool, paths: Sequence[str], items: list[str | InputProblem],
                 diffs: list[str]) -> Iterator[Report]:
    """Reports in input order; unreadable inputs give a report with ``error`` set.

    Serial and parallel runs take each file's linter from the same ``pool.linter_for``, so a
    file gets the same configuration whatever the number of jobs (reliability audit D1)."""
    args = pool.args
    first = pool.linter_for(paths[0] if paths else ".")
    if args.engine != "default":
        resume_gc()
        jobs = first.config.jobs or os.cpu_count() or 1
        yield from engine_reports(args.engine, first, items, jobs=jobs, stdin_name=args.stdin_filename,
                                  master=args.master)
        return
    files = [i for i in items if isinstance(i, str) and i != "-"]
    from .parallel import (  # here: multiprocessing only for parallel runs
        bounded_jobs,
        default_jobs,
        parallel_reports,
        stdin_streams_records,
        work_units,
    )

    units = work_units(first, items)
    jobs = first.config.jobs or default_jobs(units)
    # Records streamed on standard input have no known length: an explicit --jobs is taken as is.
    streamed = "-" in items and stdin_streams_records(pool.linter_for(args.stdin_filename or "."),
                                                     args.stdin_filename or "-")
    jobs = bounded_jobs(jobs, max(units, jobs if streamed else 1))
    if jobs > 1 and not (args.fix or args.diff):
        for f in files:  # build (and so validate) every file's linter before forking
            pool.linter_for(f)
        if "-" in items:
            pool.linter_for(args.stdin_filename or ".")
        resume_gc()  # parallel_reports collects and freezes before it forks its workers
        yield from parallel_reports(first, items, jobs, linter_for=pool.linter_for,
                                    stdin_name=args.stdin_filename)
        return
    import gc

    if files and needs_warm_up(first.config.check_timeout):
        warm_up(first.checks, first.config.settings)
    # The objects built so far (linter, checks, patterns, word tables) live for the whole run:
    # frozen, the collector stops rescanning them at every full collection (4-8% of a serial
    # run's CPU, measured in docs/benchmarks.md); a parallel run's workers get this from the
    # freeze before their fork. Unfrozen at the end, for a host process that called main().
    # The console script paused the collector for the start-up (console.pause_gc): then the
    # little garbage made so far is frozen with the rest rather than collected (a full
    # collection over every object of the start-up costs more than the rest of a small run).
    if gc.isenabled():
        gc.collect()
    gc.freeze()
    resume_gc()
    try:
        for item in items:
            if isinstance(item, InputProblem):
                yield Report.from_problem(item)
                continue
            linter = pool.linter_for(item if item != "-" else (args.stdin_filename or "."))
            if args.fix or args.diff:
                yield from fix_file(linter, item, args, diffs, pool.fix_failures)
            else:
                yield from linter.lint_file(item, stdin_name=args.stdin_filename)
    finally:
        gc.unfreeze()


def unified_diff(path: str, original: str, fixed: str) -> str:
    """A unified diff of one file that ``git apply`` and ``patch -p1`` accept: ``a/`` and ``b/``
    prefixes and the ``\\ No newline at end of file`` marker where a side lacks the final
    newline."""
    name = Path(path).as_posix()
    if name.startswith("./"):
        name = name[2:]
    import difflib  # only --diff needs it

    old_lines = original.splitlines(keepends=True)
    new_lines = fixed.splitlines(keepends=True)
    out: list[str] = []
    for line in difflib.unified_diff(old_lines, new_lines, fromfile=f"a/{name}", tofile=f"b/{name}"):
        out.append(line)
        if not line.endswith("\n"):
            out.append("\n\\ No newline at end of file\n")
    return "".join(out)


def fix_file(linter: Linter, path: str, args: argparse.Namespace, diffs: list[str],
             fix_failures: list[str] | None = None) -> Iterator[Report]:
    """Apply fixes to one file (or collect them as a diff with --diff); report what is left.

    Only files whose findings index the file itself are touched (not HTML or CMS records), and
    only when the file was read and parsed completely."""
    parser = linter.parser_for(path)
    items = list(linter.read(path))
    if path == "-" or parser is None or not parser.fixable or len(items) != 1 \
            or isinstance(items[0], InputProblem):
        if parser is not None and not parser.fixable and path != "-" and not args.diff:
            warn(f"{path}: not fixed: findings index extracted text, not the file")
        for item in items:
            yield Report.from_problem(item) if isinstance(item, InputProblem) \
                else linter.lint_article(item, release=True)
        return
    article = items[0]
    original = article.text
    reports: dict[str, Report] = {}

    def findings_of(text: str) -> list:
        # Every field of the article is kept (byline, date, fields...), and each pass's report
        # is kept so the text left at the end is not linted a second time.
        reports[text] = linter.lint_article(article.with_text(text), release=True)
        return reports[text].findings

    fixed, applied = fix_text(findings_of, original, unsafe=args.unsafe_fixes)
    if applied and fixed != original:
        if args.diff:
            diffs.append(unified_diff(path, original, fixed))
        else:
            try:
                write_atomically(path, fixed)
                sys.stderr.write(f"{path}: fixed {applied} finding{'s' if applied != 1 else ''}\n")
            except OSError as exc:
                # One file that cannot be written (read-only, full disk, hard links) is reported,
                # and the run goes on: the other files are fixed, the report is complete (S11).
                error(f"{path}: not fixed: {exc.strerror or exc}")
                if fix_failures is not None:
                    fix_failures.append(path)
                fixed = original
    final = fixed if not args.diff else original
    yield reports.get(final) or linter.lint_article(article.with_text(final), release=True)


class LazyOutput:
    """The ``--output`` file, created on first write: nothing is created when the run stops
    on an error before producing a report."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._fh: TextIO | None = None

    def _open(self) -> TextIO:
        if self._fh is None:
            # errors="replace": a name decoded with surrogate escapes never stops the report (S9).
            self._fh = open(self.path, "w", encoding="utf-8", errors="replace")
        return self._fh

    def write(self, text: str) -> int:
        return self._open().write(text)

    def writelines(self, lines: Any) -> None:
        self._open().writelines(lines)

    def flush(self) -> None:
        if self._fh is not None:
            self._fh.flush()

    def isatty(self) -> bool:
        return False

    def touch(self) -> None:
        """Create the file even when the report was empty (``-q`` on clean input)."""
        self._open()

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()


def validate_args(args: argparse.Namespace) -> None:
    """Usage errors that argparse cannot see, raised before anything is read or written."""
    if not args.paths:
        raise ConfigError("no paths given (try 'newslint seeds/' or 'newslint --help')")
    if args.unsafe_fixes and not (args.fix or args.diff):
        raise ConfigError("--unsafe-fixes goes with --fix or --diff")
    if args.fix and args.diff:
        raise ConfigError("--fix and --diff do not go together: --diff shows what --fix would do")
    if args.paths.count("-") > 1:
        raise ConfigError("standard input ('-') can be read only once")
    text_only = [opt for opt, on in (("--show-source", args.show_source), ("--show-fixes", args.show_fixes),
                                     ("--statistics", args.statistics)) if on]
    if text_only and args.format != "text":
        raise ConfigError(f"{text_only[0]} goes with --format text")
    if args.output and args.diff:
        raise ConfigError("--diff prints the patch on standard output; redirect it instead of -o")
    if args.engine != "default":
        problem = engine_problem(args)
        if problem:
            raise ConfigError(problem)


def run_lint(args: argparse.Namespace) -> int:
    validate_args(args)
    from .services import languagetool

    quiet_before = languagetool.QUIET
    languagetool.QUIET = quiet_before or args.quiet
    try:
        return _run_lint(args)
    finally:
        languagetool.QUIET = quiet_before


def _run_lint(args: argparse.Namespace) -> int:
    pool = LinterPool(args)
    linter = pool.linter_for(args.paths[0])
    formatters = linter.formatters()
    if args.format not in formatters:
        raise ConfigError(f"unknown format {args.format!r}{did_you_mean(args.format, formatters)} "
                          f"(choose from {', '.join(sorted(formatters))})")
    items = []
    for item in linter.inputs(args.paths):
        if isinstance(item, InputProblem) and item.severity == "warning":
            warn(str(item))  # deliberately not read (a symlink out of the tree): said, not failed
        else:
            items.append(item)
    if not args.output and hasattr(sys.stdout, "reconfigure"):
        # Text that cannot be encoded (a non-UTF-8 file name decoded with surrogate escapes, a
        # strict or ASCII locale) is replaced, never a UnicodeEncodeError half-way through (S9).
        sys.stdout.reconfigure(errors="replace")
    if args.engine != "default" and len({pool.config_for(i).source for i in items if isinstance(i, str)}) > 1:
        raise ConfigError(f"--engine {args.engine} lints every input with one configuration, and these "
                          "inputs have several config files: pass --config or --isolated")
    out: TextIO | LazyOutput = LazyOutput(args.output) if args.output else sys.stdout
    try:
        return _lint(args, pool, linter, formatters[args.format], items, out)
    finally:
        if isinstance(out, LazyOutput):
            out.close()


def _lint(args: argparse.Namespace, pool: LinterPool, linter: Linter, factory: Any,
          items: list[str | InputProblem], out: TextIO | LazyOutput) -> int:
    diffs: list[str] = []
    summary = Summary()
    options = {"color": args.color, "checks": linter.all_checks, "show_source": args.show_source,
               "show_fixes": args.show_fixes, "statistics": args.statistics,
               "summary": not args.quiet}
    # --diff prints the patch and nothing else, so that `newslint --diff . | git apply` works.
    # Article text and file names must not drive the terminal (reliability audit D12).
    stream = TerminalSafeStream(out) if args.format == "text" else out  # type: ignore[arg-type]
    formatter = factory(stream, options) if not args.diff else None
    progress = Progress(len(items), enabled=not args.quiet)
    try:
        if formatter is not None:
            formatter.begin()
        for report in iter_reports(pool, args.paths, items, diffs):
            progress.report(report)
            source = report.file or report.path
            config = pool.config_for(source) if os.path.exists(source) else linter.config
            summary.add(report, config.fail_on, config.fail_under)
            if report.error:
                sys.stderr.write(terminal_safe(f"{report.path}: {report.error}") + "\n")
            if formatter is not None:
                formatter.article(report)
        progress.done()
        if formatter is not None:
            formatter.end(summary)
        if isinstance(out, LazyOutput):
            out.touch()
        for diff in diffs:
            sys.stdout.write(diff)
        sys.stdout.flush()
    except BrokenPipeError:
        quiet_closed_stdout()
        return exit_status(args, summary, diffs, pool.fix_failures)
    return exit_status(args, summary, diffs, pool.fix_failures)


def exit_status(args: argparse.Namespace, summary: Summary, diffs: list[str],
                fix_failures: list[str] | None = None) -> int:
    if summary.unreadable or fix_failures:
        return 2
    if args.diff:
        return 1 if diffs else 0
    if args.exit_zero:
        return 0
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


def quiet_closed_stdout() -> None:
    """Point standard output at /dev/null so the interpreter's final flush does not fail
    again on the closed pipe (Python's documented recipe for SIGPIPE)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def run_rules(argv: list[str], out: TextIO) -> int:
    """``rules``, ``rule CODE...`` and ``plugins``, with the same config discovery as a lint run
    (nearest config from the current folder, ``--config``, ``--isolated``), so house rules and
    local plugins are listed."""
    from .docs import render_rule_page, render_rules_table

    command = argv[0]
    p = Parser(prog=f"newslint {command}")
    if command == "rule":
        p.add_argument("codes", nargs="+", metavar="CODE")
    p.add_argument("--format", "-f", choices=("text", "json"), default="text")
    p.add_argument("--config")
    p.add_argument("--isolated", action="store_true")
    p.add_argument("--no-plugins", action="store_true")
    p.add_argument("--allow-local-plugins", action="store_true", default=_env_allows_local_plugins())
    args = p.parse_intermixed_args(argv[1:])
    if args.config:
        config = trusted(load_config_file(Path(args.config)), args, searched=False)
    elif args.isolated:
        config = Config()
    else:
        found = find_config_file(Path.cwd())
        config = trusted(load_config_file(found), args, searched=True) if found else Config()
    linter = Linter(config, load_entry_points=not args.no_plugins, warm_up=False)
    for message in linter.warnings:
        warn(message)
    if command == "rule":
        for code in args.codes:
            matches = [c for c in linter.all_checks if code in (c.code, c.name, c.qualified_name)]
            if not matches:
                names = {n for c in linter.all_checks for n in (c.code, c.name, c.qualified_name)}
                raise ConfigError(f"no check {code!r}{did_you_mean(code, names)} (see 'newslint rules')")
            out.write(render_rule_page(matches[0], linter))
        return 0
    out.write(render_rules_table(linter, as_json=args.format == "json", with_plugins=command == "plugins"))
    return 0


class Terminated(BaseException):
    """SIGTERM, raised in the main thread so that ``finally`` blocks run (a ``--fix`` in progress
    removes its temporary file). Not an ``Exception`` nor a ``SystemExit``: no check's error
    handling may swallow it."""


def _on_sigterm(signum: int, frame: Any) -> None:
    raise Terminated()


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    import signal
    import threading

    if threading.current_thread() is threading.main_thread():
        previous = signal.signal(signal.SIGTERM, _on_sigterm)
    else:
        previous = None
    try:
        return _main(argv)
    except Terminated:
        return 143
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def _main(argv: list[str]) -> int:
    try:
        if argv and argv[0] in (*COMMANDS, "learn-furniture"):
            resume_gc()
        if argv and argv[0] in COMMANDS:
            return run_rules(argv, sys.stdout)
        if argv and argv[0] == "learn-furniture":
            from .learn import learn_command

            return learn_command(argv[1:], sys.stdout)
        args = build_parser().parse_intermixed_args(argv)
        return run_lint(args)
    except ConfigError as exc:
        error(str(exc))
        return 2
    except BrokenPipeError:
        quiet_closed_stdout()
        return 1
    except OSError as exc:
        error(f"{getattr(exc, 'filename', '') or ''} {exc.strerror or exc}".strip())
        return 2
    except KeyboardInterrupt:
        return 130


def entry() -> None:
    """Console-script entry point."""
    status = main()
    # The patterns this command compiled, for the next run (written only when some are new).
    # Here and not in main(): a host process calling main() (tests, tools) has its own patterns.
    from . import code_cache, regex_cache

    regex_cache.save()
    code_cache.save()
    fast_exit(status)
