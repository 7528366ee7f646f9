"""Message texts of the demo log: a few variants per purpose, mostly Chinese, some English.

A text is stored as a code; `{p}` is filled with the event's product and `{c}` with its topic
(a campaign or holiday name) when the log is written. Only the `blame` texts contain the blame
phrases of `respect.no-blame`; a test checks that no other text does.
"""

from __future__ import annotations

import numpy as np

TEXTS: dict[str, list[str]] = {
    "complaint": [
        "收到的{p}包装破了，茶叶撒了一半",
        "{p}和图片上的不一样",
        "发货太慢了，等了一个星期",
        "The {p} arrived damaged.",
        "{p}有一股怪味，怎么回事？",
    ],
    "objection": [
        "太贵了，再便宜点吧",
        "价格有点高，我再考虑考虑",
        "之前买的还没喝完，暂时不需要",
        "Too expensive for me right now.",
    ],
    "busy": [
        "在开会，晚点再说",
        "正在开车，不方便",
        "现在忙，回头聊",
        "Sorry, I'm busy right now.",
    ],
    "opt_out": ["退订", "TD", "别再给我发广告了", "Please stop sending me promotions."],
    "reply": ["谢谢", "好的，收到", "挺好喝的，谢谢关心", "知道了", "下次再去店里看看", "Thanks!"],
    "inquiry": ["请问{p}还有货吗？", "{p}怎么泡比较好？", "Do you ship {p} to Shanghai?"],
    "farewell": ["慢走，欢迎下次再来！", "谢谢光临，路上小心", "Thank you, see you next time!"],
    "greeting": [
        "您好，{p}收到了吗？水温85度左右冲泡口感最好",
        "感谢选购{p}，有任何问题随时找我",
        "Thanks for choosing {p}! Brew it at about 85°C.",
    ],
    "thanks": ["感谢您的信任，{p}请慢慢品尝", "谢谢支持！{p}开封后请密封保存"],
    "usage_check": [
        "{p}用了几天，感觉怎么样？",
        "想问问{p}喝着还习惯吗？有问题随时说",
        "How are you finding the {p}?",
    ],
    "care": [
        "天气转凉，泡杯红茶暖暖胃",
        "最近降温，注意保暖",
        "新茶刚到，有空来店里坐坐喝杯茶",
        "茶叶开封后记得密封避光保存",
        "Hope you're well! Tip: keep tea away from light.",
    ],
    "progress": [
        "您反馈的问题我们还在跟进，今天已联系仓库核对，有结果马上告诉您",
        "进展更新：厂家已收到样品，预计明后天给出结论",
        "Update: we are still on your case and expect an answer within two days.",
    ],
    "renewal_reminder": [
        "您的茶友会会员将于下周到期，续费可继续享受会员价",
        "温馨提醒：您的会员即将到期，需要续费的话回复即可",
        "Reminder: your tea club membership ends next week.",
    ],
    "care_call": ["电话问候：最近茶喝得怎么样？", "电话问候：换季了，提醒您注意茶叶防潮"],
    "reconnect": ["好久不见，最近还好吗？", "很久没联系了，天冷注意保暖，有空来喝茶"],
    "answer": ["您好，有货的，需要的话我给您介绍一下", "您好，这款是今年的新茶，欢迎品尝"],
    "holiday_greeting": [
        "{c}快乐！回头茶舍祝您阖家安康",
        "{c}将至，祝您和家人节日愉快",
        "Happy {c} from 回头茶舍!",
    ],
    "birthday_greeting": [
        "生日快乐！送您一张生日专属茶券",
        "祝您生日快乐，天天好心情",
        "Happy birthday! Wishing you a wonderful year.",
    ],
    "gift": ["寄出一份新茶试饮装，感谢您一直以来的支持", "手写感谢卡和{p}小样已寄出"],
    "callback": ["电话回访：{p}使用情况良好", "电话回访：了解近期需求", "例行回访，客户很满意"],
    "visit": ["上门拜访，送去新茶样品", "上门拜访并帮忙调试茶具"],
    "promotion": [
        "【回头茶舍】{c}：{p}限时9折，回复TD退订",
        "{c}活动开始啦，{p}第二件半价",
        "{c}: 20% off {p} this week",
    ],
    "invitation": ["诚邀您参加{c}，现场免费品鉴", "{c}邀请：周六下午店内茶会，欢迎光临"],
    "price_drop": ["{c}：{p}直降，欢迎选购", "您关注的{p}降价了"],
    "complaint_ack": [
        "非常抱歉给您带来不便，已经记录，马上为您处理",
        "收到您的反馈，由我负责跟进，尽快给您答复",
        "Sorry about that, I'm on it and will update you soon.",
    ],
    "resolution": [
        "已为您补发一份{p}，运费由我们承担",
        "已为您办理退款，请注意查收",
        "已安排换货，新的{p}今天寄出",
    ],
    "feedback": [
        "补发的快递已签收，想问问您还满意吗？",
        "处理结果已告知，您看这样可以吗？",
        "Just confirming your issue is resolved. Anything else we can do?",
    ],
    "concession": [
        "理解您的顾虑，这次给您申请了九折",
        "可以先送您一份试饮装，喝着合适再买",
        "We can offer free shipping on this one.",
    ],
    "promise": [
        "三天内一定给您寄出新的{p}",
        "预售款，我们承诺按约定时间发货",
        "I promise we'll ship it by the due date.",
    ],
    "promise_kept": ["说好的{p}已经寄出，单号已发您", "已按约定发货，请留意物流"],
    # Planted lapses of respect.no-blame only.
    "blame": [
        "这是你自己的问题，我们没办法",
        "你自己没看清楚商品描述",
        "运输损坏不是我们的责任",
        "怪你自己冲泡方法不对",
        "早就跟你说过要密封保存",
        "Honestly, that's on you.",
        "It's your own fault for not reading the description.",
        "That is not our problem.",
    ],
}

TEMPLATES: list[str] = [t for variants in TEXTS.values() for t in variants]
_BASE: dict[str, int] = {}
_offset = 0
for _purpose, _variants in TEXTS.items():
    _BASE[_purpose] = _offset
    _offset += len(_variants)


def pick(rng: np.random.Generator, purpose: str, n: int) -> np.ndarray:
    """n random text codes for one purpose."""
    return _BASE[purpose] + rng.integers(0, len(TEXTS[purpose]), n).astype(np.int32)
