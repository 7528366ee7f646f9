"""Site wording that is not playbook data: headings, labels, short connecting phrases.

Values may contain ``{name}`` fields (``str.format``) and live ``{{segments:...}}`` placeholders
(filled by ``Context.t``). Every key has both languages (a unit test checks it).
"""

from __future__ import annotations

UI: dict[str, dict[str, str]] = {
    # page titles (also used for links from the training path)
    "why_title": {"zh": "为什么要留住老客户", "en": "Why keep your customers"},
    "title_why": {"zh": "为什么要留住老客户", "en": "Why keep your customers"},
    "cadence_title": {"zh": "服务节奏", "en": "The service cadence"},
    "title_cadence": {"zh": "服务节奏", "en": "The service cadence"},
    "complaints_title": {"zh": "投诉处理", "en": "Handling complaints"},
    "title_complaints": {"zh": "投诉处理", "en": "Handling complaints"},
    "segments_title": {"zh": "客户分组", "en": "Customer segments"},
    "title_segments": {"zh": "客户分组", "en": "Customer segments"},
    "contact_title": {"zh": "联系规范", "en": "Contact policy"},
    "title_contact-policy": {"zh": "联系规范", "en": "Contact policy"},
    "rules_title": {"zh": "规则参考", "en": "Rule reference"},
    "title_rules": {"zh": "规则参考", "en": "Rule reference"},
    "title_auditing": {"zh": "审核你的记录", "en": "Auditing your logs"},
    "training_title": {"zh": "第一周培训路线", "en": "First-week training path"},
    "title_training": {"zh": "第一周培训路线", "en": "First-week training path"},
    "title_counter-card": {"zh": "柜台速查卡", "en": "Counter card"},
    "glossary_title": {"zh": "术语表", "en": "Glossary"},
    "title_glossary": {"zh": "术语表", "en": "Glossary"},
    "nav_principles": {"zh": "六大原则", "en": "The six principles"},
    "principles_title": {"zh": "六大原则", "en": "The six principles"},
    # principle pages
    "meaning": {"zh": "是什么意思", "en": "What it means"},
    "why_matters": {"zh": "为什么重要", "en": "Why it matters"},
    "do": {"zh": "要这样做", "en": "Do"},
    "dont": {"zh": "不要这样做", "en": "Don't"},
    "examples": {"zh": "对话示例", "en": "Example exchanges"},
    "online": {"zh": "在线客服", "en": "Online chat"},
    "store": {"zh": "门店", "en": "In the store"},
    "poor": {"zh": "欠妥的说法", "en": "Poor"},
    "good": {"zh": "更好的说法", "en": "Better"},
    "customer": {"zh": "客户", "en": "Customer"},
    "agent": {"zh": "客服", "en": "Agent"},
    "lesson": {"zh": "要点", "en": "Lesson"},
    "checked_by": {"zh": "检查这条原则的规则", "en": "Rules that check it"},
    "no_rules": {"zh": "目前没有规则检查这条原则。", "en": "No rule checks this principle yet."},
    "quiz": {"zh": "自测题", "en": "Self-check quiz"},
    # tables and labels
    "rule": {"zh": "规则", "en": "Rule"},
    "title": {"zh": "名称", "en": "Title"},
    "principle": {"zh": "原则", "en": "Principle"},
    "severity": {"zh": "严重程度", "en": "Severity"},
    "checks": {"zh": "检查内容", "en": "What it checks"},
    "error": {"zh": "错误", "en": "error"},
    "warning": {"zh": "警告", "en": "warning"},
    "info": {"zh": "提示", "en": "info"},
    "colon": {"zh": "：", "en": ": "},
    "dash": {"zh": "——", "en": " — "},
    "step": {"zh": "步骤", "en": "Step"},
    "when": {"zh": "时间", "en": "When"},
    "time_limit": {"zh": "时限", "en": "Time limit"},
    "why_step": {"zh": "为什么", "en": "Why"},
    "how": {"zh": "怎么做", "en": "How"},
    "templates": {"zh": "话术模板", "en": "Message templates"},
    # cadence
    "within_of_sale": {"zh": "成交后 {limit}内", "en": "within {limit} of the sale"},
    "on_day": {"zh": "成交后第 {day} 天", "en": "day {day} after the sale"},
    "within": {"zh": "{limit}内", "en": "within {limit}"},
    "day_n": {"zh": "第 {day} 天", "en": "day {day}"},
    "rhythm_monthly": {"zh": "每月", "en": "monthly"},
    "rhythm_holiday": {"zh": "节假日", "en": "public holidays"},
    "rhythm_birthday": {"zh": "客户生日", "en": "the customer's birthday"},
    "rhythm_event": {"zh": "有新品或活动时", "en": "when there is news or an event"},
    "every_at_most": {
        "zh": "{rhythm}（间隔不超过 {limit}）",
        "en": "{rhythm} (never more than {limit} apart)",
    },
    "around": {
        "zh": "{rhythm}：提前 {before} 至事后 {after}",
        "en": "{rhythm}: from {before} before to {after} after",
    },
    "all_year": {"zh": "全年节奏", "en": "All year round"},
    "within_of": {"zh": "{event}后 {limit}内", "en": "within {limit} of the {event}"},
    # segments
    "segment": {"zh": "分组", "en": "Segment"},
    "seg_how": {"zh": "分组怎么算", "en": "How segments are computed"},
    "seg_computed": {"zh": "条件", "en": "Who is in it"},
    "seg_care": {"zh": "关怀方式", "en": "Care"},
    "seg_value": {"zh": "好客户不只看花了多少", "en": "A good customer is more than a big total"},
    "seg_weighing": {
        "zh": "次数、单笔价值和总额怎么权衡",
        "en": "How order count, order value and spend are weighed",
    },
    "seg_precedence": {
        "zh": "每位客户归入下列顺序中第一个符合条件的分组：{order}。",
        "en": "Each customer gets the first segment they qualify for, in this order: {order}.",
    },
    # lessons the audit cannot check
    "not_checked": {"zh": "为什么审核查不了这一条", "en": "Why the audit cannot check this"},
    "sources": {"zh": "出处：种子资料 {sources}", "en": "Sources: seed documents {sources}"},
    "customers_file": {
        "zh": "客户文件（`--customers`）里审核会读取的可选字段",
        "en": "Optional fields of the customers file (`--customers`) that the audit reads",
    },
    "field": {"zh": "字段", "en": "Field"},
    "field_use": {"zh": "审核怎么用", "en": "How the audit uses it"},
    # quiz progress on the training page
    "progress": {"zh": "第一周自测进度", "en": "Your first-week quiz progress"},
    "progress_intro": {
        "zh": "答题记录保存在这台电脑的浏览器里（本地存储），换页、关掉浏览器后都还在；"
        "换一台电脑或清除浏览器数据就会重新开始。",
        "en": "Your answers are kept in this browser's local storage, so they survive changing "
        "pages and closing the browser; another computer or clearing the browser's data starts "
        "afresh.",
    },
    "progress_page": {"zh": "页面", "en": "Page"},
    "progress_answered": {"zh": "已答", "en": "Answered"},
    "progress_correct": {"zh": "答对", "en": "Correct"},
    "progress_total": {"zh": "合计", "en": "Total"},
    # home
    "source": {"zh": "来源：种子资料 {source}", "en": "Source: seed document {source}"},
    "start_here": {"zh": "从哪里开始", "en": "Where to start"},
    "start_text": {
        "zh": "新同事请按[第一周培训路线]({training})学习；柜台边请贴一张[速查卡]({card})。",
        "en": "New staff: follow the [first-week training path]({training}); keep the "
        "[counter card]({card}) by the till.",
    },
    # rule reference
    "rules_intro": {
        "zh": "每条规则的检查内容、当前阈值、违规与合规的记录示例和改正方法。"
        "`huitou explain 规则ID` 会打印同样的内容。",
        "en": "What each rule checks with its current thresholds, a violating and a compliant "
        "log snippet, and how to fix it. `huitou explain RULE_ID` prints the same text.",
    },
    # training
    "day_title": {"zh": "第 {day} 天", "en": "Day {day}"},
    "read": {"zh": "阅读", "en": "Read"},
    "tasks": {"zh": "任务", "en": "Tasks"},
    "practice": {"zh": "练习：审核一份记录", "en": "Practice: audit a log"},
    "answers": {"zh": "参考答案", "en": "Answers"},
    "csv_line": {"zh": "CSV 行号", "en": "CSV line"},
    "explanation": {"zh": "说明", "en": "Explanation"},
    # glossary
    "glossary_intro": {
        "zh": "记录里使用的标准事件名称。",
        "en": "The canonical event names used in logs.",
    },
    "actor_customer": {"zh": "客户的行为", "en": "done by the customer"},
    "actor_shop": {"zh": "店铺的行为", "en": "done by the shop"},
    # footer of generated pages
    "generated_from": {
        "zh": "本页由手册数据 `{file}`（第 {line} 行起）生成；修改 YAML 即可更新本页。",
        "en": "This page is generated from `{file}` (from line {line}); "
        "edit the YAML to change it.",
    },
}
