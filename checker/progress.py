"""A progress bar on stderr for long audits (only when stderr is a terminal)."""

from __future__ import annotations

from types import TracebackType

from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

LABELS = {
    "playbook": "loading the playbook",
    "audit": "reading the logs and checking every rule",
    "report": "writing the findings",
}


class Steps:
    """The audit's named steps as a bar with elapsed time; silent when not on a terminal."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self._progress: Progress | None = None
        self._task: int | None = None
        self._started = False

    def __enter__(self) -> Steps:
        if self.enabled:
            self._progress = Progress(
                TextColumn("huitou: {task.description}"),
                BarColumn(),
                TextColumn("{task.completed}/{task.total}"),
                TimeElapsedColumn(),
                console=Console(stderr=True),
                transient=True,
            )
            self._progress.__enter__()
            self._task = self._progress.add_task("starting", total=len(LABELS))
        return self

    def advance(self, step: str) -> None:
        if self._progress is not None and self._task is not None:
            self._progress.update(
                self._task,
                description=LABELS.get(step, step),
                advance=1 if self._started else 0,
            )
            self._started = True

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._progress is not None:
            self._progress.__exit__(exc_type, exc, tb)
