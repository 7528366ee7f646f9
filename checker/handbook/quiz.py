"""Self-check quizzes (mkdocs-quiz blocks) from the playbook's teaching content.

A question is ``{question, options: [{text, correct, why}], explanation}``: ``why`` says why
a wrong option is wrong and is shown as that option's feedback (``> ...`` right under it) when
a trainee picks it; the explanation is shown once the question is answered. Every teaching
page keeps its questions in the playbook (principles under ``principles.ID.quiz``, the other
pages under ``handbook.PAGE.quiz``), so the page family only calls ``section``.
"""

from __future__ import annotations

from typing import Any

from checker.handbook.context import Context

# Pages of the training path that teach (and so carry a quiz), with where their questions live.
QUIZ_SOURCES = {
    "why": ("handbook", "why"),
    "cadence": ("handbook", "cadence"),
    "complaints": ("handbook", "complaints"),
    "segments": ("handbook", "segments"),
    "contact-policy": ("handbook", "contact_policy"),
    "rules": ("handbook", "rules"),
}


def questions(ctx: Context, page_id: str) -> list[dict[str, Any]]:
    """The questions of a page id (``principles/ID`` or a key of ``QUIZ_SOURCES``)."""
    if page_id.startswith("principles/"):
        return ctx.playbook.principles[page_id.split("/", 1)[1]].get("quiz", []) or []
    if page_id not in QUIZ_SOURCES:
        return []
    node: Any = ctx.data
    for key in QUIZ_SOURCES[page_id]:
        node = node.get(key, {}) if isinstance(node, dict) else {}
    return node.get("quiz", []) if isinstance(node, dict) else []


def _one_line(text: str) -> str:
    return " ".join(text.split())


def block(ctx: Context, item: dict[str, Any]) -> str:
    """One mkdocs-quiz block: question, options (``[x]`` marks the right one) each followed by
    its feedback, then the explanation."""
    out = ["<quiz>", ctx.t(item["question"])]
    for option in item["options"]:
        mark = "x" if option.get("correct") else " "
        out.append(f"- [{mark}] {_one_line(ctx.t(option['text']))}")
        if option.get("why"):
            out.append(f"    > {_one_line(ctx.t(option['why']))}")
    out += ["", ctx.t(item["explanation"]), "</quiz>"]
    return "\n".join(out)


def section(ctx: Context, page_id: str) -> list[str]:
    """The quiz section of a page (heading and blocks), or nothing when it has no questions."""
    items = questions(ctx, page_id)
    if not items:
        return []
    return [f"## {ctx.ui('quiz')} {{#quiz}}", *(block(ctx, q) for q in items)]
