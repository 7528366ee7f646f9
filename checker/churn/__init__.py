"""Churn analysis (seed 003: why, who, when): repeat customers who stopped buying, and what
preceded it in the log. `spec` reads the playbook's ``churn`` section, `query` computes the
lapsed customers' facts with Ibis, `reasons` attaches the audit's findings to them with Arrow,
`model` holds the report's section."""
