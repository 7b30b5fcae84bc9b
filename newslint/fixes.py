"""Applying fixes to text: non-overlapping edits, applied back to front."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from .findings import Edit, Finding


def select_edits(findings: Iterable[Finding], *, unsafe: bool = False) -> list[Edit]:
    """The edits to apply: safe fixes (and unsafe ones when asked), skipping any fix that
    overlaps one already chosen, so two fixes never garble the same words."""
    chosen: list[Edit] = []
    taken: list[tuple[int, int]] = []
    for f in sorted(findings, key=lambda f: (f.start, f.end)):
        if f.fix is None or (f.fix.applicability != "safe" and not unsafe):
            continue
        spans = [(e.start, e.end) for e in f.fix.edits]
        if any(_overlaps(s, t) for s in spans for t in taken):
            continue
        chosen.extend(f.fix.edits)
        taken.extend(spans)
    return sorted(chosen, key=lambda e: (e.start, e.end))


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    if a[0] == a[1] == b[0] == b[1]:
        return True  # two insertions at one point
    return (a[0] < b[1] and b[0] < a[1]) or (a[0] == a[1] and b[0] < a[0] < b[1]) \
        or (b[0] == b[1] and a[0] < b[0] < a[1])


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """``text`` with ``edits`` (non-overlapping) applied."""
    out = text
    for edit in sorted(edits, key=lambda e: (e.start, e.end), reverse=True):
        out = out[:edit.start] + edit.replacement + out[edit.end:]
    return out


def apply_fixes(text: str, findings: Iterable[Finding], *, unsafe: bool = False) -> tuple[str, int]:
    """The fixed text and how many edits were applied."""
    edits = select_edits(findings, unsafe=unsafe)
    return apply_edits(text, edits), len(edits)


class UnsafeWrite(OSError):
    """The file cannot be replaced without losing something (a hard link, its owner)."""


def write_atomically(path: str, text: str) -> None:
    """Replace a file's contents without ever leaving it half-written: write a temporary file
    in the same folder, flush it to disk, keep the original's permissions and owner, then
    rename it over the original (a reader, or a kill at any instant, sees the old file or the
    new one, never a mix).

    A symbolic link is kept: its target is rewritten. A file with several hard links is refused
    (:class:`UnsafeWrite`): renaming over one name would leave the other names on the old text.
    So is a file whose owner cannot be kept (another user's file, fixed by a non-root user).
    """
    import os

    target = os.path.realpath(path)  # write through a symlink, never replace it
    st = os.stat(target)
    if st.st_nlink > 1:
        raise UnsafeWrite(f"it has {st.st_nlink} hard links, which a safe rewrite would break "
                          "(use --diff and apply the change by hand)")
    tmp, fd = _new_temporary(os.path.dirname(target))
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        if (st.st_uid, st.st_gid) != (os.geteuid(), os.getegid()):
            try:
                os.chown(tmp, st.st_uid, st.st_gid)
            except PermissionError:
                raise UnsafeWrite(f"it belongs to user {st.st_uid}, and the fixed file would belong "
                                  "to you") from None
        os.chmod(tmp, st.st_mode & 0o7777)
        os.replace(tmp, target)
    except BaseException:
        _discard(tmp)
        raise


def _new_temporary(folder: str) -> tuple[str, int]:
    """``(name, descriptor)`` of a new, empty file of ours in ``folder``.

    Why not ``tempfile.mkstemp``: it names the file only when it returns, so a SIGTERM handled
    in between (``cli.Terminated`` is raised at the next bytecode that checks for signals, and
    ``mkstemp`` runs Python code after creating the file) left a ``.newslint-*.tmp`` behind with
    no one knowing its name. Here the name is chosen first; creating it exclusively means a file
    found under that name after an interruption can only be ours (a name already taken raises
    ``FileExistsError`` and another is drawn)."""
    import os
    import secrets

    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0)
    while True:
        tmp = os.path.join(folder, f".newslint-{secrets.token_hex(8)}.tmp")
        try:
            return tmp, os.open(tmp, flags, 0o600)
        except FileExistsError:
            continue  # someone else's file: never ours to remove
        except BaseException:
            _discard(tmp)  # interrupted once the file was made: ours
            raise


def _discard(tmp: str) -> None:
    """Remove our temporary file if it was made."""
    import os

    try:
        os.unlink(tmp)
    except FileNotFoundError:
        pass


def fix_text(lint: Callable[[str], list[Finding]], text: str, *, unsafe: bool = False,
             max_passes: int = 8) -> tuple[str, int]:
    """Apply fixes until none is left (fixes can uncover others); ``lint(text)`` returns the
    findings of one pass. Returns the fixed text and the number of edits applied."""
    total = 0
    for _ in range(max_passes):
        new, applied = apply_fixes(text, lint(text), unsafe=unsafe)
        if not applied or new == text:
            break
        text, total = new, total + applied
    return text, total
