"""The history file of ``huitou check --history FILE``: read and checked before the audit,
then this audit's summary appended, safely when several audits run at once.

Appending holds an exclusive lock on the file (``fcntl.flock`` on POSIX; ``msvcrt.locking``
of its first byte on Windows) while it reads every line, checks them, and writes the new
entry as ONE ``write`` of one line to a descriptor opened with ``O_APPEND``. A damaged file
(a line that is not an entry: truncated, hand-edited, not JSON) is never written to,
overwritten or truncated: the audit stops with exit 2 naming every damaged line."""

from __future__ import annotations

import dataclasses
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from checker.errors import HuitouError, Problem
from checker.report.model import AuditReport
from checker.trends.history import Entry, entry, line_of, parsed

DEFAULT_NAME = "huitou-history.jsonl"  # the file used when --history names a folder
_BINARY = getattr(os, "O_BINARY", 0)  # Windows: no newline translation


def resolved(path: Path) -> Path:
    """The history file ``path`` names (a folder: its `DEFAULT_NAME`); its folder must exist."""
    if path.is_dir():
        return path / DEFAULT_NAME
    if not path.parent.is_dir():
        raise HuitouError(
            "--history: the history file's folder does not exist.",
            [Problem("create the folder first, or give a file in an existing one", str(path))],
        )
    return path


@dataclass(frozen=True)
class Seen:
    """A history file's bytes as last read, and their entries (checked): appending after
    the check before the audit checks only the lines added since."""

    data: bytes = b""
    entries: list[Entry] = field(default_factory=list)


def checked(path: Path) -> Seen:
    """The entries already in ``path`` (none when it does not exist yet); HuitouError when
    it is damaged. Reads only."""
    if not path.exists():
        return Seen()
    with _locked(path, os.O_RDONLY, exclusive=False) as fd:
        data = _read(fd)
        return Seen(data, _entries(data, path, Seen()))


def append(path: Path, entry: Entry, seen: Seen | None = None) -> Seen:
    """Every entry of ``path``, then ``entry``, which is appended to it (the file is created
    if missing); HuitouError, with nothing written, when the file is damaged. ``seen``: the
    file as read before, if it was (the lines it had are not checked again)."""
    with _locked(path, os.O_RDWR | os.O_APPEND | os.O_CREAT, exclusive=True) as fd:
        before = _read(fd)
        entries = _entries(before, path, seen or Seen())
        data = line_of(entry)
        if before and not before.endswith(b"\n"):  # an editor dropped the last newline
            data = b"\n" + data
        written = os.write(fd, data)
        if written != len(data):  # a full disk: the next audit reports the cut line
            raise OSError(f"{path}: wrote {written} of {len(data)} bytes of the history entry")
    return Seen(before + data, [*entries, entry])


def _read(fd: int) -> bytes:
    os.lseek(fd, 0, os.SEEK_SET)
    chunks = []
    while chunk := os.read(fd, 1 << 20):
        chunks.append(chunk)
    return b"".join(chunks)


def _entries(data: bytes, path: Path, seen: Seen) -> list[Entry]:
    """The entries of ``data``; those of ``seen`` reused when ``data`` only adds lines."""
    entries: list[Entry] = []
    first = 1  # the number of data's first line
    if seen.data.endswith(b"\n") and data.startswith(seen.data):
        entries, data = list(seen.entries), data[len(seen.data) :]
        first = seen.data.count(b"\n") + 1
    more, problems = parsed(data, str(path), first)
    entries += more
    if problems:
        lines = len({p.line for p in problems})
        raise HuitouError(
            f"The history {path} is damaged ({lines} line{'s' if lines > 1 else ''}); "
            "nothing was written to it. Fix or delete the lines below (each line is one "
            "audit's summary, see schema/history-entry.schema.json), or give --history "
            "a new file.",
            problems,
        )
    return entries


@contextmanager
def _locked(path: Path, flags: int, *, exclusive: bool) -> Iterator[int]:
    fd = os.open(path, flags | _BINARY, 0o644)
    try:
        _lock(fd, exclusive)
        try:
            yield fd
        finally:
            _unlock(fd)
    finally:
        os.close(fd)


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _lock(fd: int, exclusive: bool) -> None:
        """Lock the first byte (Windows has no shared lock here: always exclusive); retries
        until the other audit is done."""
        os.lseek(fd, 0, os.SEEK_SET)
        while True:
            try:
                msvcrt.locking(fd, msvcrt.LK_LOCK, 1)
                return
            except OSError:
                continue

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(fd: int, exclusive: bool) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH)

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


@dataclass(frozen=True)
class History:
    """``--history``: the file, and what it held when checked before the audit."""

    path: Path
    seen: Seen


def before_audit(path: Path | None) -> History | None:
    """``--history``: the file, checked before the audit runs (a damaged one stops it
    before any work; lines added meanwhile are checked under the lock, when the entry is
    appended)."""
    if path is None:
        return None
    file = resolved(path)
    return History(file, checked(file))


def recorded(report: AuditReport, history: History | None) -> AuditReport:
    """``report`` with its ``history``: the entries of the file and this audit's, appended."""
    if history is None:
        return report
    done = append(history.path, entry(report), history.seen)
    return dataclasses.replace(report, history=done.entries)
