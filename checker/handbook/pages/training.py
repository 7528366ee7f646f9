"""The first-week training path: pages in order, quizzes, and a practice audit with answers."""

from __future__ import annotations

from checker.handbook import quiz
from checker.handbook.context import Context, GeneratedPage, table


def _page_title(ctx: Context, page_id: str) -> str:
    if page_id.startswith("principles/"):
        return ctx.t(ctx.playbook.principles[page_id.split("/", 1)[1]]["title"])
    return ctx.ui(f"title_{page_id}")


def progress(ctx: Context, src: str, path: list[str]) -> list[str]:
    """The first week's quiz progress: one row per page with a quiz, filled in the browser
    from what mkdocs-quiz keeps in local storage (``assets/huitou-progress.js``)."""
    rows = []
    for page_id in dict.fromkeys(path):
        total = len(quiz.questions(ctx, page_id))
        if total:
            rows.append(
                [
                    f"[{_page_title(ctx, page_id)}]({ctx.link(src, page_id)})",
                    f'<span class="hh-answered" data-total="{total}">0</span> / {total}',
                    '<span class="hh-correct">0</span>',
                ]
            )
    if not rows:
        return []
    total = sum(len(quiz.questions(ctx, p)) for p in dict.fromkeys(path))
    rows.append(
        [
            f"**{ctx.ui('progress_total')}**",
            f'<span class="hh-answered-sum">0</span> / {total}',
            '<span class="hh-correct-sum">0</span>',
        ]
    )
    head = [ctx.ui("progress_page"), ctx.ui("progress_answered"), ctx.ui("progress_correct")]
    return [
        f"## {ctx.ui('progress')} {{#progress}}",
        ctx.ui("progress_intro"),
        '<div class="hh-progress" markdown>\n\n' + table(head, rows) + "\n\n</div>",
    ]


def pages(ctx: Context) -> list[GeneratedPage]:
    tr = ctx.handbook.get("training", {})
    src = "training.md"
    parts = [f"# {ctx.ui('training_title')}", ctx.t(tr.get("intro", ""))]
    for day in tr.get("days", []):
        parts.append(
            f"## {ctx.ui('day_title', day=day['day'])}{ctx.ui('dash')}"
            f"{ctx.t(day['title'])} {{#day-{day['day']}}}"
        )
        reading = [f"1. [{_page_title(ctx, p)}]({ctx.link(src, p)})" for p in day.get("pages", [])]
        quizzes = [
            f"- [{_page_title(ctx, p)}]({ctx.link(src, p, 'quiz')})"
            for p in day.get("pages", [])
            if quiz.questions(ctx, p)
        ]
        parts += [f"**{ctx.ui('read')}**", "\n".join(reading)]
        if quizzes:
            parts += [f"**{ctx.ui('quiz')}**", "\n".join(quizzes)]
        tasks = "\n".join(f"- {ctx.t(t)}" for t in day.get("tasks", []))
        parts += [f"**{ctx.ui('tasks')}**", tasks]
    parts += progress(ctx, src, [p for day in tr.get("days", []) for p in day.get("pages", [])])
    practice = tr.get("practice", {})
    if practice:
        log = practice.get("log", "")
        rows = [
            [str(a["line"]), ctx.rule_link(src, a["rule"]), ctx.t(a["explanation"])]
            for a in practice.get("answers", [])
        ]
        answer_table = table([ctx.ui("csv_line"), ctx.ui("rule"), ctx.ui("explanation")], rows)
        parts += [
            f"## {ctx.ui('practice')} {{#practice}}",
            ctx.t(practice.get("intro", "")),
            f"```sh\nhuitou check {log}\n```",
            f'??? success "{ctx.ui("answers")}"\n\n'
            + "\n".join("    " + line for line in answer_table.splitlines()),
        ]
    return [GeneratedPage(src, "\n\n".join(parts) + "\n", ("handbook", "training"))]
