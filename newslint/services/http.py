"""HTTP for outside services, bounded in time and size.

``urllib``'s ``timeout`` applies to each socket operation, so a server that sends one byte every
few seconds is waited on forever, and ``resp.read()`` holds a response of any size in memory.
:func:`post` sets a total deadline for the whole exchange (connecting, headers, body) and a cap
on the body's size; past either it raises an ``OSError`` subclass, which callers already treat as
"the server cannot be used".
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from typing import Any

#: Largest response body read from a service (a LanguageTool answer for 10,000 characters is a
#: few hundred KB at most).
MAX_RESPONSE_BYTES = 16 * 1024 * 1024


class ResponseTooLarge(OSError):
    """The server sent more than the cap."""


def post(url: str, data: bytes, headers: Mapping[str, str], *, timeout: float,
         max_bytes: int = MAX_RESPONSE_BYTES) -> bytes:
    """The body of the answer to a POST, within ``timeout`` seconds in total and ``max_bytes``.

    Raises ``TimeoutError`` past the deadline, :class:`ResponseTooLarge` past the cap, and the
    usual ``OSError``/``urllib.error.URLError`` for everything else.
    """
    import urllib.request  # here, not at import: a plain run never loads the HTTP stack

    deadline = time.monotonic() + timeout

    def left() -> float:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError(f"no complete answer within {timeout:g} s")
        return remaining

    req = urllib.request.Request(url, data=data, headers=dict(headers))
    with urllib.request.urlopen(req, timeout=left()) as resp:
        declared = resp.headers.get("Content-Length")
        if declared and declared.isdigit() and int(declared) > max_bytes:
            raise ResponseTooLarge(f"answer of {int(declared) / 1e6:.0f} MB refused "
                                   f"(limit {max_bytes / 1e6:.0f} MB)")
        sock = _socket_of(resp)
        chunks: list[bytes] = []
        size = 0
        while True:
            if sock is not None:
                sock.settimeout(min(left(), timeout))
            chunk = resp.read1(65536) if hasattr(resp, "read1") else resp.read(65536)
            left()
            if not chunk:
                break
            size += len(chunk)
            if size > max_bytes:
                raise ResponseTooLarge(f"answer larger than {max_bytes / 1e6:.0f} MB refused")
            chunks.append(chunk)
        return b"".join(chunks)


def _socket_of(resp: object) -> Any:
    """The response's socket, to shorten its per-read timeout to the time left (best effort:
    ``http.client`` keeps it private; without it, each read still has the per-read timeout)."""
    raw = getattr(getattr(resp, "fp", None), "raw", None)
    sock = getattr(raw, "_sock", None)
    return sock if hasattr(sock, "settimeout") else None
