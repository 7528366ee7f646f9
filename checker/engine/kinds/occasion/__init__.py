"""The `occasion` rule kind: `kind.py` (parameters, Ibis expression, which words to say),
`words.yaml` (its sentences, zh and en), `cases.yaml` (its rule cases: events in, findings
out; run by `tests/rules/test_cases.py`)."""
