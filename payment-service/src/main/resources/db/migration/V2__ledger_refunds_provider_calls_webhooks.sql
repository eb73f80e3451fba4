-- The checkout's payment steps: 3-D Secure, captures, voids, refunds and the provider's webhooks.

-- A payment may wait for the shopper to authenticate (3-D Secure) before the provider authorises it.
ALTER TABLE payments DROP CONSTRAINT payments_status_check;
ALTER TABLE payments ADD CONSTRAINT payments_status_check
    CHECK (status IN ('PENDING', 'REQUIRES_ACTION', 'AUTHORIZED', 'CAPTURED', 'FAILED', 'VOIDED',
                      'PARTIALLY_REFUNDED', 'REFUNDED'));

-- The ledger: what was captured, refunded (settled by the provider) and asked back (pending).
ALTER TABLE payments
    ADD COLUMN captured_amount        BIGINT NOT NULL DEFAULT 0,
    -- when the money was taken: the date of the invoice
    ADD COLUMN captured_at            TIMESTAMPTZ,
    ADD COLUMN refunded_amount        BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN refund_pending_amount  BIGINT NOT NULL DEFAULT 0,
    -- when the provider drops an uncaptured authorisation; the sweeper acts before then
    ADD COLUMN capture_before         TIMESTAMPTZ,
    -- a capture or void the saga asked for that the provider has not confirmed yet
    ADD COLUMN pending_action         TEXT CHECK (pending_action IN ('CAPTURE', 'VOID')),
    ADD COLUMN pending_capture_amount BIGINT NOT NULL DEFAULT 0 CHECK (pending_capture_amount >= 0),
    ADD COLUMN decline_code           TEXT CHECK (length(decline_code) <= 100),
    ADD COLUMN failure_reason         TEXT CHECK (length(failure_reason) <= 1000),
    -- 3-D Secure: what the shopper must do; the client secret is Stripe.js's, never card data
    ADD COLUMN next_action_type       TEXT CHECK (length(next_action_type) <= 100),
    ADD COLUMN next_action_url        TEXT CHECK (length(next_action_url) <= 2000),
    ADD COLUMN client_secret          TEXT CHECK (length(client_secret) <= 500),
    ADD CONSTRAINT payments_captured_within_amount CHECK (captured_amount BETWEEN 0 AND amount),
    -- Refunds, settled and pending together, never exceed what was captured, whatever runs concurrently.
    ADD CONSTRAINT payments_refunds_within_captured
        CHECK (refunded_amount >= 0 AND refund_pending_amount >= 0
            AND refunded_amount + refund_pending_amount <= captured_amount);

-- At most one live attempt per order: a new attempt only after the last one failed or was voided.
CREATE UNIQUE INDEX payments_one_live_per_order ON payments (order_id)
    WHERE status IN ('PENDING', 'REQUIRES_ACTION', 'AUTHORIZED', 'CAPTURED', 'PARTIALLY_REFUNDED', 'REFUNDED');

-- What the sweeper looks at: authorisations with a pending move or nearing capture_before.
CREATE INDEX payments_authorized_by_capture_before ON payments (capture_before) WHERE status = 'AUTHORIZED';

-- Every call to the provider, keyed by the idempotency key sent with it. The row commits BEFORE the
-- call, so a retry after a crash or a timeout sends the same key and the provider answers the first result.
CREATE TABLE provider_calls
(
    idempotency_key TEXT PRIMARY KEY CHECK (length(idempotency_key) BETWEEN 1 AND 255),
    payment_id      UUID        NOT NULL REFERENCES payments (id),
    operation       TEXT        NOT NULL CHECK (operation IN ('AUTHORIZE', 'CAPTURE', 'CANCEL', 'REFUND')),
    provider        TEXT        NOT NULL CHECK (provider IN ('STRIPE', 'SIMULATED')),
    amount          BIGINT,
    attempts        INT         NOT NULL DEFAULT 0,
    -- the last outcome seen: e.g. authorized, declined, unavailable
    outcome         TEXT CHECK (length(outcome) <= 200),
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_called_at  TIMESTAMPTZ
);
CREATE INDEX provider_calls_by_payment ON provider_calls (payment_id);

-- Refunds of captured payments: asked by the saga, by staff, or made at the provider and learned by webhook.
CREATE TABLE refunds
(
    id                 UUID PRIMARY KEY,
    payment_id         UUID        NOT NULL REFERENCES payments (id),
    -- the caller's idempotency key, prefixed by its source; one refund per key and payment
    refund_key         TEXT        NOT NULL CHECK (length(refund_key) BETWEEN 1 AND 300),
    -- the request the key was first used for, so the same key with other parameters is refused
    request_hash       TEXT,
    source             TEXT        NOT NULL CHECK (source IN ('SAGA', 'STAFF', 'PROVIDER')),
    amount             BIGINT      NOT NULL CHECK (amount > 0),
    currency           CHAR(3)     NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    reason             TEXT CHECK (length(reason) <= 1000),
    status             TEXT        NOT NULL CHECK (status IN ('PENDING', 'SUCCEEDED', 'FAILED')),
    provider_refund_id TEXT CHECK (length(provider_refund_id) BETWEEN 1 AND 255),
    failure_reason     TEXT CHECK (length(failure_reason) <= 1000),
    requested_by       TEXT CHECK (length(requested_by) <= 128),
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT refunds_key_unique UNIQUE (payment_id, refund_key),
    CONSTRAINT refunds_provider_id_unique UNIQUE (provider_refund_id)
);
CREATE INDEX refunds_by_payment ON refunds (payment_id, created_at);
CREATE INDEX refunds_pending ON refunds (created_at) WHERE status = 'PENDING';

-- Webhook deliveries already applied: at-least-once and out-of-order deliveries are applied once.
CREATE TABLE webhook_events
(
    event_id    TEXT PRIMARY KEY CHECK (length(event_id) BETWEEN 1 AND 255),
    type        TEXT        NOT NULL CHECK (length(type) BETWEEN 1 AND 255),
    received_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX webhook_events_received_at ON webhook_events (received_at);
