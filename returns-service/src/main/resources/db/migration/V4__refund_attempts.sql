-- Every refund a return asked payment-service for, under its key. Only the latest attempt's answer
-- may settle the return: a late or repeated answer to an earlier attempt (payment-service answers a
-- key the same way forever, and Kafka may deliver it again) must not overturn the one pending.
CREATE TABLE refund_attempts
(
    refund_key TEXT        NOT NULL PRIMARY KEY,
    return_id  UUID        NOT NULL REFERENCES return_requests (id) ON DELETE CASCADE,
    asked_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX refund_attempts_latest ON refund_attempts (return_id, asked_at DESC);
