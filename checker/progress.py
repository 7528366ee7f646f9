"""A progress display on stderr for long audits (only on a terminal)."""

from __future__ import annotations

from types import TracebackType

from rich.console import Console
from rich.status import Status

LABELS = {
    "playbook": "loading the playbook",
    "audit": "reading the logs and checking every rule",
    "report": "writing the findings",
}


class Steps:
    """Named steps shown as a spinner with elapsed time; silent when not on a terminal."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self._status: Status | None = None

    def __enter__(self) -> Steps:
        if self.enabled:
            self._status = Console(stderr=True).status("huitou: starting")
            self._status.__enter__()
        return self

    def advance(self, step: str) -> None:
        if self._status is not None:
            self._status.update(f"huitou: {LABELS.get(step, step)}")

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._status is not None:
            self._status.__exit__(exc_type, exc, tb)
