"""Adding one row of a grouped outcome count (rule, status, n) to a cell of
[opportunities, violations, pending]: what the scorecards and the weekly trends both do."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

Cell = list[int]  # [opportunities, violations, pending]


def count_into(cell: Cell, row: Mapping[str, Any]) -> None:
    """Every outcome is an opportunity; a violation or a pending one counts as that too."""
    n = int(row["n"])
    cell[0] += n
    if row["status"] == "violation":
        cell[1] += n
    elif row["status"] == "pending":
        cell[2] += n
