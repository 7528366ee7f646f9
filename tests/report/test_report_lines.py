from __future__ import annotations

import pyarrow as pa
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.report.lines import finding_blocks, joined, one_line, one_line_column
from checker.report.model import FINDING_SCHEMA
from tests.hypothesis_profiles import examples

# Every kind of character one_line treats specially, among ordinary ones.
HOSTILE = st.text(
    alphabet=st.one_of(
        st.sampled_from(
            ["\t", "\n", "\r", "\x00", "\x07", "\x0b", "\x1b", "\x7f", "\x85", "\x9f", "\u202e"]
        ),
        st.sampled_from(["\u2066", "\u2069", "\ufffe", "\uffff", "\u3000", "客", " ", "a"]),
        st.characters(exclude_categories=("Cs",)),
    ),
    max_size=30,
)


@settings(max_examples=examples(300), deadline=None)
@given(st.lists(HOSTILE, max_size=8))
def test_column_cleaning_equals_the_one_value_cleaning(values):
    column = pa.array(values, pa.string())
    assert one_line_column(column).to_pylist() == [one_line(v) for v in values]


def _finding(**changes):
    row = {
        "rule": "r",
        "principle": "respect",
        "severity": "error",
        "status": "violation",
        "customer_id": "C-1",
        "event_id": "E1",
        "ts": "2025-03-03 10:00:00",
        "file": "log.csv",
        "line": 7,
        "message": "m",
        "evidence": "e",
    }
    return {**row, **changes}


def test_blocks_show_place_time_customer_message_then_evidence():
    rows = [
        _finding(),
        _finding(line=None),
        _finding(file=None, line=None, ts=None, evidence="a\nb\u202e"),
    ]
    table = pa.Table.from_pylist(rows, schema=FINDING_SCHEMA)
    assert joined(finding_blocks(table, indent="  ")).decode("utf-8").split("\n") == [
        "  log.csv:7  2025-03-03 10:00:00  C-1  unassigned@unassigned  m",
        "      e",
        "  log.csv  2025-03-03 10:00:00  C-1  unassigned@unassigned  m",
        "      e",
        "  —  —  C-1  unassigned@unassigned  m",
        "      a b\ufffd",
        "",
    ]
