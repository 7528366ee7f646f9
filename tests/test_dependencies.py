"""Dependencies: compatible ranges in pyproject.toml, one exact pin per package in
constraints.txt (what CI installs), each pin inside its range."""

from __future__ import annotations

import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent


def _declared() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    texts = list(project["project"]["dependencies"])
    for extra in project["project"]["optional-dependencies"].values():
        texts += extra
    texts += project["build-system"]["requires"]
    return [Requirement(t) for t in texts]


def _pins() -> dict[str, str]:
    pins: dict[str, str] = {}
    for raw in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines():
        line = raw.split("#")[0].strip()
        if line:
            name, _, version = line.partition("==")
            assert version and "," not in version, f"not an exact pin: {raw!r}"
            assert canonicalize_name(name) not in pins, f"pinned twice: {name}"
            pins[canonicalize_name(name)] = version.strip()
    return pins


def test_pyproject_states_ranges_not_exact_pins() -> None:
    for req in _declared():
        operators = {spec.operator for spec in req.specifier}
        assert "==" not in operators and "===" not in operators, f"exact pin: {req}"
        assert any(op in operators for op in ("<", "~=")), f"no upper bound: {req}"
        assert any(op in operators for op in (">=", "~=")), f"no lower bound: {req}"


def test_every_dependency_has_one_exact_pin_inside_its_range() -> None:
    pins = _pins()
    for req in _declared():
        name = canonicalize_name(req.name)
        assert name in pins, f"{req.name} is not pinned in constraints.txt"
        assert req.specifier.contains(pins[name], prereleases=True), (req, pins[name])


def test_ci_installs_with_the_constraints() -> None:
    install = (ROOT / ".ci" / "install").read_text(encoding="utf-8")
    assert "-c constraints.txt" in install
