"""The demo shop log generator (`huitou demo`): a realistic year of a tea shop's customer
interactions, mostly compliant, with a known share of planted lapses of every seed rule."""

from checker.demo.generate import DemoSpec
from checker.demo.lapses import RULES
from checker.demo.writer import Written, write_demo

__all__ = ["RULES", "DemoSpec", "Written", "write_demo"]
