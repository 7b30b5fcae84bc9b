"""Text that is safe to write to a terminal.

Article text and file names are anyone's: an ``ESC ]0;...BEL`` retitles the terminal, ``ESC [2J``
clears it, ``ESC [8m`` hides what follows (a finding, a warning). Text output is written through
:class:`TerminalSafeStream`, which shows every control character as a visible escape (``\\x1b``)
except newline and tab, and except newslint's own colour sequences (``ESC [ digits m``), which
can only change a colour.
"""

from __future__ import annotations

import re
from typing import Any, TextIO

# C0 controls but tab and newline, DEL, C1 controls (0x9b is a one-character CSI); a colour
# sequence is matched first and kept.
_UNSAFE = re.compile(r"(\x1b\[[0-9;]{0,12}m)|[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _escape(match: re.Match[str]) -> str:
    return match.group(1) or f"\\x{ord(match.group(0)):02x}"


def terminal_safe(text: str) -> str:
    """``text`` with control characters shown as ``\\xNN`` (colour sequences kept)."""
    return _UNSAFE.sub(_escape, text)


class TerminalSafeStream:
    """A text stream wrapper that makes everything written through it :func:`terminal_safe`."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        return self._stream.write(terminal_safe(text))

    def writelines(self, lines: Any) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:  # flush, isatty, fileno, encoding ...
        return getattr(self._stream, name)
