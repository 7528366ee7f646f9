"""Which tests share one pytest-xdist worker under ``--dist loadgroup`` (the project's
default, see pyproject.toml): the tests of a folder whose session fixture is dear, so that
the run pays for it once. The handbook's tests share one MkDocs build; the Spark tests one
Spark session, so one Java virtual machine a run (a second one would cost its own start and
warm-up, its first queries being the slowest, and another 1.5 GB of memory, on the same few
cores).

The groups are made here, by path, in the scheduler (`tests/conftest.py` installs it): an
``xdist_group`` mark does not group under pytest 9, whose test ids no longer come from the
``_nodeid`` that pytest-xdist 3.8 rewrites to append the group. A ``@group`` suffix, where a
later pytest-xdist adds one, still groups as before.
"""

from __future__ import annotations

from xdist.scheduler import LoadGroupScheduling

# Test id prefix (a folder under the root) -> the group its tests run in.
SHARED_WORKER = {"tests/handbook/": "handbook", "tests/spark/": "spark"}


def group_of(nodeid: str) -> str | None:
    """The group of the test ``nodeid`` by its folder (None: a test on its own)."""
    return next((g for folder, g in SHARED_WORKER.items() if nodeid.startswith(folder)), None)


class FolderGroupScheduling(LoadGroupScheduling):
    """``--dist loadgroup`` with the folders of `SHARED_WORKER` as groups."""

    def _split_scope(self, nodeid: str) -> str:
        return group_of(nodeid) or super()._split_scope(nodeid)
