"""Nothing the engine builds is DuckDB-only: every query of an audit compiles with Ibis's
PySpark SQL compiler. (Reading a file into a table is backend-specific by design, see
`checker.engine.backends`; everything after it is plain Ibis.) Compiling needs no Spark: the
compiler only reads the PySpark backend's one option, given here. The queries run on Spark
in `tests/spark/`."""

from __future__ import annotations

import ibis
import ibis.expr.types as ir
import pytest
from ibis.config import Config

from checker.churn.query import lapsed_query, repeat_count_query
from checker.churn.spec import churn_spec
from checker.engine import evaluate, plan
from checker.engine.customer_keys import key_counts
from checker.engine.segments import segment_table
from checker.engine.tally import summary_query, tally
from checker.log.columns import CANONICAL
from checker.log.normalize import normalize
from checker.playbook import Playbook
from checker.playbook.load import load_playbook
from checker.scorecards.kpi_query import kpi_query
from tests.engine.conftest import demo_prepared


class PySparkOptions(Config):
    """`ibis.options.pyspark`, which the PySpark backend registers when Spark is installed."""

    treat_nan_as_null: bool = False


def _queries(pb: Playbook) -> dict[str, ir.Table]:
    """Every query an audit of the demo log runs after reading the file, by name."""
    raw = ibis.table(dict.fromkeys(CANONICAL, "string"), name="raw_log")
    out: dict[str, ir.Table] = {"typing the rows": normalize(raw, pb)}
    with demo_prepared(pb) as prep:
        ctx = evaluate.context(prep, pb, pb.rules)
        out["segments"] = segment_table(prep.events, pb, prep.as_of, prep.customers)
        out["every row's event id"] = prep.events.select("seq", "event_id")
        out["agent KPIs"] = kpi_query(prep.events, pb, prep.as_of)
        out["repeat customers"] = repeat_count_query(prep.events, pb)
        spec = churn_spec(pb)
        out["lapsed customers"] = lapsed_query(prep.events, prep.segments, pb, spec, prep.as_of)
        out["customer keys"] = key_counts(prep.segments)
        scopes = [s for r in pb.rules if (s := evaluate.own_rows(r, ctx, prep.events)) is not None]
        out["counting rows for the plan"] = plan.signature_counts(prep.events, scopes, 7)
        for i, p in enumerate(evaluate.passes(prep, pb, pb.rules)):
            parts = [part for _, o in p.outcomes if isinstance(o, list) for part in o]
            tables = [o for _, o in p.outcomes if not isinstance(o, list)]
            rules = ", ".join(r.id for r, _ in p.outcomes)
            if parts:
                out[f"pass {i} ({rules})"] = tally(p.table, parts).expr
            if tables:
                out[f"pass {i} (outcome tables)"] = summary_query(tables)
    return out


def test_every_query_compiles_to_spark_sql(monkeypatch: pytest.MonkeyPatch) -> None:
    pb = load_playbook()
    queries = _queries(pb)
    assert len(queries) > 8
    monkeypatch.setattr(ibis.options, "pyspark", PySparkOptions())
    failed = {}
    for name, query in queries.items():
        try:
            sql = ibis.to_sql(query, dialect="pyspark")
        except Exception as exc:  # the test reports every query that does not compile
            failed[name] = f"{type(exc).__name__}: {exc}"
        else:
            assert "SELECT" in sql
    assert failed == {}


def test_spark_trims_whitespace_by_code_not_by_escape(monkeypatch: pytest.MonkeyPatch) -> None:
    """Ibis writes the whitespace to trim as an escaped literal, in which Spark reads ``\\v``
    and ``\\f`` as letters (so ``'vip'`` lost its ``v``); the Spark backend's compiler
    names the characters by code."""
    from checker.engine.backends.spark_ibis import WHITESPACE, TrimmingPySparkCompiler

    monkeypatch.setattr(ibis.options, "pyspark", PySparkOptions())
    t = ibis.table({"a": "string"}, name="t")
    ours = TrimmingPySparkCompiler().to_sqlglot(t.select(b=t.a.strip())).sql("spark")
    assert "\\v" in ibis.to_sql(t.a.strip(), dialect="pyspark")  # Ibis's own, the bug
    assert "\\v" not in ours and "\\f" not in ours
    assert all(f"CHR({code})" in ours for code in WHITESPACE)
    assert sorted(WHITESPACE) == [9, 10, 11, 12, 13, 32]
