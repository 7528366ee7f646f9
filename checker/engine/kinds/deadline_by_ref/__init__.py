"""The `deadline_by_ref` rule kind: `kind.py` (parameters, Ibis expression, words), `cases.yaml`
(its rule cases: events in, findings out; run by `tests/rules/test_cases.py`)."""
