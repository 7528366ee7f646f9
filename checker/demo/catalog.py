"""The demo shop (a tea house): its products, staff accounts, channels and event codes."""

from __future__ import annotations

import numpy as np

SHOP = "回头茶舍"

# (name, price in yuan). Everyday products stay under 900 so that any four of them cost less
# than two of the big items: the demo's VIPs are then exactly the customers designed as VIPs.
EVERYDAY: list[tuple[str, int]] = [
    ("西湖龙井 明前特级 250g", 688),
    ("安溪铁观音 清香型 500g", 268),
    ("云南普洱熟茶饼 357g", 398),
    ("福鼎白毫银针 100g", 520),
    ("正山小种红茶 200g", 236),
    ("武夷岩茶大红袍 250g", 458),
    ("茉莉花茶 罐装 150g", 98),
    ("黄山毛峰 200g", 168),
    ("白瓷盖碗套装", 159),
    ("玻璃公道杯", 69),
    ("便携旅行茶具", 199),
    ("竹制茶盘", 329),
    ("青瓷品茗杯 六只装", 128),
    ("安吉白茶 礼罐 150g", 368),
    ("陈皮普洱 小青柑 20颗", 138),
    ("Earl Grey 伯爵红茶 100g", 88),
    ("铁壶煮水器", 899),
    ("恒温电陶炉", 599),
]
# Big items (>= 2,000): only the VIPs buy them, which makes `graceful-close.vip-gift` apply.
BIG: list[tuple[str, int]] = [
    ("宜兴紫砂壶 大师手作", 3680),
    ("龙井典藏礼盒", 2280),
    ("十年陈 老白茶 收藏级", 2980),
    ("整套红木茶台", 5600),
]
PRODUCTS: list[str] = [name for name, _ in EVERYDAY + BIG]
PRICES = np.array([price for _, price in EVERYDAY + BIG], dtype=np.int64)
N_EVERYDAY = len(EVERYDAY)
BIG_IDS = np.arange(N_EVERYDAY, len(PRODUCTS))

# Staff accounts: kf01-kf06 serve online, kf07-kf08 work in the store.
AGENTS: list[str] = [f"kf{i:02d}" for i in range(1, 9)]
ONLINE_AGENTS = np.arange(0, 6)
STORE_AGENTS = np.arange(6, 8)
# Agents of visibly different quality, so the scorecards show a spread: kf01 is excellent
# (no planted lapse is theirs, and their inquiries convert best), kf02 skips greetings,
# kf03 over-contacts (most lapses of the contact policy are theirs).
EXCELLENT, SKIPS_GREETINGS, OVER_CONTACTS = 0, 1, 2
# How often each online agent answers an inquiry that comes to nothing (kf01 least).
LOST_INQUIRY_WEIGHTS = np.array([0.04, 0.2, 0.22, 0.18, 0.18, 0.18])

# Channel codes (0 = none). Remote channels make shop events "outbound".
CHANNELS: list[str] = ["", "store", "phone", "sms", "im", "wechat", "email", "visit", "mail"]
STORE, PHONE, SMS, IM, WECHAT, EMAIL, VISIT, MAIL = range(1, 9)
MESSAGE_CHANNELS = np.array([WECHAT, SMS, IM])
MARKETING_CHANNELS = np.array([SMS, WECHAT, IM, PHONE])

# Event codes: the canonical vocabulary of the seed playbook.
EVENTS: list[str] = [
    "purchase",
    "refund",
    "complaint",
    "objection",
    "busy",
    "opt_out",
    "reply",
    "farewell",
    "greeting",
    "usage_check",
    "care",
    "holiday_greeting",
    "birthday_greeting",
    "thanks",
    "gift",
    "callback",
    "visit",
    "promotion",
    "invitation",
    "price_drop",
    "complaint_ack",
    "resolution",
    "feedback",
    "concession",
    "promise",
    "promise_kept",
    "progress",  # (added last: the codes of the others stay as they were)
    "expiry",
    "renewal_reminder",
    "inquiry",  # a customer's pre-sale question; the row names the agent who answered
]
EV = {name: code for code, name in enumerate(EVENTS)}
SHOP_EVENTS = np.array([EV[e] for e in EVENTS[7:] if e not in ("expiry", "inquiry")])
CARE_EVENTS = np.array([EV[e] for e in EVENTS[7:17]])
MARKETING_EVENTS = np.array([EV["promotion"], EV["invitation"], EV["price_drop"]])
REMOTE_CHANNELS = np.array([PHONE, SMS, IM, WECHAT, EMAIL, MAIL])

# Marketing campaigns by month (the first wave of a month gets its theme, a second one is a
# members' day).
CAMPAIGNS: list[str] = [
    "会员日",
    "年货节",
    "春茶预售",
    "春茶预售",
    "新茶上市",
    "品鉴会",
    "618",
    "夏日冷泡茶",
    "茶具焕新",
    "中秋礼盒",
    "国庆特惠",
    "双11",
    "双12",
]
