"""Evidence sentences, written for a whole rule's findings at once with Arrow kernels.

The expected texts are what the per-row f-string evidence of every kind wrote before it was
vectorised (zh and en, every case of every kind); the helpers are checked against the scalar
functions they replace (``humanize``, hand-formatted times) on edge values.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from typing import Any

import pyarrow as pa
import pytest

from checker.durations import humanize
from checker.engine.kinds._evidence import cases, fill, fmt_day, fmt_ts, gap, per_value, ts_text
from checker.engine.outcomes import OUTCOME_SCHEMA
from checker.engine.registry import get_kind, kinds
from checker.playbook import load_playbook

T0, T1, T2 = (
    datetime(2025, 3, 3, 10),
    datetime(2025, 3, 6, 11, 0, 29, 500000),
    datetime(2025, 3, 5, 10),
)
MARKETING_ZH, MARKETING_EN = (
    "活动邀请、降价通知、促销",
    "invitation or price-drop notice or promotion",
)

# (rule, outcome row, zh, en): every case of every kind, with the seed playbook's parameters.
CASES: list[tuple[str, dict[str, Any], str, str]] = [
    (
        "callcentre.weekly-quota",
        {
            "status": "violation",
            "ts": datetime(2025, 3, 3),
            "deadline": datetime(2025, 3, 10),
            "detail": "kf01",
            "count": 120,
        },
        "账号 kf01 在 2025-03-03 起的时段内联系了 120 位客户；要求至少 200 位",
        "account kf01 reached 120 customers in the period from 2025-03-03; required at least 200",
    ),
    (
        "callcentre.weekly-quota",
        {
            "status": "pending",
            "ts": datetime(2025, 3, 3),
            "deadline": datetime(2025, 3, 10),
            "detail": "kf02",
            "count": 30,
        },
        "账号 kf02 自 2025-03-03 起已联系 30 位客户，到 2025-03-10 00:00 止需至少 200 位",
        "account kf02: 30 customers since 2025-03-03; at least 200 due by 2025-03-10 00:00",
    ),
    (
        "cadence.greeting",
        {"status": "pending", "ts": T0, "deadline": T2},
        "购买 2025-03-03 10:00：关怀、购后问候应在 2025-03-05 10:00 前完成",
        "purchase 2025-03-03 10:00: care message or greeting due by 2025-03-05 10:00",
    ),
    (
        "cadence.greeting",
        {"status": "violation", "ts": T0, "deadline": T2},
        "购买 2025-03-03 10:00，截至审计结束没有关怀、购后问候；时限 2 天",
        "purchase 2025-03-03 10:00, no care message or greeting by the audit's end; limit 2 days",
    ),
    (
        "cadence.greeting",
        {"status": "violation", "ts": T0, "deadline": T2, "ref_ts": T1},
        "购买 2025-03-03 10:00，间隔足够的关怀、购后问候 2025-03-06 11:00："
        "相隔 3 天 1 小时；时限 2 天",
        "purchase 2025-03-03 10:00, first care message or greeting from 1 hour on "
        "2025-03-06 11:00: 3 d 1 h after; "
        "limit 2 days",
    ),
    (
        "cadence.keep-in-touch",
        {"status": "pending", "event_id": "e1", "line": 2, "ts": T0, "deadline": T2},
        "上次联系 2025-03-03 10:00：下次联系应在 2025-03-05 10:00 前",
        "last contact 2025-03-03 10:00: next contact due by 2025-03-05 10:00",
    ),
    (
        "cadence.keep-in-touch",
        {"status": "violation", "ts": T0, "deadline": T2},
        "起点 2025-03-03 10:00，此后再无联系；上限 45 天",
        "since 2025-03-03 10:00, no contact since; limit 45 days",
    ),
    (
        "cadence.keep-in-touch",
        {"status": "violation", "ts": T0, "deadline": T2, "ref_ts": T1},
        "起点 2025-03-03 10:00，下次 2025-03-06 11:00：间隔 3 天 1 小时；上限 45 天",
        "since 2025-03-03 10:00, next 2025-03-06 11:00: 3 d 1 h apart; limit 45 days",
    ),
    (
        "integrity.promise-kept",
        {"status": "pending", "ts": T0, "deadline": T2},
        "承诺 2025-03-03 10:00，期限 2025-03-05 10:00：尚未到期",
        "promise 2025-03-03 10:00, due 2025-03-05 10:00: not yet due",
    ),
    (
        "integrity.promise-kept",
        {"status": "violation", "ts": T0, "deadline": T2},
        "承诺 2025-03-03 10:00，期限 2025-03-05 10:00：没有兑现承诺",
        "promise 2025-03-03 10:00, due 2025-03-05 10:00: never promise kept",
    ),
    (
        "integrity.promise-kept",
        {"status": "violation", "ts": T0, "deadline": T2, "ref_ts": T1},
        "承诺 2025-03-03 10:00，期限 2025-03-05 10:00：2025-03-06 11:00 才兑现，逾期 1 天 1 小时",
        "promise 2025-03-03 10:00, due 2025-03-05 10:00: kept 2025-03-06 11:00, 1 d 1 h late",
    ),
    (
        "cadence.care-before-marketing",
        {"status": "violation", "ts": T1, "ref_ts": T0},
        f"上次互动 2025-03-03 10:00，沉默 3 天 1 小时 后首先发出的是{MARKETING_ZH}"
        "（2025-03-06 11:00）",
        "last interaction 2025-03-03 10:00; after 3 d 1 h of silence the first outreach was "
        f"{MARKETING_EN} (2025-03-06 11:00)",
    ),
    (
        "concede.no-hard-push",
        {"status": "violation", "ts": T1, "ref_ts": T0},
        f"异议 2025-03-03 10:00，3 天 1 小时后的下一次联系是{MARKETING_ZH}",
        f"objection 2025-03-03 10:00; the next outreach, 3 d 1 h later, was {MARKETING_EN}",
    ),
    (
        "considerate.no-repeat-offer",
        {"status": "violation", "ts": T1, "ref_ts": T0},
        "购买 2025-03-03 10:00，促销 2025-03-06 11:00：相隔 3 天 1 小时；需间隔超过 30 天",
        "purchase 2025-03-03 10:00, promotion 2025-03-06 11:00: 3 d 1 h later; "
        "must be more than 30 days",
    ),
    (
        "no-pressure.opt-out",
        {"status": "violation", "ts": T1},
        f"退订 —，{MARKETING_ZH} 2025-03-06 11:00：相隔 ?",
        f"opt-out —, {MARKETING_EN} 2025-03-06 11:00: ? later",
    ),
    (
        "cadence.holiday-greeting",
        {
            "status": "pending",
            "ts": datetime(2025, 1, 29),
            "deadline": T2,
            "detail": "spring_festival",
        },
        "春节 2025-01-29：窗口到 2025-03-05 10:00 结束",
        "Spring Festival 2025-01-29: window ends 2025-03-05 10:00",
    ),
    (
        "cadence.birthday-greeting",
        {"status": "violation", "deadline": T2},
        "生日 —：窗口内（至 2025-03-05 10:00）没有问候",
        "birthday —: no greeting in the window (until 2025-03-05 10:00)",
    ),
    (
        "respect.no-blame",
        {"status": "violation", "ts": T0, "detail": "怪你自己"},
        "2025-03-03 10:00 的消息含有“怪你自己”",
        "the message at 2025-03-03 10:00 contains “怪你自己”",
    ),
    (
        "no-pressure.quiet-hours",
        {"status": "violation", "ts": T0},
        "2025-03-03 10:00 在休息时段 21:00–09:00 内",
        "2025-03-03 10:00 is within quiet hours 21:00–09:00",
    ),
    (
        "service.agent-account",
        {"status": "violation", "ts": T0, "detail": "unknown"},
        "2025-03-03 10:00 的 `agent_id` 不在花名册中",
        "`agent_id` of the event at 2025-03-03 10:00 is not on the roster",
    ),
    (
        "integrity.promise-has-due",
        {"status": "violation", "ts": T0},
        "2025-03-03 10:00 的记录缺少 `due`",
        "the event at 2025-03-03 10:00 has no `due`",
    ),
    (
        "no-pressure.frequency-cap",
        {"status": "violation", "ts": T1, "ref_ts": T0, "count": 3},
        f"2025-03-03 10:00 至 2025-03-06 11:00 共 3 次{MARKETING_ZH}；上限为 30 天 内 2 次",
        f"3 {MARKETING_EN} from 2025-03-03 10:00 to 2025-03-06 11:00; cap 2 per 30 days",
    ),
    (
        "service.no-marketing-open-complaint",
        {"status": "violation", "ts": T1, "ref_ts": T0},
        f"投诉 2025-03-03 10:00 尚无投诉解决，{MARKETING_ZH} 2025-03-06 11:00",
        f"complaint 2025-03-03 10:00 still without resolution, {MARKETING_EN} 2025-03-06 11:00",
    ),
]


def _rows(rule: str, given: list[dict[str, Any]]) -> pa.Table:
    """Outcome rows of one rule: the given fields, every other column null."""
    schema = OUTCOME_SCHEMA.to_pyarrow()
    full = [{**dict.fromkeys(schema.names), "rule": rule, "customer_id": "c", **g} for g in given]
    return pa.Table.from_pylist(full, schema=schema)


@pytest.fixture(scope="module")
def seed():
    return load_playbook(None)


def test_the_cases_cover_every_kind(seed):
    covered = {seed.rule(rule).kind for rule, *_ in CASES}
    assert covered == set(kinds())


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_case_of_every_kind_reads_as_before(seed, lang):
    by_rule: dict[str, list[tuple[dict[str, Any], str]]] = {}
    for rule, row, zh, en in CASES:
        by_rule.setdefault(rule, []).append((row, zh if lang == "zh" else en))
    for rule_id, pairs in by_rule.items():  # all the cases of a rule in one table, in order
        rule = seed.rule(rule_id)
        rows = _rows(rule_id, [row for row, _ in pairs])
        out = get_kind(rule.kind).evidence(rows, rule, seed, lang)
        assert isinstance(out, pa.Array)
        assert out.to_pylist() == [text for _, text in pairs], rule_id


def test_gap_is_humanize_on_every_duration():
    rnd = random.Random(7)
    deltas = [
        timedelta(0),
        timedelta(microseconds=499_999),
        timedelta(microseconds=500_000),  # rounds half to even, as round() does
        timedelta(seconds=1, microseconds=500_000),
        timedelta(seconds=2, microseconds=500_000),
        timedelta(seconds=-90),
        timedelta(days=3, seconds=5),  # units in between are zero
        timedelta(days=400, hours=1, minutes=2, seconds=3),
        timedelta(seconds=3599, microseconds=500_001),
        *(timedelta(microseconds=rnd.randrange(-(10**13), 10**13)) for _ in range(2000)),
    ]
    base = datetime(2025, 1, 1)
    later = pa.array([base + d for d in deltas] + [None, base], pa.timestamp("us"))
    earlier = pa.array([base] * len(deltas) + [base, None], pa.timestamp("us"))
    for lang in ("zh", "en"):
        expected = [humanize(d, lang) for d in deltas] + [None, None]
        assert gap(later, earlier, lang).to_pylist() == expected


def test_times_are_formatted_like_datetime_fields():
    values = [
        datetime(2025, 3, 3, 10, 0, 59, 999_999),
        datetime(1969, 12, 31, 23, 59, 59, 500_000),  # before the epoch: still truncated
        datetime(999, 1, 2, 3, 4, 5),
        datetime(9999, 12, 31, 23, 59, 59),
        None,
    ]
    column = pa.array(values, pa.timestamp("us"))
    v = [x for x in values if x]
    assert ts_text(column).to_pylist() == [
        f"{x.year:04d}-{x.month:02d}-{x.day:02d} {x.hour:02d}:{x.minute:02d}:{x.second:02d}"
        for x in v
    ] + [None]
    assert fmt_ts(column).to_pylist() == [
        f"{x.year:04d}-{x.month:02d}-{x.day:02d} {x.hour:02d}:{x.minute:02d}" for x in v
    ] + ["—"]
    assert fmt_day(column).to_pylist() == [f"{x.year:04d}-{x.month:02d}-{x.day:02d}" for x in v] + [
        "—"
    ]


def test_fill_takes_strings_arrays_and_numbers_and_keeps_nulls():
    out = fill(
        "{a}：{b} {{x}} {n} 次",
        a="标签 {b}",  # a value is never read as a template
        b=pa.array(["x", None, "“引号”"]),
        n=pa.array([1, 2, -3]),
        unused="ignored",
    )
    assert out.to_pylist() == ["标签 {b}：x {x} 1 次", None, "标签 {b}：“引号” {x} -3 次"]


@pytest.mark.parametrize("template", ["{missing}", "{b!r}", "{b:>5}", "no column {a}"])
def test_fill_refuses_bad_templates(template):
    with pytest.raises(ValueError, match="template"):
        fill(template, a="text", b=pa.array(["x"]))


def test_cases_take_the_first_true_branch_and_null_is_false():
    first = pa.array([True, None, False, True])
    second = pa.array([True, True, None, False])
    out = cases(
        (first, pa.array(["a1", "a2", "a3", "a4"])),
        (second, pa.array(["b1", "b2", "b3", "b4"])),
        otherwise=pa.array(["c1", "c2", "c3", "c4"]),
    )
    assert out.to_pylist() == ["a1", "b2", "c3", "a4"]


def test_per_value_calls_once_per_distinct_value_null_included():
    calls: list[str | None] = []

    def name(key: str | None) -> str:
        calls.append(key)
        return f"<{key}>"

    out = per_value(pa.chunked_array([["a", None], ["a", "b", None]]), name)
    assert out.to_pylist() == ["<a>", "<None>", "<a>", "<b>", "<None>"]
    assert sorted(map(str, calls)) == ["None", "a", "b"]
