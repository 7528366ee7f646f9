"""Whether the shop gets better: compliance by week within an audit (`checker.trends.weekly`)
and across audits (`checker.trends.history`)."""
