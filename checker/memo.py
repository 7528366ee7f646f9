"""The last few results of a pure function, by key, shared by a process's threads.

An audit builds and compiles the same things again when a process audits again and again
(a test run, a service, ``huitou handbook serve``): the reading of the log for the same
playbook, its SQL. What is kept is bounded: the most recent ``kept`` keys (`Memo`), or what
is still in use elsewhere (`Interned`: one object per key, for values that must be the same
object when equal).
"""

from __future__ import annotations

import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class Memo(Generic[K, V]):
    """``get(key, make)``: ``make()`` the first time ``key`` is asked for, the kept value
    after (the least recently used key goes first). ``make`` runs outside the lock: two
    threads asking at once may both make it, and either result is kept."""

    def __init__(self, kept: int) -> None:
        self._kept = kept
        self._values: OrderedDict[K, V] = OrderedDict()
        self._lock = threading.Lock()
        self.asked = self.made = 0  # calls of `get`, and of ``make`` among them

    def get(self, key: K, make: Callable[[], V]) -> V:
        with self._lock:
            self.asked += 1
            if key in self._values:
                self._values.move_to_end(key)
                return self._values[key]
            self.made += 1
        value = make()
        with self._lock:
            self._values[key] = value
            while len(self._values) > self._kept:
                self._values.popitem(last=False)
        return value

    def __len__(self) -> int:
        return len(self._values)

    def keys(self) -> list[K]:
        """The keys kept, the least recently used first."""
        with self._lock:
            return list(self._values)


class Interned(Generic[K, V]):
    """``get(key, make)``: one value per key while it is in use anywhere: ``make()`` when no
    value of ``key`` is alive, the living one otherwise. Held weakly (a value goes with its
    last user), made under the lock: two threads asking at once get the same object."""

    def __init__(self) -> None:
        self._values: weakref.WeakValueDictionary[K, V] = weakref.WeakValueDictionary()
        self._lock = threading.Lock()

    def get(self, key: K, make: Callable[[], V]) -> V:
        with self._lock:
            value = self._values.get(key)
            if value is None:
                value = self._values[key] = make()
            return value
