"""Importing this package registers every rule kind (the closed set)."""

from checker.engine.kinds import (  # noqa: F401
    agent_quota,
    deadline_by_ref,
    first_after_silence,
    follow_up,
    max_silence,
    next_not,
    none_after,
    occasion,
    phrases,
    quiet_hours,
    required_field,
    rolling_cap,
    while_open,
)
