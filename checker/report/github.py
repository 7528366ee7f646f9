"""GitHub Actions workflow commands: one annotation per violation, at its file and line."""

from __future__ import annotations

from checker.report.model import AuditReport, Finding

ENCODING = "utf-8"
LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """A command's message: `%`, CR and LF are percent-encoded (`%` first)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A property value: as data, plus `:` and `,`, which delimit properties."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(finding: Finding) -> str:
    props = []
    if finding.file is not None:
        props.append(f"file={escape_property(finding.file)}")
        if finding.line is not None:
            props.append(f"line={finding.line}")
    props.append(f"title={escape_property(finding.rule)}")
    text = f"{finding.message} — {finding.evidence}" if finding.evidence else finding.message
    text += f" [{finding.agent_id}@{finding.channel}]"
    level = LEVELS.get(finding.severity, "error")
    return f"::{level} {','.join(props)}::{escape_data(text)}"


def render(report: AuditReport) -> str:
    """Violations only; pending findings are not annotated. Nothing else is printed."""
    return "".join(annotation(f) + "\n" for f in report.violations())
