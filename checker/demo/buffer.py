"""Column buffers the demo generator appends to: events and the planted lapses (truth)."""

from __future__ import annotations

import numpy as np

# column -> (dtype, null value). Times are seconds from the demo's start (local time).
COLUMNS: dict[str, tuple[type, int]] = {
    "cust": (np.int64, -1),  # customer index within the chunk
    "ts": (np.int64, -1),
    "ev": (np.int8, -1),
    "ch": (np.int8, 0),
    "agent": (np.int8, -1),
    "prod": (np.int16, -1),
    "amount": (np.int64, -1),
    "price": (np.int64, -1),
    "text": (np.int32, -1),
    "topic": (np.int16, -1),  # campaign or holiday shown in the text
    "ref": (np.int64, -1),  # index of the referenced event in this buffer
    "due": (np.int64, -1),
    "order": (np.int64, -1),
}


class Events:
    """Append-only event columns; events after `end` are silently not kept."""

    def __init__(self, end: int) -> None:
        self.end = end
        self._parts: dict[str, list[np.ndarray]] = {c: [] for c in COLUMNS}
        self.size = 0

    def add(
        self, cust: np.ndarray, ts: np.ndarray, ev: int | np.ndarray, **cols: int | np.ndarray
    ) -> np.ndarray:
        """Append events; returns their indices (-1 for those dropped for being after `end`)."""
        cust = np.asarray(cust, dtype=np.int64)
        ts = np.asarray(ts, dtype=np.int64)
        keep = ts <= self.end
        n = int(keep.sum())
        idx = np.full(len(ts), -1, dtype=np.int64)
        idx[keep] = np.arange(self.size, self.size + n)
        given = {"cust": cust, "ts": ts, "ev": ev, **cols}
        for name, (dtype, null) in COLUMNS.items():
            value = given.get(name, null)
            arr = np.broadcast_to(np.asarray(value), ts.shape).astype(dtype)
            self._parts[name].append(arr[keep])
        self.size += n
        return idx

    def columns(self) -> dict[str, np.ndarray]:
        out = {}
        for name, (dtype, _) in COLUMNS.items():
            parts = self._parts[name]
            out[name] = np.concatenate(parts) if parts else np.empty(0, dtype=dtype)
            self._parts[name] = [out[name]]
        return out


class Truth:
    """The planted lapses: rule, event index (or -1), customer index, detail (or '')."""

    def __init__(self) -> None:
        self.rows: list[tuple[str, np.ndarray, np.ndarray, str | np.ndarray]] = []

    def add(
        self, rule: str, event: np.ndarray | None, cust: np.ndarray, detail: str | np.ndarray = ""
    ) -> None:
        cust = np.asarray(cust, dtype=np.int64)
        ev = np.full(len(cust), -1, np.int64) if event is None else np.asarray(event, np.int64)
        if (event is not None) and (ev < 0).any():
            raise AssertionError(f"{rule}: a planted lapse points at an event after the end")
        self.rows.append((rule, ev, cust, detail))

    def discard(self, rule: str, event: np.ndarray) -> None:
        """Forget planted lapses of `rule` on these events (their setting did not hold)."""
        gone = set(np.asarray(event).tolist())
        self.rows = [
            (
                r,
                e[~np.isin(e, list(gone))],
                c[~np.isin(e, list(gone))],
                d if isinstance(d, str) else d[~np.isin(e, list(gone))],
            )
            if r == rule
            else (r, e, c, d)
            for r, e, c, d in self.rows
        ]
