"""Many small audits in one process, as a test run or a service makes them: every rule case
(`checker/engine/kinds/*/cases.yaml`) audited once by the engine on DuckDB, each in a session
of its own. Prints the seconds, the mean per audit, and how many of the queries were
compiled (the rest reused, see `checker.engine.backends.query_shape`).

    python benchmarks/bench_small_audits.py             # every case once, after one warm-up
    python benchmarks/bench_small_audits.py --rounds 3  # each round a fresh set of files

No assertion here: the figures are reported, not tested.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from checker.engine.backends import duckdb_run  # noqa: E402
from checker.engine.kinds import case_files  # noqa: E402
from checker.playbook import Playbook  # noqa: E402
from tests.reference.files import load, single_rule_overrides, write_playbook  # noqa: E402
from tests.rules.case_runs import RULE_ID, engine_outcomes  # noqa: E402


def cases() -> list[dict[str, Any]]:
    found = []
    for file in case_files().values():
        found.extend(yaml.safe_load(file.read_text(encoding="utf-8"))["cases"])
    return found


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rounds", type=int, default=1, help="times every case is audited")
    args = ap.parse_args()
    every = cases()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        playbooks: dict[str, Playbook] = {}

        def playbook(case: dict[str, Any]) -> Playbook:
            rule = case["rule"]
            overrides = single_rule_overrides(
                RULE_ID, rule["kind"], rule["params"], case.get("playbook")
            )
            key = json.dumps(overrides, sort_keys=True, ensure_ascii=False)
            if key not in playbooks:
                where = folder / f"playbook-{len(playbooks)}"
                where.mkdir()
                playbooks[key] = load(write_playbook(where, overrides))
            return playbooks[key]

        for case in every:  # loaded before the clock starts
            playbook(case)
        warm = folder / "warm-up"
        warm.mkdir()
        engine_outcomes(every[0], playbook(every[0]), warm)
        asked, made = _compiles()
        started = time.perf_counter()
        for r in range(args.rounds):
            for i, case in enumerate(every):
                where = folder / f"round-{r}-case-{i}"  # files of their own, as in a test
                where.mkdir()
                engine_outcomes(case, playbook(case), where)
        seconds = time.perf_counter() - started
    audits = len(every) * args.rounds
    print(f"{audits} audits in {seconds:.1f} s: {1000 * seconds / audits:.0f} ms each")
    if asked is not None and made is not None:  # (older code did not count them)
        now_asked, now_made = _compiles()
        queries, compiled = (now_asked or 0) - asked, (now_made or 0) - made
        print(f"{queries} queries, {compiled} compiled ({queries - compiled} reused)")
    return 0


def _compiles() -> tuple[int | None, int | None]:
    """Queries asked for and compiled so far (`checker.memo.Memo`'s counts)."""
    memo = duckdb_run.COMPILED
    return getattr(memo, "asked", None), getattr(memo, "made", None)


if __name__ == "__main__":
    raise SystemExit(main())
