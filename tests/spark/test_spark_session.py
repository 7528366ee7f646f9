"""The local session's JVM starts with the options it is given (the test session's, see
`tests.spark.conftest.TEST_JVM`) beside the quiet log configuration every local session has."""

from __future__ import annotations

from typing import Any

import pytest

from checker.engine.backends.spark import LOG_CONFIG
from tests.spark.conftest import TEST_JVM

pytestmark = pytest.mark.spark


def test_the_jvm_runs_with_the_options_given(spark: Any) -> None:
    bean = spark._jvm.java.lang.management.ManagementFactory.getRuntimeMXBean()
    arguments = set(bean.getInputArguments())
    assert set(TEST_JVM) <= arguments
    assert f"-Dlog4j2.configurationFile={LOG_CONFIG.as_uri()}" in arguments
