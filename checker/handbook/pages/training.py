"""The first-week training path: pages in order, quizzes, and a practice audit with answers."""

from __future__ import annotations

from checker.handbook.context import Context, GeneratedPage, table


def _page_title(ctx: Context, page_id: str) -> str:
    if page_id.startswith("principles/"):
        return ctx.t(ctx.playbook.principles[page_id.split("/", 1)[1]]["title"])
    return ctx.ui(f"title_{page_id}")


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
            if p.startswith("principles/")
        ]
        parts += [f"**{ctx.ui('read')}**", "\n".join(reading)]
        if quizzes:
            parts += [f"**{ctx.ui('quiz')}**", "\n".join(quizzes)]
        tasks = "\n".join(f"- {ctx.t(t)}" for t in day.get("tasks", []))
        parts += [f"**{ctx.ui('tasks')}**", tasks]
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
