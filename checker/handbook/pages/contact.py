"""Contact policy: each limit on reaching out, why it exists and how to keep to it."""

from __future__ import annotations

from checker.handbook import quiz, taught
from checker.handbook.context import Context, GeneratedPage


def pages(ctx: Context) -> list[GeneratedPage]:
    policy = ctx.handbook.get("contact_policy", {})
    src = "contact-policy.md"
    parts = [f"# {ctx.ui('contact_title')}", ctx.t(policy.get("intro", ""))]
    for item in policy.get("items", []):
        rule = ctx.playbook.rule(item["rule"])
        parts += [
            f"## {ctx.t(rule.title)} {{#{rule.id.replace('.', '-')}}}",
            f"**{ctx.ui('rule')}**{ctx.ui('colon')}{ctx.rule_link(src, rule.id)}  \n"
            f"**{ctx.ui('checks')}**{ctx.ui('colon')}{ctx.rule_message(rule)}",
            f"**{ctx.ui('why_step')}**{ctx.ui('colon')}{ctx.t(item.get('why', ''))}",
            f"**{ctx.ui('how')}**{ctx.ui('colon')}{ctx.t(item.get('how', ''))}",
        ]
    parts += taught.sections(ctx, policy) + quiz.section(ctx, "contact-policy")
    return [GeneratedPage(src, "\n\n".join(parts) + "\n", ("handbook", "contact_policy"))]
