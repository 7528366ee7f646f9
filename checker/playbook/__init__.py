"""Playbooks: YAML documents of principles, cadence, segments, contact policy and rules."""

from checker.playbook.load import load_playbook
from checker.playbook.model import Playbook, Rule

__all__ = ["Playbook", "Rule", "load_playbook"]
