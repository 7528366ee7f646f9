"""The handbook's and the Spark tests each share one pytest-xdist worker (see
`tests.worker_groups`)."""

from __future__ import annotations

import pytest

from tests.worker_groups import SHARED_WORKER, group_of


@pytest.mark.parametrize(
    ("nodeid", "group"),
    [
        ("tests/handbook/test_build.py::test_threshold_change_reaches_every_page", "handbook"),
        ("tests/handbook/test_browser.py::test_chinese_queries_find_their_pages", "handbook"),
        ("tests/spark/test_reading.py::test_every_format_reads_the_same", "spark"),
        ("tests/spark/test_same_report.py::test_the_rule_cases[null@None]", "spark"),
        ("tests/engine/test_against_reference.py::test_seed_playbook_agrees", None),
        ("tests/test_findings.py::test_spark_like_name", None),
    ],
)
def test_a_test_s_folder_names_its_group(nodeid: str, group: str | None) -> None:
    assert group_of(nodeid) == group


def test_every_group_is_a_folder_of_tests(pytestconfig: pytest.Config) -> None:
    for folder in SHARED_WORKER:
        assert (pytestconfig.rootpath / folder).is_dir(), folder
