"""The light client of the persistent server (the console script, :mod:`newslint.console`).

When a server is running (``newslint server start``, see
:mod:`newslint.server`), the command is sent to it: its argv, working directory, environment and
the three standard file descriptors (passed with ``SCM_RIGHTS``). A child forked from the warm
server runs the unchanged :func:`newslint.cli.main` on them and the client exits with its status.
Otherwise, silently, the command runs in this process as it always did.

Why a separate module: the point of the server is to skip imports, so deciding "is a server
running?" must cost next to nothing. This module imports only the standard library's socket
layer (and ``newslint/__init__``, which loads nothing until first use); the heavy modules are
imported only on the in-process path.

Falls back to the in-process run when: ``NEWSLINT_NO_SERVER=1``, ``--no-server`` among the
arguments, a platform without Unix sockets and ``socket.send_fds``, the private socket folder
missing or not private, no socket for *this* install (the socket's name carries a stamp of the
newslint version, the interpreter and the installed files, so an upgraded or edited install never
talks to an older server), or a socket nobody listens on (a stale file). Once the server has
accepted the command it is never run a second time in process: if the server's worker dies before
reporting a status, ``--fix`` may already have written files, so the client says so on one line
and exits with status 2.
"""

from __future__ import annotations

import marshal
import os
import stat
import sys
import zlib
from typing import TYPE_CHECKING, Any

from . import __version__

if TYPE_CHECKING:
    import socket

# ``socket`` (with ``selectors``, ``array``...: ~2 ms) is imported by the functions that use it,
# once a server's socket file exists: a run without a server never loads it.

#: Environment variables that change what the server loaded at start (the word data): part of
#: the stamp, so a command run with other values never uses a server started without them.
STAMP_ENV = ("NEWSLINT_WORDDATA", "NEWSLINT_CACHE_DIR", "XDG_CACHE_HOME", "PYTHONPATH")

#: Seconds to wait for the connection: a live server accepts at once.
CONNECT_TIMEOUT = 1.0


class ServerLost(Exception):
    """The server accepted the command and then went away without an exit status."""


def supported() -> bool:
    """Unix sockets with descriptor passing (``socket.send_fds``, Python 3.9+, not Windows)."""
    import socket

    return hasattr(socket, "AF_UNIX") and hasattr(socket, "send_fds") and os.name == "posix"


def runtime_dir(env: Any = None) -> str:
    """The per-user folder of the socket: ``$XDG_RUNTIME_DIR/newslint`` (a tmpfs private to the
    user on most Linux systems), else ``server`` in the user cache folder (``cachedir.cache_root``)."""
    from .cachedir import cache_root

    env = os.environ if env is None else env
    base = env.get("XDG_RUNTIME_DIR")
    if base:
        return os.path.join(base, "newslint")
    return os.path.join(cache_root(env), "server")


def private_dir_problem(path: str) -> str | None:
    """Why ``path`` must not hold the socket (None when it is a real folder owned by this user
    with no access for anyone else). A socket in a folder others can write could be replaced by
    theirs, and then this user's files and environment would be sent to them."""
    try:
        st = os.lstat(path)
    except OSError as exc:
        return f"{path}: {exc.strerror}"
    if not stat.S_ISDIR(st.st_mode):
        return f"{path}: not a folder"
    if st.st_uid != os.getuid():
        return f"{path}: owned by another user (uid {st.st_uid})"
    if st.st_mode & 0o077:
        return f"{path}: mode {stat.S_IMODE(st.st_mode):04o}, expected 0700 (private)"
    return None


def stamp(env: Any = None) -> str:
    """What a server must share with the client: newslint's version and files, the interpreter,
    the installed distributions (a plugin installed or removed changes ``site-packages``), and
    the environment variables of :data:`STAMP_ENV`. A dozen ``stat`` calls, no file read."""
    env = os.environ if env is None else env
    package = os.path.dirname(os.path.abspath(__file__))
    # The interpreter itself (``bin/python`` and ``bin/python3`` of one venv are the same one;
    # the venv is told apart by its site-packages below).
    parts = [__version__, os.path.realpath(sys.executable), sys.version, package]
    # The package's files: editing or reinstalling newslint changes at least one mtime.
    for folder, dirs, files in os.walk(package):
        dirs[:] = [d for d in dirs if d != "__pycache__"]
        for name in files:
            if name.endswith((".py", ".json")):
                try:
                    parts.append(str(os.stat(os.path.join(folder, name)).st_mtime_ns))
                except OSError:
                    pass
    # The site-packages folders (not sys.path, whose first entry is the script's folder or the
    # working folder): installing or removing a distribution (a plugin) changes their mtime.
    import site

    folders = [*getattr(site, "getsitepackages", list)(), site.getusersitepackages()]
    for entry in folders:
        if os.path.isdir(entry):
            parts.append(f"{entry}:{os.stat(entry).st_mtime_ns}")
    parts.extend(f"{k}={env.get(k, '')}" for k in STAMP_ENV)
    data = "\0".join(parts).encode("utf-8", "surrogateescape")
    # Two 32-bit checksums, not a cryptographic hash: the stamp tells installs apart, it guards
    # nothing (the folder's privacy and the uid check do), and hashlib costs ~5 ms to import.
    return f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}"


def socket_path(env: Any = None) -> str:
    """The socket of a server started by this install, in :func:`runtime_dir`."""
    return os.path.join(runtime_dir(env), f"server-{stamp(env)}.sock")


def connect(path: str | None = None) -> socket.socket | None:
    """A connection to the running server, or None (no server, stale socket, folder not private)."""
    path = path or socket_path()
    if private_dir_problem(os.path.dirname(path)) is not None:
        return None
    import socket

    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.settimeout(CONNECT_TIMEOUT)
    try:
        sock.connect(path)
    except OSError:  # no file, or a stale one (ECONNREFUSED), or a full backlog
        sock.close()
        return None
    sock.settimeout(None)
    return sock


def encode(message: dict[str, Any]) -> bytes:
    """A message on the wire: 4-byte length, then the dict in :mod:`marshal` form. marshal, not
    JSON: it is built in (``json`` pulls in ``re``, ~10 ms of the client's start), and both ends
    are the same user (the server checks the peer's uid, the client only connects to a socket
    in its own private folder), so no foreign data is ever decoded."""
    data = marshal.dumps(message)
    return len(data).to_bytes(4, "big") + data


def send_message(sock: socket.socket, message: dict[str, Any], fds: list[int] = ()) -> None:  # type: ignore[assignment]
    """One message; descriptors ride on its first 4 bytes (the length)."""
    data = encode(message)
    if fds:
        import socket

        socket.send_fds(sock, [data[:4]], list(fds))
        sock.sendall(data[4:])
    else:
        sock.sendall(data)


def recv_exact(sock: socket.socket, size: int, start: bytes = b"") -> bytes | None:
    """``size`` bytes (``start`` already read), or None when the peer closed first."""
    data = start
    while len(data) < size:
        more = sock.recv(min(1 << 16, size - len(data)))
        if not more:
            return None
        data += more
    return data


def decode(sock: socket.socket, header: bytes, limit: int = 1 << 26) -> dict[str, Any] | None:
    """The message whose length starts ``header``; None when the peer closed first."""
    head = recv_exact(sock, 4, header)
    if head is None:
        return None
    size = int.from_bytes(head, "big")
    if size > limit:
        raise ValueError(f"message of {size} bytes")
    data = recv_exact(sock, size)
    if data is None:
        return None
    try:
        message = marshal.loads(data)
    except (EOFError, TypeError, ValueError):
        message = None
    if not isinstance(message, dict):
        raise ValueError("malformed message")
    return message


def read_replies(sock: socket.socket) -> Any:
    """The server's replies, until it closes the connection."""
    while (message := decode(sock, b"")) is not None:
        yield message


def run_remote(sock: socket.socket, argv: list[str]) -> int:
    """Send the command and wait for its exit status. Ctrl-C and SIGTERM are passed on to the
    worker that runs it (it is not in this terminal's process group)."""
    import signal

    streams = [sys.stdin, sys.stdout, sys.stderr]
    umask = os.umask(0o022)
    os.umask(umask)
    message = {"op": "run", "argv": argv, "cwd": os.getcwd(), "env": dict(os.environ), "umask": umask,
               "streams": [[getattr(s, "encoding", None), getattr(s, "errors", None)] if s else None
                           for s in streams]}
    fds = []
    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
            fds.append(fd)
        except OSError:  # a closed descriptor: the worker gets /dev/null there
            fds.append(-1)
    message["fds"] = [fd >= 0 for fd in fds]
    for s in streams[1:]:
        if s is not None:
            s.flush()
    send_message(sock, message, [fd for fd in fds if fd >= 0])
    worker: list[int] = []

    def forward(signum: int, frame: Any) -> None:
        if worker:
            try:
                os.kill(worker[0], signum)
            except OSError:
                pass

    previous = {sig: signal.signal(sig, forward) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        for reply in read_replies(sock):
            if "pid" in reply:
                worker.append(int(reply["pid"]))
            elif "status" in reply:
                return int(reply["status"])
            elif "error" in reply:
                raise ServerLost(str(reply["error"]))
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    raise ServerLost("the server's worker ended without an exit status")


def wants_server(argv: list[str], env: Any = None) -> bool:
    """False when the user asked for an in-process run, or the platform cannot pass descriptors."""
    env = os.environ if env is None else env
    return env.get("NEWSLINT_NO_SERVER", "") in ("", "0") and "--no-server" not in argv and supported()


def any_server(env: Any = None) -> bool:
    """Whether the socket folder holds any server's socket (of this install or another): one
    ``scandir``, so that a run with no server running spends nothing on :func:`stamp` (a walk
    over the package's files) nor on importing ``socket``."""
    try:
        with os.scandir(runtime_dir(env)) as entries:
            return any(e.name.startswith("server-") and e.name.endswith(".sock") for e in entries)
    except OSError:  # no folder: no server was ever started here
        return False


def try_server(argv: list[str]) -> int | None:
    """The exit status of the command run by the server, or None when no server can run it."""
    if not any_server() or not wants_server(argv):
        return None
    try:
        sock = connect()
    except OSError:
        return None
    if sock is None:
        return None
    with sock:
        try:
            return run_remote(sock, argv)
        except (ServerLost, OSError, ValueError) as exc:
            sys.stderr.write(f"newslint: server: {exc}; the command was not run again in process "
                             "(it may have written files); rerun with --no-server\n")
            return 2
