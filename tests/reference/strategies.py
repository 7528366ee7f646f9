"""Hypothesis strategies for small, nasty logs: ties, deltas exactly at windows (and one
second either side), every event type, empty channels, a tiny product set, promises."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from random import Random
from typing import Any

import holidays
from hypothesis import strategies as st

S = timedelta(seconds=1)
MIN, HOUR, DAY = timedelta(minutes=1), timedelta(hours=1), timedelta(days=1)

# The windows of the seed rules and of the shop playbook the tests use.
WINDOWS = [
    15 * MIN,
    HOUR,
    2 * HOUR,
    24 * HOUR,
    2 * DAY,
    7 * DAY,
    10 * DAY,
    15 * DAY,
    30 * DAY,
    31 * DAY,
    45 * DAY,
    60 * DAY,
    90 * DAY,
    180 * DAY,
    365 * DAY,
]
DELTAS = sorted(
    {timedelta(0), S, 5 * MIN, 3 * HOUR, 5 * DAY} | {w + k * S for w in WINDOWS for k in (-1, 0, 1)}
)
# Times of day at the edges of quiet hours (seed 21:00-09:00, shop 08:00-20:00) and midnight.
BASES = [
    datetime(2024, 9, 24, 8, 59, 59),
    datetime(2024, 12, 26, 21, 0, 0),
    datetime(2025, 1, 20, 20, 59, 59),
    datetime(2025, 9, 26, 9, 0, 0),
    datetime(2024, 2, 20, 0, 0, 0),
    datetime(2025, 4, 28, 7, 59, 59),
]
BIRTHDAYS = ["10-05", "2000-02-29", "01-01", "1990-09-30", "02-28"]


def _holiday_edges() -> list[datetime]:
    """Occasion window edges (before 3d / 1d, after 1d) around the holidays of 2024 and 2025."""
    days: set[date] = set()
    for year in (2024, 2025):
        days.update(holidays.country_holidays("CN", years=year, language="en_US"))
    return [edge for d in sorted(days) for edge in _edges(d)]


def _edges(day: date) -> list[datetime]:
    midnight = datetime.combine(day, datetime.min.time())
    return [midnight + k * DAY for k in (-3, -1, 0, 1, 2, 4)]


def _birthday_edges(birthday: str | None) -> list[datetime]:
    if not birthday:
        return []
    month, day = (int(x) for x in birthday.split("-")[-2:])
    days = [date(y, month, day if (month, day) != (2, 29) else 28) for y in (2024, 2025)]
    return [edge for d in days for edge in _edges(d)]


HOLIDAY_EDGES = _holiday_edges()
CUSTOMERS = ["c1", "c2", "c10", "C3", "007", "张三"]
CUSTOMER_EVENTS = ["purchase"] * 4 + [
    "refund",
    "complaint",
    "objection",
    "busy",
    "opt_out",
    "reply",
    "expiry",
]
SHOP_EVENTS = [
    *["farewell", "greeting", "usage_check", "care", "holiday_greeting", "birthday_greeting"],
    *["thanks", "gift", "callback", "visit", "complaint_ack", "resolution", "feedback"],
    *["concession", "promise", "promise", "promise_kept", "promise_kept"],
    *["promotion", "promotion", "invitation", "price_drop"] * 2,
    *["progress", "renewal_reminder"],
]
CHANNELS = [None, None, "store", "visit", "phone", "sms", "im", "wechat", "email", "mail"]
AGENTS = ["a1", "a1", "a2", "007", None, "  ", "zz"]
PRODUCTS = [None, "tea", "tea", "cup"]
AMOUNTS = [None, "0", "100", "50.5", "1999.5", "2000", "2500", "9000"]
TEXTS = [
    None,
    None,
    "   ",
    "Thanks for coming!",
    "Sorry, that is YOUR OWN FAULT.",
    "这是你自己的问题",
    'not our problem, see a, "quoted" note',
    "thanks 不是我们的责任",
]
TIERS = ["", "", "", "vip", "regular", "new", "dormant"]
NEAR = [d for d in DELTAS if d <= 2 * DAY + S]
DUE = [HOUR, 2 * HOUR, DAY]  # promise due times and fulfilment delays share a small set
# What typically comes next after an event, and the windows (seed and shop playbook) that
# decide whether it came in time: responses land exactly on a window or one second off.
RESPONSES: dict[str, list[tuple[str, list[timedelta]]]] = {
    "purchase": [
        ("greeting", [2 * DAY, DAY]),
        ("thanks", [2 * DAY, DAY]),
        ("farewell", [15 * MIN]),
        ("usage_check", [7 * DAY]),
        ("gift", [30 * DAY]),
        ("purchase", [0 * S, 45 * DAY, 180 * DAY]),
        ("refund", [0 * S, DAY]),
        ("promotion", [30 * DAY, 7 * DAY, 0 * S]),
        ("price_drop", [15 * DAY, 0 * S]),
        ("care", [45 * DAY, 60 * DAY, 10 * DAY, HOUR]),
        ("thanks", [HOUR, 0 * S]),
    ],
    "complaint_ack": [("progress", [2 * DAY]), ("resolution", [2 * DAY])],
    "progress": [("progress", [2 * DAY]), ("resolution", [2 * DAY])],
    "renewal_reminder": [("expiry", [14 * DAY, DAY])],
    "complaint": [
        ("complaint_ack", [2 * HOUR]),
        ("resolution", [48 * HOUR, 0 * S]),
        ("promotion", [0 * S, HOUR]),
    ],
    "resolution": [("feedback", [24 * HOUR]), ("promotion", [0 * S]), ("complaint", [0 * S])],
    "objection": [
        ("promotion", [0 * S, HOUR]),
        ("care", [0 * S, HOUR]),
        ("concession", [0 * S]),
        ("objection", [0 * S]),
    ],
    "busy": [("promotion", [24 * HOUR, 0 * S]), ("invitation", [24 * HOUR]), ("care", [0 * S])],
    "opt_out": [("promotion", [0 * S, 365 * DAY]), ("price_drop", [DAY]), ("care", [DAY])],
    "promise": [("promise_kept", DUE), ("promise", [0 * S])],
    "promotion": [
        ("promotion", [30 * DAY, 7 * DAY, 0 * S]),
        ("invitation", [30 * DAY, 0 * S]),
        ("price_drop", [15 * DAY, 60 * DAY]),
        ("objection", [0 * S]),
        ("busy", [0 * S]),
    ],
    "callback": [("callback", [31 * DAY]), ("visit", [31 * DAY, 0 * S]), ("care", [10 * DAY])],
    "visit": [("callback", [31 * DAY]), ("visit", [0 * S])],
    "care": [
        ("care", [45 * DAY, 10 * DAY]),
        ("promotion", [60 * DAY, 7 * DAY]),
        ("reply", [0 * S]),
        ("greeting", [DAY]),
    ],
}
OTHER_RESPONSES = [("care", [60 * DAY, 45 * DAY, 7 * DAY]), ("reply", [0 * S, HOUR])]


@dataclass
class Log:
    rows: list[dict[str, Any]]
    customers: list[dict[str, Any]] = field(default_factory=list)
    as_of: datetime | None = None


def _delta(rnd: Random, windows: list[timedelta] | None = None) -> timedelta:
    """A window exactly or one second off (when given), else mostly short steps."""
    if windows and rnd.randint(0, 4):
        return rnd.choice(windows) + rnd.choice([-S, 0 * S, 0 * S, S])
    return rnd.choice(NEAR if rnd.randint(0, 3) else DELTAS)


TIES = [
    ("complaint", "resolution"),
    ("objection", "promotion"),
    ("busy", "promotion"),
    ("opt_out", "invitation"),
    ("purchase", "greeting"),
    ("promotion", "promotion"),
]


# Two events a rule measures the distance between, placed at a window or one second off.
PAIRS = [
    ("purchase", "promotion", [30 * DAY, 7 * DAY]),
    ("purchase", "price_drop", [15 * DAY]),
    ("busy", "invitation", [24 * HOUR]),
    ("complaint", "complaint_ack", [2 * HOUR]),
    ("complaint", "resolution", [48 * HOUR]),
    ("resolution", "feedback", [24 * HOUR]),
    ("purchase", "farewell", [15 * MIN]),
    ("purchase", "greeting", [2 * DAY, DAY]),
    ("purchase", "usage_check", [7 * DAY]),
    ("callback", "callback", [31 * DAY]),
    ("purchase", "greeting", [HOUR]),
    ("renewal_reminder", "expiry", [14 * DAY]),
    ("care", "callback", [7 * DAY]),
    ("care", "care", [45 * DAY, 10 * DAY]),
    ("reply", "promotion", [60 * DAY, 7 * DAY]),
]


def _scene(rnd: Random, who: str, at: datetime, first: int) -> list[dict[str, Any]]:
    """Related events at once: a window pair, a promise and its fulfilment, or a tie."""
    ids = [f"s{first + k}" for k in range(3)]
    if rnd.random() < 0.4:
        before, after, windows = rnd.choice(PAIRS)
        later = at + rnd.choice(windows) + rnd.choice([-S, 0 * S, S])
        channel = rnd.choice(["store", "sms", None])
        return [
            {
                "event_id": ids[k],
                "ts": ts,
                "customer_id": who,
                "event": name,
                "channel": channel,
                "agent_id": "a1",
                "product": "tea",
                "amount": "100",
            }
            for k, (name, ts) in enumerate([(before, at), (after, later)])
        ]
    if rnd.random() < 0.5:
        due = at + rnd.choice(DUE)
        kept = due + rnd.choice([-S, 0 * S, S])
        return [
            {
                "event_id": ids[0],
                "ts": at,
                "customer_id": who,
                "event": "promise",
                "agent_id": "a1",
                "channel": "phone",
                "due": due,
            },
            {
                "event_id": ids[1],
                "ts": kept,
                "customer_id": who,
                "event": "promise_kept",
                "agent_id": "a1",
                "channel": "phone",
                "ref": ids[0],
            },
        ]
    pair = list(rnd.choice(TIES))
    rnd.shuffle(pair)
    then = rnd.choice(["promotion", "care", "price_drop"])
    channel = rnd.choice(["sms", "im", None])
    return [
        {
            "event_id": ids[k],
            "ts": at + (HOUR if k == 2 else 0 * S),
            "customer_id": who,
            "event": name,
            "channel": channel,
            "agent_id": "a1",
            "product": "tea",
        }
        for k, name in enumerate([*pair, then])
    ]


@st.composite
def logs(draw: st.DrawFn, base: datetime | None = None) -> Log:
    """A log around ``base`` (one of `BASES`; None: drawn here)."""
    rnd = draw(st.randoms(use_true_random=False))
    people = rnd.sample(CUSTOMERS, len(CUSTOMERS))[: rnd.randint(1, 6)]
    customers = [
        {
            "customer_id": c,
            "birthday": rnd.choice([None, *BIRTHDAYS]),
            "tier": rnd.choice(TIERS),
        }
        for c in people
        if rnd.random() < 0.5
    ]
    birthdays = {c["customer_id"]: c["birthday"] for c in customers}
    base = rnd.choice(BASES) if base is None else base
    numeric_ids = rnd.random() < 0.5
    rows: list[dict[str, Any]] = []
    size = rnd.randint(0, 60)
    while len(rows) < size:
        i = len(rows)
        mode = rnd.choice(["react", "react", "free", "free", "edge", "scene"])
        if mode == "scene":
            rows += _scene(rnd, rnd.choice(people), rnd.choice(rows)["ts"] if rows else base, i)
            continue
        ref, sign = None, rnd.choice([1, 1, 1, -1])
        windows, parent = None, None
        if mode == "react" and rows:
            parent = rnd.choice(rows)
            who, anchor, sign = parent["customer_id"], parent["ts"], 1
            event, windows = rnd.choice(RESPONSES.get(parent["event"], OTHER_RESPONSES))
            if event == "promise_kept" and parent["event"] == "promise":
                ref = parent["event_id"]
        elif mode == "edge":
            who = rnd.choice(people)
            event = rnd.choice(["holiday_greeting", "birthday_greeting", "purchase"])
            edges = [e for e in HOLIDAY_EDGES if abs(e - base) < 200 * DAY]
            anchor = rnd.choice(edges + _birthday_edges(birthdays.get(who)) * 4)
            windows = [0 * S]
        else:
            who = rnd.choice(people)
            shop = rnd.random() < 0.5
            event = rnd.choice(SHOP_EVENTS if shop else CUSTOMER_EVENTS)
            own = [r["ts"] for r in rows if r["customer_id"] == who]
            if own and rnd.random() < 0.5:  # after the customer's latest event: silences
                anchor, sign, windows = max(own), 1, [DAY * d for d in (7, 10, 31, 45, 60)]
            else:
                anchor = base
        delta = _delta(rnd, windows)
        ts = anchor + sign * max(delta, 0 * S)
        row: dict[str, Any] = {
            "event_id": str(1000 + i) if numeric_ids else f"e{i}",
            "ts": ts,
            "customer_id": who,
            "event": event,
            "channel": rnd.choice(CHANNELS),
            "product": rnd.choice(PRODUCTS),
            "amount": rnd.choice(AMOUNTS) if event in ("purchase", "refund") else None,
            "ref": ref,
        }
        if event in SHOP_EVENTS:
            row["agent_id"] = rnd.choice(AGENTS)
            row["text"] = rnd.choice(TEXTS)
        if event == "promise" and rnd.randint(0, 3) != 3:
            row["due"] = ts + rnd.choice(DUE)
        if event == "invitation" and rnd.randint(0, 3) != 3:  # the activity, about a week on
            row["due"] = ts + 7 * DAY + rnd.choice([-S, 0 * S, S, DAY])
        if event == "promise_kept" and ref is None and rnd.random() < 0.5:
            row["ref"] = rnd.choice(["e999", "1000", "e0"])
        if parent is not None and rnd.random() < 0.5:  # same product, same channel
            row["product"], row["channel"] = parent.get("product"), parent.get("channel")
        rows.append(row)
    as_of = None
    if rows and rnd.randint(0, 2) == 0:
        anchor = rnd.choice([r["ts"] for r in rows])
        as_of = anchor + rnd.choice(NEAR)
    return Log(rows, customers, as_of)
