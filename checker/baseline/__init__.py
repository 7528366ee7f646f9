"""Baselines: the findings accepted so far, and an audit compared with them."""
