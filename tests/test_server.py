"""Server mode (``newslint server start``): a command run through the server is the in-process
command, byte for byte, and the client falls back or refuses exactly when it should.

Each server runs in a temporary runtime folder (``XDG_RUNTIME_DIR``) and is stopped (and, if
that fails, killed) by its fixture, so no daemon outlives the tests.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from newslint import client, server

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
pytestmark = pytest.mark.skipif(not client.supported() or not hasattr(socket, "SO_PEERCRED"),
                                reason="server mode needs Unix sockets with SO_PEERCRED")
CMD = [sys.executable, "-m", "newslint"]


def newslint(args: list[str], env: dict[str, str], *, cwd: str | Path | None = None,
             stdin: bytes | None = None, no_server: bool = False) -> subprocess.CompletedProcess[bytes]:
    env = dict(env)
    if no_server:
        env["NEWSLINT_NO_SERVER"] = "1"
    return subprocess.run([*CMD, *args], env=env, cwd=cwd, input=stdin, capture_output=True, timeout=300)


def served(env: dict[str, str]) -> int:
    out = newslint(["server", "status"], env).stdout.decode()
    assert out.startswith("newslint server running"), out
    return int(out.split("served ")[1].split(",")[0])


def start_server(runtime: Path, *extra: str) -> tuple[dict[str, str], int]:
    runtime.mkdir(mode=0o700, exist_ok=True)
    env = {**os.environ, "XDG_RUNTIME_DIR": str(runtime)}
    env.pop("NEWSLINT_NO_SERVER", None)
    proc = newslint(["server", "start", "--idle-minutes", "10", *extra], env)
    assert proc.returncode == 0, proc.stderr.decode()
    pid = int(proc.stdout.decode().split("pid ")[1].split(",")[0])
    return env, pid


def alive(pid: int) -> bool:
    """The process exists and is not a zombie (a daemon's parent may be slow to reap it)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False
    except OSError:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        return True


def stop_server(env: dict[str, str], pid: int) -> None:
    newslint(["server", "stop"], env)
    for _ in range(100):
        if not alive(pid):
            return
        time.sleep(0.05)
    os.kill(pid, signal.SIGKILL)


@pytest.fixture(scope="module")
def running(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    env, pid = start_server(tmp_path_factory.mktemp("srv") / "run")
    try:
        yield env
    finally:
        stop_server(env, pid)


def same(a: subprocess.CompletedProcess[bytes], b: subprocess.CompletedProcess[bytes]) -> None:
    assert (a.returncode, a.stdout.decode(), a.stderr.decode()) == \
           (b.returncode, b.stdout.decode(), b.stderr.decode())


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_seeds_through_the_server_match_in_process(running: dict[str, str], fmt: str) -> None:
    before = served(running)
    remote = newslint(["--isolated", "--format", fmt, str(SEEDS)], running)
    assert served(running) == before + 1  # it did go through the server
    local = newslint(["--isolated", "--format", fmt, str(SEEDS)], running, no_server=True)
    assert local.returncode == 1 and local.stdout
    same(remote, local)


def test_usage_error_and_no_server_flag(running: dict[str, str]) -> None:
    same(newslint(["--isolated", "--format", "nope", str(SEEDS)], running),
         newslint(["--isolated", "--format", "nope", str(SEEDS)], running, no_server=True))
    before = served(running)
    proc = newslint(["--no-server", "--isolated", str(SEEDS)], running)
    assert proc.returncode == 1 and served(running) == before


def test_fix_writes_the_same_files(running: dict[str, str], tmp_path: Path) -> None:
    trees = []
    for name in ("remote", "local"):
        shutil.copytree(SEEDS, tmp_path / name)
        trees.append(tmp_path / name)
    remote = newslint(["--isolated", "--fix", "."], running, cwd=trees[0])
    local = newslint(["--isolated", "--fix", "."], running, cwd=trees[1], no_server=True)
    same(remote, local)  # relative paths: the server worked in the client's folder
    for path in sorted(SEEDS.iterdir()):
        fixed = (trees[0] / path.name).read_bytes()
        assert fixed == (trees[1] / path.name).read_bytes()
    assert any((trees[0] / p.name).read_bytes() != p.read_bytes() for p in SEEDS.iterdir())


def test_standard_input_and_config_discovery(running: dict[str, str], tmp_path: Path) -> None:
    text = next(iter(sorted(SEEDS.iterdir()))).read_bytes()
    args = ["--format", "json", "--stdin-filename", "story.txt", "-"]
    (tmp_path / "newslint.toml").write_text('ignore = ["boilerplate"]\n', encoding="utf-8")
    remote = newslint(args, running, cwd=tmp_path, stdin=text)
    local = newslint(args, running, cwd=tmp_path, stdin=text, no_server=True)
    same(remote, local)
    assert b"NL110" not in remote.stdout and b'"code"' in remote.stdout  # the config was found


def test_stale_socket_falls_back(tmp_path: Path) -> None:
    runtime = tmp_path / "run"
    (runtime / "newslint").mkdir(parents=True, mode=0o700)
    env = {**os.environ, "XDG_RUNTIME_DIR": str(runtime)}
    env.pop("NEWSLINT_NO_SERVER", None)
    path = client.socket_path(env)
    dead = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    dead.bind(path)  # a socket file nobody listens on: a server that was killed
    dead.close()
    assert os.path.exists(path) and client.connect(path) is None
    same(newslint(["--isolated", str(SEEDS)], env), newslint(["--isolated", str(SEEDS)], env, no_server=True))


def test_only_the_own_user_is_served() -> None:
    a, b = socket.socketpair(socket.AF_UNIX)
    with a, b:
        assert server.peer_uid(a) == os.getuid()
    assert server.peer_allowed(os.getuid())
    assert server.peer_allowed(1000, own=1000)
    assert not server.peer_allowed(1001, own=1000)
    assert not server.peer_allowed(0, own=1000)


def test_the_socket_folder_must_be_private(tmp_path: Path) -> None:
    folder = tmp_path / "newslint"
    folder.mkdir(mode=0o700)
    folder.chmod(0o700)
    assert client.private_dir_problem(str(folder)) is None
    folder.chmod(0o755)
    assert "expected 0700" in (client.private_dir_problem(str(folder)) or "")
    link = tmp_path / "link"
    link.symlink_to(folder)
    assert "not a folder" in (client.private_dir_problem(str(link)) or "")
    env = {**os.environ, "XDG_RUNTIME_DIR": str(tmp_path)}
    proc = newslint(["server", "start"], env)
    assert proc.returncode == 2 and b"refusing to start" in proc.stderr
    assert client.connect(os.path.join(folder, "server-x.sock")) is None


def test_another_install_never_uses_the_server(running: dict[str, str]) -> None:
    """The socket's name carries the install's stamp: other word data, another socket."""
    other = {**running, "NEWSLINT_WORDDATA": "/elsewhere"}
    assert client.socket_path(other) != client.socket_path(running)
    assert client.stamp(running) == client.stamp(dict(running))


def test_the_stamp_does_not_depend_on_how_newslint_is_started(running: dict[str, str], tmp_path: Path) -> None:
    """``python -m newslint`` in any folder and the console script find the same server."""
    code = "from newslint import client; print(client.socket_path())"
    pythons = {sys.executable, *(str(p) for p in (Path(sys.executable).with_name(n) for n in ("python", "python3"))
                                 if p.exists())}
    paths = {subprocess.run([python, "-c", code], env=running, cwd=cwd, capture_output=True, text=True,
                            check=True).stdout for python in pythons for cwd in (tmp_path, ROOT)}
    assert paths == {client.socket_path(running) + "\n"}


def test_a_lost_worker_is_an_error_not_a_second_run() -> None:
    """The server accepted the command, then its worker died: exit 2, never run again here."""
    ours, theirs = socket.socketpair(socket.AF_UNIX)

    def fake_server() -> None:
        with theirs:
            _message, fds = server.recv_message(theirs)
            for fd in fds:
                os.close(fd)
            server.reply(theirs, {"pid": os.getpid() + 10 ** 6})  # no such process: kill is ignored

    thread = threading.Thread(target=fake_server)
    thread.start()
    with ours, pytest.raises(client.ServerLost):
        client.run_remote(ours, ["--isolated", "x.txt"])
    thread.join()


def test_client_import_is_light() -> None:
    code = ("import sys, newslint.client; "
            "print(sorted(m for m in sys.modules if m.startswith(('newslint', 'pluggy', 'argparse'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "['newslint', 'newslint.client']"


def test_idle_server_exits(tmp_path: Path) -> None:
    env, pid = start_server(tmp_path / "run", "--idle-minutes", "0.02")  # 1.2 s (the last one wins)
    try:
        deadline = time.monotonic() + 60
        while alive(pid) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not alive(pid), "the idle server did not exit"
        assert not os.path.exists(client.socket_path(env))
    finally:
        stop_server(env, pid)


def test_files_created_get_the_client_umask(running: dict[str, str], tmp_path: Path) -> None:
    """``--output`` creates its file in the worker: with the client's umask, not the server's."""
    modes = []
    before = served(running)
    for name, no_server in (("remote.json", False), ("local.json", True)):
        env = dict(running, **({"NEWSLINT_NO_SERVER": "1"} if no_server else {}))
        subprocess.run([*CMD, "--isolated", "--format", "json", "-o", name, str(SEEDS)], env=env,
                       cwd=tmp_path, capture_output=True, timeout=300, preexec_fn=lambda: os.umask(0o077))
        modes.append((tmp_path / name).stat().st_mode & 0o777)
    assert served(running) == before + 1
    assert modes == [0o600, 0o600]
    assert (tmp_path / "remote.json").read_bytes() == (tmp_path / "local.json").read_bytes()


def test_nonsense_is_refused_and_the_server_goes_on(running: dict[str, str]) -> None:
    path = client.socket_path(running)
    for junk in (b"\x00\x00\x00\x05hello", b"\xff\xff\xff\xff", b"\x00\x00\x00\x01"):
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
            sock.connect(path)
            sock.sendall(junk)
            sock.shutdown(socket.SHUT_WR)
            assert sock.recv(100) == b""  # dropped without an answer
    assert served(running) >= 0  # still answering

