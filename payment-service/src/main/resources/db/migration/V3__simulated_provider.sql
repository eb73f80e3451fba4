-- The simulated provider of the local fleet: a small Stripe of its own, with its own tables. Like
-- Stripe it keeps the payment method token of each intent; payment-service's tables never do.
CREATE TABLE simulated_intents
(
    id                  TEXT PRIMARY KEY,
    amount              BIGINT      NOT NULL CHECK (amount > 0),
    currency            TEXT        NOT NULL,
    payment_method      TEXT        NOT NULL,
    -- Stripe's PaymentIntent statuses
    status              TEXT        NOT NULL CHECK (status IN ('requires_payment_method', 'requires_confirmation',
                                                               'requires_action', 'processing', 'requires_capture',
                                                               'canceled', 'succeeded')),
    amount_capturable   BIGINT      NOT NULL DEFAULT 0,
    amount_received     BIGINT      NOT NULL DEFAULT 0,
    amount_refunded     BIGINT      NOT NULL DEFAULT 0,
    capture_before      TIMESTAMPTZ,
    client_secret       TEXT        NOT NULL,
    metadata            TEXT        NOT NULL DEFAULT '{}',
    last_error_code     TEXT,
    last_decline_code   TEXT,
    cancellation_reason TEXT,
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at          TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE simulated_refunds
(
    id         TEXT PRIMARY KEY,
    intent_id  TEXT        NOT NULL REFERENCES simulated_intents (id),
    amount     BIGINT      NOT NULL CHECK (amount > 0),
    status     TEXT        NOT NULL CHECK (status IN ('pending', 'succeeded', 'failed', 'canceled')),
    metadata   TEXT        NOT NULL DEFAULT '{}',
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Stripe's idempotency: the first answer to a key is kept, a replay gets it again, and the same key
-- with other parameters is refused.
CREATE TABLE simulated_idempotency_keys
(
    key          TEXT PRIMARY KEY,
    request_hash TEXT        NOT NULL,
    status_code  INT,
    response     TEXT,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
