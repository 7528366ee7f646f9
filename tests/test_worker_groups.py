"""The handbook's and the Spark tests each share one pytest-xdist worker, and so do the
tests of a module that share a module-scoped audit (see `tests.worker_groups`)."""

from __future__ import annotations

from collections import OrderedDict
from pathlib import Path

import pytest

from tests.worker_groups import (
    SHARED_MODULES,
    SHARED_WORKER,
    folders_first,
    group_of,
    shares_a_fixture,
)


@pytest.mark.parametrize(
    ("nodeid", "group"),
    [
        ("tests/handbook/test_build.py::test_threshold_change_reaches_every_page", "handbook"),
        ("tests/handbook/test_browser.py::test_chinese_queries_find_their_pages", "handbook"),
        ("tests/spark/test_reading.py::test_every_format_reads_the_same", "spark"),
        ("tests/spark/test_same_report.py::test_the_rule_cases[null@None]", "spark"),
        ("tests/engine/test_against_reference.py::test_seed_playbook_agrees", None),
        ("tests/test_findings.py::test_spark_like_name", "tests/test_findings.py"),
        ("tests/log/test_log_formats.py::test_x[utf-8-sig.csv]", "tests/log/test_log_formats.py"),
        ("tests/log/test_log_times.py::test_x", None),
    ],
)
def test_a_test_s_folder_or_module_names_its_group(nodeid: str, group: str | None) -> None:
    assert group_of(nodeid) == group


def test_every_group_is_a_folder_of_tests(pytestconfig: pytest.Config) -> None:
    for folder in SHARED_WORKER:
        assert (pytestconfig.rootpath / folder).is_dir(), folder


def test_every_module_kept_together_has_a_fixture_to_share(pytestconfig: pytest.Config) -> None:
    """A module stays listed only while it defines a fixture of module (or wider) scope."""
    for module in SHARED_MODULES:
        path = pytestconfig.rootpath / module
        assert path.is_file(), module
        assert shares_a_fixture(path), f"{module}: no module-scoped fixture to share"


@pytest.mark.parametrize(
    ("source", "shared"),
    [
        ('@pytest.fixture(scope="module")\ndef a(): ...\n', True),
        ('@fixture(scope="session")\ndef a(): ...\n', True),
        ("@pytest.fixture\ndef a(): ...\n", False),
        ('@pytest.fixture(scope="function")\ndef a(): ...\n', False),
        ('@pytest.mark.parametrize("scope", ["module"])\ndef test_a(scope): ...\n', False),
    ],
)
def test_a_wide_fixture_is_found_in_the_source(tmp_path: Path, source: str, shared: bool) -> None:
    path = tmp_path / "test_m.py"
    path.write_text("import pytest\n" + source, encoding="utf-8")
    assert shares_a_fixture(path) is shared


def test_the_folder_groups_are_handed_out_first() -> None:
    """pytest-xdist orders the queue by the number of tests; the long folder groups (the
    Spark tests are few) still go out first, in `SHARED_WORKER`'s order."""
    queue = OrderedDict(
        [("tests/rules/test_cases.py", {}), ("handbook", {}), ("a.py::t", {}), ("spark", {})]
    )
    folders_first(queue)
    assert list(queue) == ["handbook", "spark", "tests/rules/test_cases.py", "a.py::t"]
