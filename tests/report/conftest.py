"""One shared AuditReport covering every severity, status and shape of finding.

Golden files live in tests/report/golden/; regenerate them with HUITOU_UPDATE_GOLDEN=1
(then read the diff before keeping it).
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from checker.churn.model import Churn, LapsedCustomer, MonthCount, ReasonCount, SegmentCount
from checker.fingerprints import fingerprint
from checker.report.model import (
    AuditReport,
    Finding,
    InputSummary,
    Reject,
    RuleDoc,
    RuleSummary,
)
from checker.scorecards.model import Kpis, Score, Scorecard, Scorecards
from checker.trends.history import entry
from checker.trends.model import Counted, Trends

GOLDEN = Path(__file__).parent / "golden"
LOG = "logs/2025-03,门店.csv"

PRINCIPLES = {
    "respect": "尊重客户",
    "considerate": "替客户着想",
    "no-pressure": "不为难客户",
    "concede": "懂得让步",
    "integrity": "信守原则",
    "graceful-close": "漂亮收尾",
}


def _rule(rule: str, principle: str, severity: str, title: str, counts: tuple[int, int, int]):
    opportunities, violations, pending = counts
    return RuleSummary(rule, principle, severity, title, opportunities, violations, pending)


RULES = [
    _rule("cadence.greeting", "graceful-close", "warning", "购后问候", (120, 1, 2)),
    _rule("cadence.vip-callback", "graceful-close", "warning", "VIP 定期回访", (8, 1, 0)),
    _rule("cadence.holiday-greeting", "graceful-close", "info", "节日问候", (10, 1, 0)),
    _rule("cadence.birthday-greeting", "graceful-close", "info", "生日问候", (0, 0, 0)),
    _rule("service.complaint-ack", "respect", "error", "投诉两小时内回应", (6, 0, 1)),
    _rule("respect.no-blame", "respect", "error", "不指责客户", (40, 2, 0)),
    _rule("no-pressure.quiet-hours", "no-pressure", "warning", "免打扰时段", (30, 1, 0)),
    _rule("concede.no-hard-push", "concede", "warning", "异议后不强推", (3, 0, 0)),
    _rule("integrity.promise-kept", "integrity", "error", "说到做到", (5, 1, 1)),
]


# Who each finding is attributed to (agent, channel), by its event id; customer-level ones
# (no event) are unassigned.
WHO = {
    "e-0012": ("kf01", "store"),
    "e-0498": ("kf02", "im"),
    "e-0501": ("kf01", "store"),
    "e-0509": ("kf03", "phone"),
    "e-0105": ("kf02", "wechat"),
    "e-0233": ("kf04", "im"),
    "e-0321": ("kf03", "sms"),
    "e-0150": ("kf01", "phone"),
    "e-0505": ("unassigned", "im"),
}


def _finding(rule: str, status: str, customer: str, where: tuple, message: str, evidence: str):
    summary = next(r for r in RULES if r.rule == rule)
    event_id, ts, file, line = where
    anchor = f"id:{event_id}" if event_id else f"period:{ts or ''}|"
    return Finding(
        rule,
        summary.principle,
        summary.severity,
        status,
        customer,
        event_id,
        fingerprint(rule, customer, anchor),
        None,
        ts,
        file,
        line,
        message,
        evidence,
        *WHO.get(event_id, ("unassigned", "unassigned")),
    )


FINDINGS = [
    _finding(
        "cadence.greeting",
        "violation",
        "c-1a2b3c4d",
        ("e-0012", "2025-03-03 10:00:00", LOG, 14),
        "购买后 2 天内没有问候。",
        "购买 2025-03-03 10:00，首次问候 2025-03-06 11:00：晚了 3 天 1 小时；上限 2 天",
    ),
    _finding(
        "cadence.greeting",
        "pending",
        "c-5e6f7a8b",
        ("e-0498", "2025-03-30 20:15:00", LOG, 500),
        "购买后 2 天内没有问候。",
        "购买 2025-03-30 20:15，期限 2025-04-01 20:15 在截至时间之后",
    ),
    _finding(
        "cadence.greeting",
        "pending",
        "c-9c0d1e2f",
        ("e-0501", "2025-03-31 09:00:00", LOG, 503),
        "购买后 2 天内没有问候。",
        "购买 2025-03-31 09:00，期限 2025-04-02 09:00 在截至时间之后",
    ),
    _finding(
        "cadence.vip-callback",
        "violation",
        "c-77aa88bb",
        (None, None, None, None),
        "VIP 客户 31 天内没有回访。",
        "上次回访 2025-01-20 15:00，到截至时间已 70 天；上限 31 天",
    ),
    _finding(
        "cadence.holiday-greeting",
        "violation",
        "c-77aa88bb",
        (None, "2025-01-29 00:00:00", None, None),
        "节日窗口内没有节日问候。",
        "春节 2025-01-28 至 2025-02-04 没有 holiday_greeting",
    ),
    _finding(
        "service.complaint-ack",
        "pending",
        "c-3344ccdd",
        ("e-0509", "2025-03-31 22:30:00", LOG, 511),
        "投诉后 2 小时内没有回应。",
        "投诉 2025-03-31 22:30，期限 2025-04-01 00:30 在截至时间之后",
    ),
    _finding(
        "respect.no-blame",
        "violation",
        "c-1a2b3c4d",
        ("e-0105", "2025-03-11 14:02:00", LOG, 107),
        "客服消息里有指责客户的话。",
        "“是你自己的问题” 出现在：“这个是你自己的问题,退款只能退 50%”",
    ),
    _finding(
        "respect.no-blame",
        "violation",
        "c-eeff0011",
        ("e-0233", "2025-03-18 16:40:00", "logs/im.jsonl", 233),
        "Shop message blames the customer.",
        'matched "your own fault" in: "that\'s your own fault: read the manual"',
    ),
    _finding(
        "no-pressure.quiet-hours",
        "violation",
        "c-5e6f7a8b",
        ("e-0321", "2025-03-21 22:05:00", LOG, 323),
        "21:00 到 09:00 之间联系了客户。",
        "sms 2025-03-21 22:05，客户当地时间 22:05",
    ),
    _finding(
        "integrity.promise-kept",
        "violation",
        "c-3344ccdd",
        ("e-0150", "2025-03-12 11:00:00", LOG, 152),
        "承诺到期没有兑现。",
        "承诺 e-0150 到期 2025-03-15 18:00，没有 ref 指向它的 promise_kept",
    ),
    _finding(
        "integrity.promise-kept",
        "pending",
        "c-9c0d1e2f",
        ("e-0505", "2025-03-31 10:00:00", LOG, 507),
        "承诺到期没有兑现。",
        "承诺 e-0505 到期 2025-04-03 18:00 在截至时间之后",
    ),
]

REASONS = [
    '无法解析的时间 "2025-13-01 10:00"',
    "缺少必填字段 customer_id",
    '未知事件 "greting"（是不是 greeting？）',
]
REJECTS = [Reject(LOG, 3 + i, REASONS[i % 3]) for i in range(22)]
REJECTS.append(Reject("logs/im.jsonl", 9, 'event_id "e-0007" 已在 logs/im.jsonl:4 出现'))


def _card(who: str, greeting: tuple[int, int, int], kpis: Kpis | None) -> Scorecard:
    """A card over the greeting rule alone (its share: of the shop's 3 greeting findings)."""
    opportunities, violations, pending = greeting
    score = Score(opportunities, violations, pending, round((violations + pending) / 3, 4))
    return Scorecard(who, score, {"graceful-close": score}, {"cadence.greeting": score}, kpis)


SCORECARDS = Scorecards(
    agents=[
        _card("kf01", (70, 1, 1), Kpis(10, 4, 12, 268.5, 199.0, 3, 2)),
        _card("kf02", (50, 0, 1), Kpis(0, 0, 8, 99.0, 99.0, 0, 0)),
    ],
    channels=[_card("store", (70, 1, 1), None), _card("im", (50, 0, 1), None)],
)


CHURN = Churn(
    after="180d",
    repeat_customers=40,
    lapsed=3,
    reasons=[
        ReasonCount("complaint", "投诉未及时受理或解决", 1),
        ReasonCount("silence", "长期没有联系", 2),
        ReasonCount("none", "以上都不是", 1),
    ],
    by_segment=[SegmentCount("vip", "贵宾客户", 1), SegmentCount("regular", "老客户", 2)],
    by_month=[MonthCount("2025-01", 1), MonthCount("2025-02", 0), MonthCount("2025-03", 2)],
    customers=[
        LapsedCustomer("C-0a1b2c3d4e", "regular", 3, "2024-09-20 10:00:00", "2025-03-19", ["none"]),
        LapsedCustomer(
            "C-9f8e7d6c5b", "vip", 6, "2024-09-02 15:30:00", "2025-03-01", ["complaint", "silence"]
        ),
        LapsedCustomer(
            "C-5566778899", "regular", 2, "2024-07-15 09:00:00", "2025-01-11", ["silence"]
        ),
    ],
)
# Four weeks of March 2025 (the third without an outcome: its zeros fill the gap).
C = Counted
TRENDS = Trends(
    weeks=["2025-03-03", "2025-03-10", "2025-03-17", "2025-03-24"],
    principles={
        "graceful-close": [C(40, 1, 0), C(50, 2, 0), C(), C(48, 0, 2)],
        "respect": [C(12, 0, 0), C(10, 1, 0), C(), C(24, 1, 1)],
    },
    rules={
        "cadence.greeting": [C(36, 1, 0), C(40, 0, 0), C(), C(44, 0, 2)],
        "respect.no-blame": [C(10, 0, 0), C(8, 1, 0), C(), C(22, 1, 0)],
    },
)
PAST_AUDIT = {
    "recorded_at": "2025-03-24T01:00:00+00:00",
    "as_of": "2025-03-23 23:59:59",
    "playbook": "playbooks/seed",
    **C(150, 9, 2).as_dict(),
    "principles": {"respect": C(30, 3, 0).as_dict()},
    "rules": {"respect.no-blame": C(30, 3, 0).as_dict()},
    "agents": {"kf01": C(80, 2, 1).as_dict(), "unassigned": C(70, 7, 1).as_dict()},
}


@pytest.fixture
def report() -> AuditReport:
    source = InputSummary(
        rows_read=523,
        rows_checked=500,
        rows_rejected=len(REJECTS),
        rejects=list(REJECTS),
        files=[LOG, "logs/im.jsonl"],
    )
    built = AuditReport(
        playbook="playbooks/seed",
        as_of="2025-03-31 23:59:59",
        lang="zh",
        input=source,
        rules=list(RULES),
        findings=list(FINDINGS),
        principles=dict(PRINCIPLES),
        scorecards=SCORECARDS,
        churn=CHURN,
        exit_code=1,
        rule_docs={
            r.rule: RuleDoc(
                f"{r.title}：检查 {r.rule}。",
                f"按《{r.title}》补上遗漏的联系。",
                f"https://shop.example/handbook/rules/#rule-{r.rule.replace('.', '-')}",
            )
            for r in RULES
        },
        trends=TRENDS,
    )
    now = entry(built, datetime(2025, 4, 1, 1, 0, tzinfo=UTC))  # this audit: the last entry
    return dataclasses.replace(built, history=[PAST_AUDIT, now])


@pytest.fixture
def golden() -> Callable[[str, bytes], None]:
    """Compare bytes with golden/NAME, or rewrite it when HUITOU_UPDATE_GOLDEN=1."""

    def check(name: str, actual: bytes) -> None:
        path = GOLDEN / name
        if os.environ.get("HUITOU_UPDATE_GOLDEN") == "1":
            path.write_bytes(actual)
        assert path.exists(), f"missing {path}; run with HUITOU_UPDATE_GOLDEN=1 to create it"
        assert actual == path.read_bytes(), f"{name} differs from the golden file"

    return check
