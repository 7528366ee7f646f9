-- A hand-written DuckDB baseline: one read of the log, one window pass partitioned by
-- customer and ordered by time, computing four of the seed rules' violations:
-- cadence.greeting (2 d), cadence.usage-check (7 d), no-pressure.frequency-cap (2 per 30 d)
-- and no-pressure.quiet-hours (21:00-09:00). The file path is the statement's parameter.
WITH ev AS (
    SELECT
        customer_id,
        event,
        NULLIF(channel, '') AS channel,
        coalesce(
            try_strptime(ts, '%Y-%m-%d %H:%M:%S'),
            try_strptime(ts, '%Y-%m-%dT%H:%M:%S'),
            CAST(timezone('Asia/Shanghai', try_cast(ts AS TIMESTAMPTZ)) AS TIMESTAMP)
        ) AS ts
    FROM read_csv($path, header = true, all_varchar = true)
),
w AS (
    SELECT
        *,
        min(ts) FILTER (WHERE event IN ('greeting', 'thanks')) OVER nxt AS next_greeting,
        min(ts) FILTER (WHERE event = 'usage_check') OVER nxt AS next_usage_check,
        count(*) FILTER (WHERE event IN ('promotion', 'invitation', 'price_drop')) OVER month
            AS marketing_30d
    FROM ev
    WINDOW
        nxt AS (PARTITION BY customer_id ORDER BY ts
                ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING),
        month AS (PARTITION BY customer_id ORDER BY ts
                  RANGE BETWEEN INTERVAL 30 DAYS PRECEDING AND CURRENT ROW)
),
bounds AS (SELECT max(ts) AS as_of FROM ev)
SELECT
    count(*) FILTER (WHERE event = 'purchase' AND (
        next_greeting > ts + INTERVAL 2 DAY
        OR (next_greeting IS NULL AND ts + INTERVAL 2 DAY <= as_of))) AS "cadence.greeting",
    count(*) FILTER (WHERE event = 'purchase' AND (
        next_usage_check > ts + INTERVAL 7 DAY
        OR (next_usage_check IS NULL AND ts + INTERVAL 7 DAY <= as_of))) AS "cadence.usage-check",
    count(*) FILTER (WHERE event IN ('promotion', 'invitation', 'price_drop')
        AND marketing_30d > 2) AS "no-pressure.frequency-cap",
    count(*) FILTER (WHERE event IN (
            'farewell', 'greeting', 'usage_check', 'care', 'holiday_greeting',
            'birthday_greeting', 'thanks', 'gift', 'callback', 'visit', 'promotion',
            'invitation', 'price_drop', 'complaint_ack', 'resolution', 'feedback',
            'concession', 'promise', 'promise_kept')
        AND (channel IS NULL OR channel IN ('phone', 'sms', 'im', 'wechat', 'email', 'mail'))
        AND (hour(ts) >= 21 OR hour(ts) < 9)) AS "no-pressure.quiet-hours"
FROM w, bounds
