"""Audit a small log in process and return its churn section (raw customer ids)."""

from __future__ import annotations

import tempfile
from collections.abc import Iterable, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from checker.churn.model import Churn
from checker.engine.audit import run_engine
from checker.engine.backends.duckdb import duckdb_session
from checker.findings import build_report
from checker.playbook import Playbook
from tests.reference.files import write_customers, write_log


def churn_of(
    rows: Iterable[Mapping[str, Any]],
    pb: Playbook,
    as_of: datetime | None = None,
    customers: list[dict[str, Any]] | None = None,
    lang: str = "en",
) -> Churn:
    with tempfile.TemporaryDirectory() as tmp:
        log = write_log(rows, Path(tmp) / "log.csv")
        people = write_customers(customers, Path(tmp) / "c.csv") if customers else None
        with duckdb_session() as (con, workdir):
            result = run_engine(con, workdir, [log], pb, customers=people, as_of=as_of)
        report = build_report(result, pb, lang=lang)
    assert report.churn is not None
    return report.churn
