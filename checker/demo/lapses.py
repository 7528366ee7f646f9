"""Lapses planted on single events after the timeline is built (staff account, blame,
quiet hours), and the final consistency pass that keeps the truth exact."""

from __future__ import annotations

import numpy as np

from checker.demo import catalog as cat
from checker.demo.catalog import EV
from checker.demo.products import SPAN
from checker.demo.state import State
from checker.demo.texts import pick
from checker.demo.timeline import DAY, HOUR

# The seed playbook's rules; every one gets planted lapses.
RULES: list[str] = [
    "cadence.farewell",
    "cadence.greeting",
    "cadence.usage-check",
    "cadence.keep-in-touch",
    "cadence.vip-callback",
    "cadence.month-start-callback",
    "cadence.month-end-callback",
    "cadence.holiday-greeting",
    "cadence.birthday-greeting",
    "cadence.care-before-marketing",
    "cadence.renewal-reminder",
    "service.complaint-ack",
    "service.complaint-resolution",
    "service.complaint-feedback",
    "service.complaint-updates",
    "service.no-marketing-open-complaint",
    "marketing.invitation-notice",
    "service.agent-account",
    "respect.no-blame",
    "considerate.no-repeat-offer",
    "considerate.price-protection",
    "no-pressure.busy-cooldown",
    "no-pressure.frequency-cap",
    "no-pressure.quiet-hours",
    "no-pressure.opt-out",
    "concede.no-hard-push",
    "integrity.promise-kept",
    "integrity.promise-has-due",
    "graceful-close.vip-gift",
]
BLAME_TARGETS = [
    EV[e] for e in ("complaint_ack", "resolution", "feedback", "concession", "usage_check", "care")
]


def quiet_hours_on_care(st: State) -> None:
    """Some care messages are sent at night (same day, so no gap grows by more than a day)."""
    cols = st.events.columns()
    care = (cols["ev"] == EV["care"]) & np.isin(cols["ch"], cat.REMOTE_CHANNELS)
    lapse = st.lapse(len(care), care & (cols["ts"] < st.cal.end - DAY), share=0.4)
    n = int(lapse.sum())
    night = np.where(
        st.rng.random(n) < 0.5,
        st.rng.integers(int(21.1 * HOUR), 24 * HOUR - 600, n),
        st.rng.integers(7 * HOUR, int(8.9 * HOUR), n),
    )
    cols["ts"][lapse] = cols["ts"][lapse] // DAY * DAY + night
    st.truth.add("no-pressure.quiet-hours", np.flatnonzero(lapse), cols["cust"][lapse])


def staff_lapses(st: State) -> None:
    """Shop events logged without a staff account, and messages that blame the customer."""
    cols = st.events.columns()
    shop = np.isin(cols["ev"], cat.SHOP_EVENTS)
    lapse = st.lapse(len(shop), shop, share=0.4)
    cols["agent"][lapse] = -1
    st.truth.add("service.agent-account", np.flatnonzero(lapse), cols["cust"][lapse])
    target = np.isin(cols["ev"], BLAME_TARGETS) & (cols["text"] >= 0)
    lapse = st.lapse(len(shop), target, share=0.5)
    cols["text"][lapse] = pick(st.rng, "blame", int(lapse.sum()))
    st.truth.add("respect.no-blame", np.flatnonzero(lapse), cols["cust"][lapse])


def make_distinct(st: State) -> None:
    """No two events of one customer share a second (ties would depend on row order)."""
    cols = st.events.columns()
    key = cols["cust"] * SPAN + cols["ts"]
    order = np.argsort(key, kind="stable")
    for _ in range(10):
        k = key[order]
        dup = np.zeros(len(k), bool)
        dup[1:] = k[1:] == k[:-1]
        if not dup.any():
            break
        key[order[dup]] += 1
        order = np.argsort(key, kind="stable")
    cols["ts"][:] = key - cols["cust"] * SPAN


def drop_spoiled_hard_push(st: State) -> None:
    """A hard push counts only if no other outbound shop event came between the objection
    and the marketing message; forget planted ones where one did."""
    cols = st.events.columns()
    outbound = np.isin(cols["ev"], cat.SHOP_EVENTS) & np.isin(cols["ch"], cat.REMOTE_CHANNELS)
    keys = np.sort(cols["cust"][outbound] * SPAN + cols["ts"][outbound])
    for a, e in st.hard_push:
        ka = cols["cust"][a] * SPAN + cols["ts"][a]
        ke = cols["cust"][e] * SPAN + cols["ts"][e]
        between = np.searchsorted(keys, ke, "left") - np.searchsorted(keys, ka, "right")
        st.truth.discard("concede.no-hard-push", e[between > 0])


def drop_answered_greetings(st: State) -> None:
    """A planted missing greeting counts only if no greeting or care message of another
    episode (a keep-in-touch message, a call) happens to fall 1 h to 2 d after the purchase."""
    cols = st.events.columns()
    planted = [e for r, e, _, _ in st.truth.rows if r == "cadence.greeting"]
    if not planted:
        return
    p = np.concatenate(planted)
    answer = np.isin(cols["ev"], [EV["greeting"], EV["care"]])
    keys = np.sort(cols["cust"][answer] * SPAN + cols["ts"][answer])
    at = cols["cust"][p] * SPAN + cols["ts"][p]
    found = np.searchsorted(keys, at + 2 * DAY, "right") - np.searchsorted(keys, at + HOUR, "left")
    st.truth.discard("cadence.greeting", p[found > 0])
