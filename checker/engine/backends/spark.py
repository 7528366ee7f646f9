"""The Spark backend: a session through Ibis's PySpark backend (local mode, a cluster, or
Spark Connect with ``sc://``), reading with Spark's own readers.

The session's time zone is UTC: the engine's times are naive wall-clock times of the
playbook's zone, and in UTC Spark neither shifts them nor meets a daylight-saving gap.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import ibis
import ibis.expr.types as ir
import pyarrow as pa
import pyarrow.parquet as pq

from checker.engine import cache
from checker.engine.backends.base import Backend, Build, customers_file, no_customer_id
from checker.engine.backends.spark_ibis import connect
from checker.engine.backends.spark_read import LINE, read_logs, read_numbered
from checker.engine.report_order import in_report_order_here
from checker.errors import HuitouError, Problem

LOG_CONFIG = Path(__file__).with_name("spark-log4j2.properties")
SETTINGS = {
    "spark.app.name": "huitou",
    "spark.ui.enabled": "false",
    "spark.ui.showConsoleProgress": "false",
    "spark.sql.session.timeZone": "UTC",
    "spark.sql.execution.arrow.pyspark.enabled": "true",
}


class Spark(Backend):
    """The audit on a Spark session (see `spark_session`)."""

    name = "spark"

    def read_logs(
        self,
        paths: list[Path],
        aliases: dict[str, str],
        build: Build,
        on_rows: Callable[[int], None] | None = None,
    ) -> ir.Table:
        rows = read_logs(self.con, paths, aliases, build)
        if on_rows is not None:
            on_rows(rows.count().to_pyarrow().as_py())
        return rows

    def write_in_report_order(self, spilled: list[Path], files: list[str], out: Path) -> None:
        """Sorted here, by Arrow: no trip of the findings to Spark and back (in memory)."""
        found = pa.concat_tables([pq.read_table(path) for path in spilled])
        pq.write_table(in_report_order_here(found, files), out)

    def read_customers(self, path: Path) -> ir.Table:
        df = read_numbered(self.con._session, customers_file(path), 2)
        if "customer_id" not in df.columns:
            raise no_customer_id([c for c in df.columns if c != LINE], path)
        name = ibis.util.gen_name("huitou_customers")
        df.createOrReplaceTempView(name)
        t = cache.hold(self.con.table(name), lambda: self.con._session.catalog.dropTempView(name))
        return t.rename(line=LINE)


def _session_class() -> Any:
    try:
        from pyspark.sql import SparkSession
    except ImportError as exc:
        raise HuitouError(
            "Spark is not installed.",
            [Problem('install it with: pip install "huitou[spark]" (and a Java 17 runtime)')],
        ) from exc
    return SparkSession


def _builder(master: str, java_options: tuple[str, ...]) -> Any:
    builder = _session_class().builder
    if master.startswith("sc://"):  # Spark Connect: the server has its own settings
        return builder.remote(master).appName("huitou")
    if (
        master.startswith("local")
        and shutil.which("java") is None
        and not os.environ.get("JAVA_HOME")
    ):
        raise HuitouError(
            "Spark needs Java.",
            [
                Problem(
                    "install a Java 17 runtime (Debian: apt-get install openjdk-17-jre-headless)"
                )
            ],
        )
    builder = builder.master(master)
    for key, value in SETTINGS.items():
        builder = builder.config(key, value)
    if master.startswith("local"):  # few cores: a few shuffle partitions, quiet logs
        builder = builder.config("spark.sql.shuffle.partitions", str(2 * (os.cpu_count() or 1)))
        options = (f"-Dlog4j2.configurationFile={LOG_CONFIG.as_uri()}", *java_options)
        builder = builder.config("spark.driver.extraJavaOptions", " ".join(options))
    return builder


def start_session(master: str, java_options: tuple[str, ...] = ()) -> Any:
    """A new Spark session on ``master`` with the audit's settings; in local mode, its JVM
    started with ``java_options`` too."""
    session = _builder(master, java_options).getOrCreate()
    if not master.startswith("sc://"):
        session.sparkContext.setLogLevel("ERROR")
    return session


@contextmanager
def spark_session(master: str) -> Iterator[tuple[ibis.BaseBackend, Path]]:
    """A Spark session on ``master`` as an Ibis connection, and a scratch folder. A session
    already running in this process is used (and left running); one started here stops on
    leaving. The session's cached tables are released either way."""
    running = _session_class().getActiveSession()
    session = running or start_session(master)
    scratch = tempfile.mkdtemp(prefix="huitou-spark-")
    token = cache.begin()
    try:
        yield connect(session), Path(scratch)
    finally:
        try:
            cache.detach(token)()
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
            if running is None:
                session.stop()
