"""Which tests share one pytest-xdist worker under ``--dist loadgroup`` (the project's
default, see pyproject.toml), so that a run pays for each shared fixture once:

- the tests of a folder whose session fixture is dear (`SHARED_WORKER`): the handbook's
  tests share one MkDocs build; the Spark tests one Spark session, so one Java virtual
  machine a run (a second one would cost its own start and warm-up, its first queries
  being the slowest, and another 1.5 GB of memory, on the same few cores);
- the tests of a module whose module-scoped fixture runs an audit that its tests only read
  (`SHARED_MODULES`): split over two workers, each worker would run that audit. A module
  whose wide fixture is cheap (a playbook loaded, a folder made) stays split: its tests
  then spread over both workers, and none of them is left to the end.

Every other test is scheduled on its own, wherever a worker is free. The folder groups go
first: they are the longest pieces of work, and a run lasts at least as long as its longest.

The groups are made here, by path, in the scheduler (`tests/conftest.py` installs it): an
``xdist_group`` mark does not group under pytest 9, whose test ids no longer come from the
``_nodeid`` that pytest-xdist 3.8 rewrites to append the group. A ``@group`` suffix, where a
later pytest-xdist adds one, still groups as before.
"""

from __future__ import annotations

import ast
from collections import OrderedDict
from pathlib import Path
from typing import Any

from xdist.scheduler import LoadGroupScheduling
from xdist.workermanage import WorkerController

# Test id prefix (a folder under the root) -> the group its tests run in.
SHARED_WORKER = {"tests/handbook/": "handbook", "tests/spark/": "spark"}
# Modules whose tests share one worker (and there their module-scoped audit, a second or more).
SHARED_MODULES = (
    "tests/audit_loop/test_diff.py",
    "tests/churn/test_churn_cases.py",
    "tests/commands/test_check_cli.py",
    "tests/log/test_log_formats.py",
    "tests/log/test_log_order.py",
    "tests/log/test_log_rejects.py",
    "tests/report/test_report_html_browser.py",
    "tests/scorecards/test_scorecards_demo.py",
    "tests/test_findings.py",
    "tests/trends/test_weekly.py",
)
WIDE_SCOPES = {"module", "package", "session"}


def group_of(nodeid: str) -> str | None:
    """The group of the test ``nodeid`` (None: a test on its own)."""
    folder = next((g for prefix, g in SHARED_WORKER.items() if nodeid.startswith(prefix)), None)
    module = nodeid.split("::", 1)[0]
    return folder or (module if module in SHARED_MODULES else None)


def shares_a_fixture(path: Path) -> bool:
    """Whether the test module at ``path`` defines a fixture of module, package or session
    scope (``@pytest.fixture(scope="module")`` and the like; read, not imported): what a
    module of `SHARED_MODULES` has to share."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return any(
        _is_fixture(call.func)
        and any(
            k.arg == "scope" and isinstance(k.value, ast.Constant) and k.value.value in WIDE_SCOPES
            for k in call.keywords
        )
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef)
        for call in node.decorator_list
        if isinstance(call, ast.Call)
    )


def _is_fixture(func: ast.expr) -> bool:
    """``pytest.fixture`` or a bare ``fixture`` (imported from pytest)."""
    if isinstance(func, ast.Attribute):
        return func.attr == "fixture"
    return isinstance(func, ast.Name) and func.id == "fixture"


class FolderGroupScheduling(LoadGroupScheduling):
    """``--dist loadgroup`` with the groups of `group_of`, the folder groups sent first."""

    def _split_scope(self, nodeid: str) -> str:
        return group_of(nodeid) or super()._split_scope(nodeid)

    def _assign_work_unit(self, node: WorkerController) -> None:
        folders_first(self.workqueue)
        super()._assign_work_unit(node)


def folders_first(queue: OrderedDict[str, Any]) -> None:
    """Move the folder groups to the front of ``queue`` (scope -> its tests; pytest-xdist
    orders it by the number of tests, and hands out its front first), in `SHARED_WORKER`'s
    order."""
    for group in reversed(SHARED_WORKER.values()):
        if group in queue:
            queue.move_to_end(group, last=False)
