"""Agents of visibly different quality (see `checker.demo.catalog`): after every lapse is
planted, the events a planted lapse is attributed to (the obligation's event, or the action
itself) change hands: none stays with the excellent agent, and most lapses of the contact
policy go to the agent who over-contacts. Only who is named changes, never what happened,
so the planted truth stays exact."""

from __future__ import annotations

import numpy as np

from checker.demo import catalog as cat
from checker.demo.state import State

# Contact-policy rules whose lapses are "one contact too many" (or at the wrong time).
OVER_CONTACT_RULES = (
    "no-pressure.frequency-cap",
    "no-pressure.quiet-hours",
    "no-pressure.busy-cooldown",
)
OVER_CONTACT_SHARE = 0.7
OTHERS = np.array([a for a in cat.ONLINE_AGENTS if a != cat.EXCELLENT])


def assign_lapses(st: State) -> None:
    agent = st.events.columns()["agent"]
    rng = st.rng.spawn(1)[0]  # a stream of its own: the demo's other draws stay as they were
    online = np.isin(agent, cat.ONLINE_AGENTS)
    for rule, ev, _, _ in st.truth.rows:
        ev = ev[ev >= 0]
        if rule in OVER_CONTACT_RULES:
            pushed = ev[online[ev] & (rng.random(len(ev)) < OVER_CONTACT_SHARE)]
            agent[pushed] = cat.OVER_CONTACTS
        mine = ev[agent[ev] == cat.EXCELLENT]
        agent[mine] = rng.choice(OTHERS, len(mine))
