#!/usr/bin/env python3
"""Speed benchmark: what users meet (whole processes) and what a pipeline meets (in-process),
newslint beside proselint on the same input.

    python benchmarks/bench.py                      # everything below, Markdown on stdout
    python benchmarks/bench.py --runs 5 --only one,corpus
    python benchmarks/bench.py --only stream --stream-records 1000000 --json /tmp/bench.json

Sections (``--only`` picks some):

- ``one``: one article (the clean article closest to 848 words, or ``--file``), whole process:
  ``proselint check FILE``, ``newslint FILE`` (default settings, entry-point plugins loaded) and
  ``newslint --isolated --no-plugins FILE``, in alternating runs (the order rotates each round);
  median wall and CPU seconds with their range, and peak RSS, per command; and ``newslint FILE``
  again with ``newslint server start`` running (the plain rows set ``NEWSLINT_NO_SERVER=1``).
- ``corpus``: the 142 clean articles, whole process: ``proselint check DIR`` and ``newslint DIR``
  (default settings: the job count is chosen by newslint), alternating.
- ``inproc``: in-process throughput, each tool in a fresh process: load (timed apart), then the
  first pass over the 142 texts (cold: every text and word is new to the process), then a second
  pass (warm), the same passes for both tools.
- ``jobs``: ``--jobs 1`` against ``--jobs 2`` on a folder (the clean corpus copied 4 times), on a
  folder of distinct articles (the dev-clean corpus, 1,499 articles) and on one JSON Lines file
  of the clean articles (8 copies), alternating.
- ``stream``: resident memory of ``newslint --format jsonl -`` sampled while it works through N
  synthetic records on standard input (``--stream-records``), each record bringing words no
  earlier record had (flat memory means bounded caches and a running summary).

CPU and peak memory are read from ``os.wait4`` (the process and the workers it waited for).
Both tools run from this checkout's virtual environment, where newslint is installed in editable
mode: ``site`` then loads setuptools' editable finder (``pathlib``, ``urllib.parse``...) at every
interpreter start, for proselint's runs as for newslint's, which an installed wheel does not;
the one-file rows are what a user of this environment meets, and the start of the interpreter
itself (``python -c pass``, ~90M instructions here) is in both tools' figures.
Before timing, newslint's modules are byte-compiled (as an installed wheel is; proselint's are
compiled by pip) and the word data is built once (first use builds it; a run never rebuilds it).
proselint is the optional ``bench`` extra (``pip install -e '.[bench]'``); without it the
proselint rows are left out. Not part of the test suite: speed is measured and reported here,
never asserted in tests.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import statistics
import string
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CLEAN = ROOT.parent / "shared" / "corpus" / "clean"
WORD = re.compile(r"\w+")
BIN = Path(sys.executable).parent


def load_corpus() -> list[Path]:
    return sorted(CLEAN.glob("*.txt"))


def n_words(text: str) -> int:
    return len(WORD.findall(text))


def tool(name: str) -> list[str] | None:
    """The installed console script (what users run), else ``python -m``."""
    script = BIN / name
    if script.exists():
        return [str(script)]
    found = shutil.which(name)
    return [found] if found else None


def run_once(cmd: list[str], stdin: bytes | None = None, cwd: str | None = None,
             env: dict[str, str] | None = None) -> dict[str, float]:
    """Wall seconds, CPU seconds (user + system, waited-for workers included) and peak RSS (MB)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=cwd, env=env)
    if stdin is not None:
        assert proc.stdin is not None
        proc.stdin.write(stdin)
        proc.stdin.close()
    _, _, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    proc.returncode = 0
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "rss_mb": usage.ru_maxrss / 1024}


def _cpu_seconds(pid: int) -> float | None:
    """User + system CPU seconds of one process so far (``/proc/PID/stat``), None when gone."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def run_accounted(cmd: list[str], cwd: str | None = None, every: float = 0.02) -> dict[str, Any]:
    """One run with the CPU of each process of the tree, read from ``/proc`` every ``every``
    seconds: the parent's CPU before its first worker started (serial start-up) and after, and
    each worker's CPU. Wall time on a loaded machine says how busy the machine was; these say
    what the tool did, so the run's wall time on idle cores can be estimated (``idle_wall``):
    start-up, then the larger of the busiest worker's CPU and the whole tree's CPU after start-up
    shared by ``os.cpu_count()`` cores (the parent competes with the workers for them)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, cwd=cwd)
    workers: dict[int, float] = {}
    parent = 0.0
    before_fork: float | None = None
    while proc.poll() is None:
        cpu = _cpu_seconds(proc.pid)
        if cpu is None:
            break
        parent = cpu
        kids = _children(proc.pid)
        if kids and before_fork is None:
            before_fork = parent
        for k in kids:
            c = _cpu_seconds(k)
            if c is not None:
                workers[k] = c
        time.sleep(every)
    _, _, usage = os.wait4(proc.pid, 0) if proc.returncode is None else (0, 0, None)
    wall = time.perf_counter() - t0
    total = usage.ru_utime + usage.ru_stime if usage is not None else parent + sum(workers.values())
    start = before_fork if before_fork is not None else total
    after = max(0.0, total - start)
    busiest = max(workers.values(), default=after)
    idle_wall = start + max(busiest, after / (os.cpu_count() or 1) if workers else after)
    return {"wall": wall, "cpu": total, "start_cpu": start, "parent_cpu": parent,
            "workers_cpu": sorted(workers.values(), reverse=True), "idle_wall": idle_wall}


def _tree_cpu(pid: int) -> float:
    """CPU seconds of a process and of the children it reaped (``/proc/PID/stat``: utime, stime,
    cutime, cstime)."""
    with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
        fields = fh.read().rsplit(")", 1)[1].split()
    return sum(int(f) for f in fields[11:15]) / os.sysconf("SC_CLK_TCK")


def run_served(cmd: list[str], server: int, cwd: str | None = None,
               env: dict[str, str] | None = None) -> dict[str, float]:
    """:func:`run_once` of a command run through the server ``server`` (a pid): the CPU is the
    client's plus the server's (accepting, forking) and its worker's, read once the server has
    reaped the worker (it does within a second); peak RSS is the client's."""
    before = _tree_cpu(server)
    row = run_once(cmd, cwd=cwd, env=env)
    deadline = time.monotonic() + 5
    while _children(server) and time.monotonic() < deadline:  # a worker not yet reaped
        time.sleep(0.02)
    row["client_cpu"] = row["cpu"]
    row["cpu"] += _tree_cpu(server) - before
    return row


def alternate(commands: dict[str, list[str]], runs: int, cwd: str | None = None,
              envs: dict[str, dict[str, str]] | None = None,
              servers: dict[str, int] | None = None) -> dict[str, dict[str, Any]]:
    """Run the commands in turn, ``runs`` rounds, rotating which goes first; one warm-up round
    (not counted) fills the OS file cache for every command. ``envs``: a command's environment;
    ``servers``: the pid of the server a command runs through (:func:`run_served`)."""
    envs, servers = envs or {}, servers or {}
    names = list(commands)
    samples: dict[str, list[dict[str, float]]] = {n: [] for n in names}

    def run(n: str) -> dict[str, float]:
        if n in servers:
            return run_served(commands[n], servers[n], cwd=cwd, env=envs.get(n))
        return run_once(commands[n], cwd=cwd, env=envs.get(n))

    for n in names:
        run(n)
    for r in range(runs):
        order = names[r % len(names):] + names[:r % len(names)]
        for n in order:
            samples[n].append(run(n))
    out = {}
    for n, rows in samples.items():
        out[n] = {k: {"median": statistics.median(x[k] for x in rows), "min": min(x[k] for x in rows),
                      "max": max(x[k] for x in rows)} for k in ("wall", "cpu", "rss_mb", "client_cpu")
                  if k in rows[0]}
        out[n]["runs"] = len(rows)
        out[n]["command"] = " ".join(Path(commands[n][0]).name if i == 0 else a
                                     for i, a in enumerate(commands[n]))
    return out


def table(results: dict[str, dict[str, Any]]) -> str:
    lines = ["| command | wall s, median (min-max) | CPU s, median (min-max) | peak RSS MB |",
             "| --- | --- | --- | --- |"]
    for r in results.values():
        w, c, m = r["wall"], r["cpu"], r["rss_mb"]
        lines.append(f"| `{r['command']}` | {w['median']:.3f} ({w['min']:.3f}-{w['max']:.3f}) | "
                     f"{c['median']:.3f} ({c['min']:.3f}-{c['max']:.3f}) | {m['median']:.0f} |")
    return "\n".join(lines)


def ratio_line(results: dict[str, dict[str, Any]], a: str, b: str) -> str:
    if a not in results or b not in results:
        return ""
    w = results[a]["wall"]["median"] / results[b]["wall"]["median"]
    c = results[a]["cpu"]["median"] / results[b]["cpu"]["median"]
    return f"{a} / {b}: wall **{w:.2f}x**, CPU **{c:.2f}x**"


# -- sections ----------------------------------------------------------------------------------


def _side_by_side(target: Path) -> tuple[dict[str, list[str]], list[str]]:
    """``proselint check TARGET`` (when installed) and ``newslint TARGET``, and newslint's command."""
    cmds: dict[str, list[str]] = {}
    prose = tool("proselint")
    if prose:
        cmds["proselint"] = [*prose, "check", str(target)]
    nl = tool("newslint") or [sys.executable, "-m", "newslint"]
    cmds["newslint"] = [*nl, str(target)]
    return cmds, nl


def one_file(path: Path, runs: int, tmp: str) -> dict[str, Any]:
    cmds, nl = _side_by_side(path)
    cmds["newslint-isolated"] = [*nl, "--isolated", "--no-plugins", str(path)]
    # The plain rows never use a server (one the user runs, say); the server row runs the same
    # command as "newslint" through a server started in a private folder of its own.
    plain = {**os.environ, "NEWSLINT_NO_SERVER": "1"}
    envs = {"newslint": plain, "newslint-isolated": plain}
    runtime = Path(tmp) / "run"
    runtime.mkdir(mode=0o700)
    served = {**os.environ, "XDG_RUNTIME_DIR": str(runtime)}
    served.pop("NEWSLINT_NO_SERVER", None)
    started = subprocess.run([*nl, "server", "start", "--idle-minutes", "30"], capture_output=True,
                             text=True, env=served)
    if started.returncode != 0:  # no server mode here (not Unix, an older newslint)
        return alternate(cmds, runs, cwd=tmp, envs=envs)  # an empty folder: no project config
    server = int(started.stdout.split("pid ")[1].split(",")[0])
    cmds["newslint-server"] = [*nl, str(path)]
    envs["newslint-server"] = served
    try:
        res = alternate(cmds, runs, cwd=tmp, envs=envs, servers={"newslint-server": server})
        res["newslint-server"]["server_rss_mb"] = _status_kb(server, "VmRSS") / 1024
        res["newslint-server"]["command"] += " (server running)"
        return res
    finally:
        subprocess.run([*nl, "server", "stop"], capture_output=True, env=served)


def corpus_run(runs: int, tmp: str) -> dict[str, Any]:
    cmds, _ = _side_by_side(CLEAN)
    return alternate(cmds, runs, cwd=tmp)


INPROC = r"""
import json, sys, time
tool, paths = sys.argv[1], json.load(open(sys.argv[2]))
texts = [open(p, encoding="utf-8").read() for p in paths]
cpu, wall = time.process_time, time.perf_counter
c0, w0 = cpu(), wall()
if tool == "newslint":
    from newslint import Linter
    linter = Linter(load_entry_points=False)
    lint = linter.lint
else:
    from proselint.checks import __register__
    from proselint.registry import CheckRegistry
    from proselint.tools import LintFile
    CheckRegistry().register_many(__register__)  # what proselint's command line does first
    lint = lambda text: LintFile("bench.txt", text).lint()
load = (cpu() - c0, wall() - w0)
passes = []
for _ in range(2):
    c0, w0 = cpu(), wall()
    n = sum(len(lint(t) if tool == "proselint" else lint(t).findings) for t in texts)
    passes.append((cpu() - c0, wall() - w0, n))
print(json.dumps({"load": load, "passes": passes}))
"""


def in_process(paths: list[Path], runs: int, tmp: str) -> dict[str, Any]:
    listing = Path(tmp) / "paths.json"
    listing.write_text(json.dumps([str(p) for p in paths]))
    tools = ["newslint"] + (["proselint"] if tool("proselint") else [])
    rows: dict[str, list[dict[str, Any]]] = {t: [] for t in tools}
    for r in range(runs):
        for t in tools[r % len(tools):] + tools[:r % len(tools)]:
            out = subprocess.run([sys.executable, "-c", INPROC, t, str(listing)], capture_output=True,
                                 text=True, check=True, cwd=tmp)  # not the checkout: see prepare()
            rows[t].append(json.loads(out.stdout))
    words = sum(n_words(p.read_text(encoding="utf-8")) for p in paths)
    result = {}
    for t, samples in rows.items():
        result[t] = {
            "load_cpu": statistics.median(s["load"][0] for s in samples),
            "first_cpu": statistics.median(s["passes"][0][0] for s in samples),
            "second_cpu": statistics.median(s["passes"][1][0] for s in samples),
            "first_range": (min(s["passes"][0][0] for s in samples), max(s["passes"][0][0] for s in samples)),
            "findings": samples[0]["passes"][0][2],
        }
        result[t]["first_words_per_s"] = words / result[t]["first_cpu"]
        result[t]["second_words_per_s"] = words / result[t]["second_cpu"]
    return {"articles": len(paths), "words": words, "runs": runs, "tools": result}


#: Distinct articles for the ``--jobs`` folder row (1,499 Reuters articles): the clean corpus
#: copied 4 times measures, besides scaling, how much of a serial run's work its caches save
#: on the copies (3 of 4 articles are warm for one process, about 2 of 4 for each of two).
DISTINCT = ROOT.parent / "shared" / "corpus" / "dev-clean"


def jobs_scaling(paths: list[Path], runs: int, tmp: str) -> dict[str, Any]:
    folder = Path(tmp) / "folder"
    folder.mkdir()
    texts = [p.read_text(encoding="utf-8") for p in paths]
    for c in range(4):
        for i, t in enumerate(texts):
            (folder / f"{c}-{i:03d}.txt").write_text(t, encoding="utf-8")
    feed = Path(tmp) / "feed.jsonl"
    with open(feed, "w", encoding="utf-8") as fh:
        for c in range(8):
            for i, t in enumerate(texts):
                fh.write(json.dumps({"id": f"{c}-{i}", "body": t}) + "\n")
    nl = tool("newslint") or [sys.executable, "-m", "newslint"]
    out = {}
    targets = [("folder", folder, 4 * len(texts)), ("jsonl", feed, 8 * len(texts))]
    if DISTINCT.is_dir():
        targets.insert(1, ("folder of distinct articles", DISTINCT, len(list(DISTINCT.glob("*.txt")))))
    for label, target, count in targets:
        cmds = {f"jobs{j}": [*nl, "--isolated", "--no-plugins", "--format", "jsonl", "--jobs", str(j),
                             str(target)] for j in (1, 2)}
        res = alternate(cmds, runs, cwd=tmp)
        res["articles"] = count  # type: ignore[assignment]
        # Then accounted runs (alternating too): where the CPU went, process by process.
        acc: dict[str, list[dict[str, Any]]] = {n: [] for n in cmds}
        for r in range(runs):
            for n in (list(cmds) if r % 2 == 0 else list(cmds)[::-1]):
                acc[n].append(run_accounted(cmds[n], cwd=tmp))
        res["accounted"] = {n: {k: statistics.median(x[k] for x in rows)
                                for k in ("wall", "cpu", "start_cpu", "parent_cpu", "idle_wall")}
                            | {"workers_cpu": rows[len(rows) // 2]["workers_cpu"]}
                            for n, rows in acc.items()}  # type: ignore[assignment]
        out[label] = res
    return out


def _record(rng: random.Random, i: int) -> str:
    """A short news-like record with three words no other record has."""
    new = ["".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(6, 11))) for _ in range(3)]
    body = (f"The council of {new[0].capitalize()} met on Monday. Officials said the {new[1]} plan "
            f"would cost {i} dollars. Residents asked about the {new[2]} fees.")
    return json.dumps({"id": i, "body": body})


def _status_kb(pid: int, field: str, name: str = "status") -> int:
    """A ``kB`` field of ``/proc/PID/status`` (or ``smaps_rollup``), 0 when the process is gone."""
    try:
        with open(f"/proc/{pid}/{name}", encoding="ascii") as fh:
            for line in fh:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        return 0
    return 0


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children", encoding="ascii") as fh:
            return [int(x) for x in fh.read().split()]
    except OSError:
        return []


def tree_memory(pid: int) -> dict[str, float]:
    """Memory of a process and its workers, MiB: the parent's RSS, the largest worker's RSS, and
    the tree's PSS (proportional set size: pages shared by the forked workers and the
    memory-mapped word data counted once, split between the processes that map them)."""
    kids = _children(pid)
    return {"parent_rss": _status_kb(pid, "VmRSS") / 1024,
            "worker_rss": max((_status_kb(k, "VmRSS") for k in kids), default=0) / 1024,
            "tree_pss": sum(_status_kb(p, "Pss", "smaps_rollup") for p in (pid, *kids)) / 1024}


#: Records done at which memory is reported (those beyond the stream's length are skipped).
STREAM_MARKS = (1_000, 10_000, 30_000, 100_000, 300_000, 1_000_000, 3_000_000)
#: The stream's default selection: cheap checks that look every word up in the word data
#: through the per-word caches (frequency, part of speech, foreign lists; the readability
#: metrics, which count syllables per word, run on every article whatever the selection), so a
#: million records take minutes, not the hours the spelling corrector's search would need.
STREAM_SELECT = "language,mt_artifact,capitalization,attribution,spacing"


def stream_memory(n: int, jobs: int = 1, select: str | None = STREAM_SELECT) -> dict[str, Any]:
    """One run over ``n`` new-word records on standard input; memory (:func:`tree_memory`) is
    read as the reports come out, when the count of reports done reaches each of
    :data:`STREAM_MARKS` (Linux ``/proc``)."""
    import threading

    nl = tool("newslint") or [sys.executable, "-m", "newslint"]
    cmd = [*nl, "--isolated", "--no-plugins", "--format", "jsonl", "--jobs", str(jobs),
           *(["--select", select] if select else []), "--stdin-filename", "stream.jsonl", "-"]
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    assert proc.stdin is not None and proc.stdout is not None

    def feed() -> None:
        rng = random.Random(16)
        assert proc.stdin is not None
        for start in range(0, n, 1000):  # written in blocks: the feeder must not be the limit
            proc.stdin.write("".join(_record(rng, i) + "\n" for i in range(start, min(n, start + 1000)))
                             .encode())
        proc.stdin.close()

    writer = threading.Thread(target=feed, daemon=True)
    t0 = time.perf_counter()
    writer.start()
    marks = [m for m in STREAM_MARKS if m <= n]
    if n not in marks:
        marks.append(n)
    samples = []
    done = 0
    for _ in proc.stdout:
        done += 1
        if marks and done == marks[0]:
            marks.pop(0)
            samples.append({"records": done, **tree_memory(proc.pid),
                            "seconds": time.perf_counter() - t0})
            print(f"stream: {samples[-1]}", file=sys.stderr, flush=True)  # a long run's progress
    _, _, usage = os.wait4(proc.pid, 0)
    proc.returncode = 0
    return {"records": n, "done": done, "jobs": jobs, "select": select, "samples": samples,
            "peak_rss_mb": usage.ru_maxrss / 1024, "cpu": usage.ru_utime + usage.ru_stime,
            "wall": time.perf_counter() - t0}


# -- main --------------------------------------------------------------------------------------


def prepare() -> str:
    """Byte-compile the newslint that will run (``PYTHONPATH`` may point at another checkout, to
    measure an older version with the same script) and build its word data if it has any."""
    # Run from an empty folder: ``python -c`` puts the current directory first on sys.path, so
    # from a checkout's root it imported that checkout whatever PYTHONPATH said (the in-process
    # "before" figures were silently the current code's).
    with tempfile.TemporaryDirectory() as empty:
        probe = subprocess.run([sys.executable, "-c", "import newslint, os; print(os.path.dirname(newslint.__file__))"],
                               capture_output=True, text=True, check=True, cwd=empty)
        package = probe.stdout.strip()
        subprocess.run([sys.executable, "-m", "compileall", "-q", package], check=True, stdout=subprocess.DEVNULL)
        if os.path.isdir(os.path.join(package, "worddata")):
            subprocess.run([sys.executable, "-c", "from newslint import worddata; worddata.data_dir()"], check=True,
                           cwd=empty)
    return package


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=11, help="alternating rounds for one-file runs")
    ap.add_argument("--corpus-runs", type=int, default=5)
    ap.add_argument("--inproc-runs", type=int, default=3,
                    help="fresh processes per tool for the in-process figures (alternating)")
    ap.add_argument("--only", default="one,corpus,inproc,jobs,stream")
    ap.add_argument("--file", type=Path, help="the one article (default: clean article nearest 848 words)")
    ap.add_argument("--stream-records", default="100000", help="records in the memory stream")
    ap.add_argument("--stream-jobs", type=int, default=1, help="--jobs for the memory stream")
    ap.add_argument("--stream-select", default=STREAM_SELECT,
                    help="--select for the memory stream ('' for the default selection)")
    ap.add_argument("--json", type=Path, help="also write the raw figures here")
    args = ap.parse_args()
    if not CLEAN.is_dir():
        print(f"no corpus at {CLEAN}", file=sys.stderr)
        return 2
    paths = load_corpus()
    only = set(args.only.split(","))
    package = prepare()
    one = args.file or min(paths, key=lambda p: abs(n_words(p.read_text(encoding="utf-8")) - 848))
    load = os.getloadavg()
    print(f"# newslint speed benchmark\n\nPython {sys.version.split()[0]}, {os.cpu_count()} cores, "
          f"load average {load[0]:.1f} at start; clean corpus: {len(paths)} articles; newslint from "
          f"`{package}`.\n")
    raw: dict[str, Any] = {"load_average": load}
    with tempfile.TemporaryDirectory() as tmp:
        if "one" in only:
            res = one_file(one, args.runs, tmp)
            raw["one"] = res
            print(f"## One article, whole process ({one.name}, {n_words(one.read_text(encoding='utf-8'))} "
                  f"words, {args.runs} alternating runs)\n\n{table(res)}\n")
            print(ratio_line(res, "newslint", "proselint") + "  ")
            print(ratio_line(res, "newslint-isolated", "proselint") + "  ")
            if "newslint-server" in res:
                print(ratio_line(res, "newslint-server", "proselint") + "  ")
                print(f"(server row: `newslint server start` running; its CPU counts the client "
                      f"({res['newslint-server']['client_cpu']['median']:.3f} s, median), the "
                      f"server's accept and fork, and the worker; the server's own RSS is "
                      f"{res['newslint-server']['server_rss_mb']:.0f} MB, the row's peak RSS is the "
                      f"client's)")
            print()
        if "corpus" in only:
            res = corpus_run(args.corpus_runs, tmp)
            raw["corpus"] = res
            print(f"## The clean corpus, whole process ({len(paths)} articles, {args.corpus_runs} "
                  f"alternating runs)\n\n{table(res)}\n\n{ratio_line(res, 'newslint', 'proselint')}\n")
        if "inproc" in only:
            res = in_process(paths, args.inproc_runs, tmp)
            raw["inproc"] = res
            print(f"## In process ({res['articles']} articles, {res['words']} words, median of "
                  f"{res['runs']} fresh processes, CPU seconds)\n")
            print("| tool | load | first pass (cold) | second pass (warm) | first pass words/s | findings |")
            print("| --- | --- | --- | --- | --- | --- |")
            for t, r in res["tools"].items():
                print(f"| {t} | {r['load_cpu']:.3f} | {r['first_cpu']:.3f} ({r['first_range'][0]:.3f}-"
                      f"{r['first_range'][1]:.3f}) | {r['second_cpu']:.3f} | {r['first_words_per_s']:.0f} | "
                      f"{r['findings']} |")
            if "proselint" in res["tools"]:
                t = res["tools"]
                print(f"\nnewslint / proselint throughput, first pass: "
                      f"**{t['newslint']['first_words_per_s'] / t['proselint']['first_words_per_s']:.2f}x**, "
                      f"second pass: **{t['newslint']['second_words_per_s'] / t['proselint']['second_words_per_s']:.2f}x**\n")
        if "jobs" in only:
            res = jobs_scaling(paths, 3, tmp)
            raw["jobs"] = res
            print("## --jobs 1 against --jobs 2 (3 alternating runs)\n")
            for label, r in res.items():
                arts = r.pop("articles")
                acc = r.pop("accounted")
                print(f"### {label} ({arts} articles)\n\n{table(r)}\n")
                speedup = r["jobs1"]["wall"]["median"] / r["jobs2"]["wall"]["median"]
                print(f"--jobs 2 speed-up: **{speedup:.2f}x** wall\n")
                print("Where the CPU went (accounted runs, medians; idle-core wall = start-up + the "
                      "larger of the busiest worker's CPU and the tree's CPU after start-up / cores):\n")
                print("| command | wall s | CPU s | parent before workers | parent in all | workers | "
                      "idle-core wall s |\n| --- | --- | --- | --- | --- | --- | --- |")
                for n, a in acc.items():
                    print(f"| {n} | {a['wall']:.2f} | {a['cpu']:.2f} | {a['start_cpu']:.2f} | "
                          f"{a['parent_cpu']:.2f} | {', '.join(f'{w:.2f}' for w in a['workers_cpu']) or '-'} | "
                          f"{a['idle_wall']:.2f} |")
                print(f"\n--jobs 2 speed-up on idle cores (estimated from CPU): "
                      f"**{acc['jobs1']['idle_wall'] / acc['jobs2']['idle_wall']:.2f}x**\n")
        if "stream" in only:
            n = int(args.stream_records)
            res = stream_memory(n, args.stream_jobs, args.stream_select or None)
            raw["stream"] = res
            print(f"## Memory on a stream of {n:,} new-word records (standard input, --jobs "
                  f"{args.stream_jobs}, --select {args.stream_select or 'default'})\n")
            print(f"Each record brings three words no earlier record had; memory read when the reports "
                  f"done reach each mark. {res['done']:,} reports, CPU {res['cpu']:.0f} s, wall "
                  f"{res['wall']:.0f} s, peak RSS of one process {res['peak_rss_mb']:.1f} MiB.\n")
            print("| records done | parent RSS MiB | largest worker RSS MiB | process tree PSS MiB | s |")
            print("| --- | --- | --- | --- | --- |")
            for row in res["samples"]:
                print(f"| {row['records']:,} | {row['parent_rss']:.1f} | {row['worker_rss']:.1f} | "
                      f"{row['tree_pss']:.1f} | {row['seconds']:.0f} |")
            ref = next((r for r in res["samples"] if r["records"] >= 10_000), None)
            if ref is not None and res["samples"][-1] is not ref:
                last = res["samples"][-1]
                print(f"\nFrom {ref['records']:,} to {last['records']:,} records: process tree PSS "
                      f"**{last['tree_pss'] / ref['tree_pss']:.3f}x**, parent RSS "
                      f"**{last['parent_rss'] / ref['parent_rss']:.3f}x**\n")
    if args.json:
        args.json.write_text(json.dumps(raw, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
