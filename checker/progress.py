"""Live progress of an audit on stderr (only when stderr is a terminal): what it is doing,
the rows read so far, and the rule passes done out of all of them."""

from __future__ import annotations

from types import TracebackType

from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

LABELS = {
    "playbook": "loading the playbook",
    "read": "reading the logs",
    "audit": "checking the rules",
    "report": "writing the findings",
}


class AuditProgress:
    """A bar over the rule passes, with the step and the rows read beside it; silent (every
    method does nothing) when not enabled."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self._progress: Progress | None = None
        self._task: int | None = None

    def __enter__(self) -> AuditProgress:
        if self.enabled:
            self._progress = Progress(
                TextColumn("huitou: {task.description}"),
                TextColumn("{task.fields[rows]:,} rows read"),
                BarColumn(),
                TextColumn("{task.fields[passes]}"),
                TimeElapsedColumn(),
                console=Console(stderr=True),
                transient=True,
            )
            self._progress.__enter__()
            self._task = self._progress.add_task(LABELS["playbook"], total=None, rows=0, passes="")
        return self

    def step(self, name: str) -> None:
        """Now doing step ``name`` (see `LABELS`)."""
        if self._progress is not None and self._task is not None:
            self._progress.update(self._task, description=LABELS.get(name, name))

    def rows(self, count: int) -> None:
        """``count`` rows have been read so far."""
        if self._progress is not None and self._task is not None:
            self._progress.update(self._task, rows=count)

    def passes(self, done: int, total: int) -> None:
        """``done`` of the audit's ``total`` rule passes have finished."""
        if self._progress is not None and self._task is not None:
            self._progress.update(
                self._task, completed=done, total=total, passes=f"{done}/{total} passes"
            )

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._progress is not None:
            self._progress.__exit__(exc_type, exc, tb)
