-- One row per attempt to take an order's money through a provider. Card data never reaches this
-- service: the provider holds it, and we keep only the provider's id for the payment.
CREATE TABLE payments
(
    id                  UUID PRIMARY KEY,
    order_id            UUID        NOT NULL,
    -- the order's customer (token subject), so customers can be shown their own payments
    customer_id         TEXT        NOT NULL CHECK (length(customer_id) BETWEEN 1 AND 128),
    provider            TEXT        NOT NULL CHECK (provider IN ('STRIPE', 'SIMULATED')),
    -- e.g. Stripe's PaymentIntent id; unknown until the provider has answered
    provider_payment_id TEXT CHECK (length(provider_payment_id) BETWEEN 1 AND 255),
    status              TEXT        NOT NULL CHECK (status IN ('PENDING', 'AUTHORIZED', 'CAPTURED', 'FAILED',
                                                              'VOIDED', 'PARTIALLY_REFUNDED', 'REFUNDED')),
    amount              BIGINT      NOT NULL CHECK (amount > 0),
    currency            CHAR(3)     NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    -- sent to the provider with the call and stored before it, so a retried call never charges twice
    idempotency_key     TEXT        NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 255),
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    version             BIGINT      NOT NULL DEFAULT 0,
    CONSTRAINT payments_idempotency_key_unique UNIQUE (idempotency_key),
    CONSTRAINT payments_provider_payment_id_unique UNIQUE (provider, provider_payment_id),
    -- once money is held or moved, the provider's id is what support and refunds work with
    CONSTRAINT payments_provider_id_once_accepted
        CHECK (status IN ('PENDING', 'FAILED') OR provider_payment_id IS NOT NULL)
);

-- At most one successful charge per order, whatever retries and redeliveries do.
CREATE UNIQUE INDEX payments_one_successful_per_order ON payments (order_id)
    WHERE status IN ('AUTHORIZED', 'CAPTURED', 'PARTIALLY_REFUNDED', 'REFUNDED');

CREATE INDEX payments_by_order ON payments (order_id);
CREATE INDEX payments_by_customer_newest_first ON payments (customer_id, created_at DESC, id DESC);
CREATE INDEX payments_newest_first ON payments (created_at DESC, id DESC);
