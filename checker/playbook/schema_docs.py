"""What each playbook key and rule parameter means, for the editor schemas' descriptions
(kinds describe themselves in the registry; these are the words their parameters share)."""

from __future__ import annotations

TOP_LEVEL = {
    "extends": "The playbook this one builds on: a built-in name (seed) or a folder inside "
    "this playbook's folder. Mappings merge deeply; lists are replaced.",
    "name": "The playbook's name, in Chinese and English.",
    "version": "A version number of this playbook, for the shop's own records.",
    "language": "The language of reports and messages by default (zh or en).",
    "kpi": "The agent review's settings (seed 004): conversion_within, how soon after an "
    "inquiry a purchase counts as converted; complaint_rule, the rule whose outcomes count "
    "an agent's complaints.",
    "churn": "The churn analysis (seeds 002, 003): after, how long after a repeat customer's "
    "last purchase they have lapsed (default 180d); reasons, each an id, a title and what "
    "counts as it: violations of rules (by id) or kinds up to the lapse, or events of the "
    "customer after their last purchase; none, the title of a lapse nothing explains.",
    "timezone": "IANA time zone of the shop (e.g. Asia/Shanghai): times without an offset "
    "are in it; times with one are converted to it.",
    "events": "The canonical event vocabulary: who acts (customer or shop), the group, and "
    "the names in Chinese and English.",
    "event_aliases": "A shop's own event names mapped to canonical events.",
    "column_aliases": "A shop's own column names (e.g. from a CRM export) mapped to the log's "
    "columns.",
    "channels": "Contact channels; remote ones count as reaching out.",
    "missing_channel_is_remote": "Whether a shop event without a channel counts as remote.",
    "segments": "How customers are put into segments (vip, dormant, regular, new).",
    "calendar": "Country and holidays for occasion greetings.",
    "roster": "The staff accounts; rules may require agent_id to be on it.",
    "principles": "The relationship principles rules point at, with their teaching content.",
    "rules": "The rules: each a kind from the closed registry with that kind's parameters. "
    "Override a built-in rule by its id with only what differs; `enabled: false` turns one "
    "off.",
    "handbook": "Teaching content of the training handbook.",
}

RULE = {
    "principle": "The id of the principle this rule serves.",
    "severity": "How serious a violation is: error, warning or info (--fail-on compares it).",
    "kind": "The rule kind (huitou rules --kinds lists them).",
    "params": "The kind's parameters.",
    "title": "A short title, in Chinese and English.",
    "message": "What a finding says; may cite the rule's own parameters as {name}.",
    "fix": "How to fix a finding, in Chinese and English.",
    "enabled": "false switches the rule off.",
}

PARAMS = {
    "at_least": "The fewest distinct customers an agent must reach in each period.",
    "at_most": "The most distinct customers an agent may reach in each period.",
    "after": "Events after which the checked event is looked at (or, for occasions, how long "
    "after the day a greeting still counts).",
    "before": "How long before the day a greeting already counts.",
    "channels": "Only events on these channels.",
    "checked": "The events this rule checks.",
    "closed_by": "Events that close a case.",
    "contacts": "The events that count as contacts.",
    "end": "End of the quiet hours (HH:MM, playbook time zone).",
    "events": "Event names, or @group / @actor selectors (e.g. @marketing, @shop).",
    "expect": "The events that satisfy the rule.",
    "field": "The log column this rule reads.",
    "forbidden": "Events that must not be the checked one.",
    "fulfilled_by": "Events that fulfil a commitment when their ref names it.",
    "known_from": "Where valid values come from (roster: the playbook's staff list).",
    "max": "The most events allowed in a window.",
    "max_gap": "The longest allowed time between two contacts.",
    "min_gap": "How long after the trigger an expected event must come to count (a separate "
    "contact, not one in the same visit or chat).",
    "min_lead": "How far ahead of the event's time its due must lie (a notice period).",
    "min_amount": "Only events with at least this amount.",
    "occasion": "holidays (from the calendar), birthday (from the customers file), or "
    "month_start / month_end (each month's first or last days).",
    "opened_by": "Events that open a case.",
    "outbound": "Only events where the shop reached out remotely (true) or not (false).",
    "per": "The window counted over: a rolling duration for a cap, a calendar day or week "
    "for an agent quota.",
    "period": "How far back contacts are looked at.",
    "phrases": "Literal phrases (no patterns) that must not appear.",
    "purchased_within": "Only customers who bought within this time before the audit's end.",
    "required": "true: the after event must come first (within the window), instead of must not.",
    "same": "Log columns whose values must be equal for events to be compared.",
    "scope": "Which customers the rule covers.",
    "segments": "Only customers in these segments.",
    "silence": "How long without any event counts as a silence.",
    "start": "Start of the quiet hours (HH:MM, playbook time zone).",
    "trigger": "The events that start the window.",
    "within": "How long after the trigger (a duration: 15min, 2h, 2d).",
}
