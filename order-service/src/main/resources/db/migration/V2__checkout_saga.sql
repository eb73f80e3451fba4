-- The checkout: what an order needs to be placed and followed (number, address, payment method,
-- tracking), the history of its status, and the state of the saga that drives it.

-- Human-readable order numbers, TND-<year>-<at least 6 digits>: unique and never reused.
CREATE SEQUENCE order_number_seq START WITH 1;

CREATE FUNCTION next_order_number() RETURNS TEXT LANGUAGE plpgsql AS
$$
DECLARE
    n BIGINT := nextval('order_number_seq');
BEGIN
    RETURN 'TND-' || to_char(now() AT TIME ZONE 'UTC', 'YYYY') || '-' || lpad(n::TEXT, greatest(6, length(n::TEXT)), '0');
END;
$$;

ALTER TABLE orders
    ADD COLUMN number                 TEXT        NOT NULL DEFAULT next_order_number(),
    -- prices that include tax show the tax for information only: it is not added to the total
    ADD COLUMN tax_included           BOOLEAN     NOT NULL DEFAULT FALSE,
    ADD COLUMN cart_id                TEXT,
    ADD COLUMN coupon_code            TEXT CHECK (length(coupon_code) BETWEEN 1 AND 64),
    -- a payment method token (pm_...), never card data
    ADD COLUMN payment_method         TEXT CHECK (payment_method ~ '^pm_[A-Za-z0-9_]{1,120}$'),
    -- SHA-256 of the request that placed the order: the same Idempotency-Key with another body is refused
    ADD COLUMN request_hash           TEXT,
    ADD COLUMN ship_name              TEXT,
    ADD COLUMN ship_line1             TEXT,
    ADD COLUMN ship_line2             TEXT,
    ADD COLUMN ship_city              TEXT,
    ADD COLUMN ship_postcode          TEXT,
    ADD COLUMN ship_country           CHAR(2) CHECK (ship_country ~ '^[A-Z]{2}$'),
    ADD COLUMN carrier                TEXT CHECK (length(carrier) BETWEEN 1 AND 100),
    ADD COLUMN tracking_number        TEXT CHECK (length(tracking_number) BETWEEN 1 AND 100),
    ADD COLUMN shipped_at             TIMESTAMPTZ,
    ADD COLUMN delivered_at           TIMESTAMPTZ,
    -- what the shopper must do before the payment can complete (3-D Secure), while the order is PENDING
    ADD COLUMN next_action_type       TEXT,
    ADD COLUMN next_action_url        TEXT,
    -- Stripe.js's client secret for use_stripe_sdk: shown to the shopper only, cleared with the action
    ADD COLUMN next_action_client_secret TEXT,
    ADD COLUMN next_action_expires_at TIMESTAMPTZ,
    ADD CONSTRAINT orders_number_unique UNIQUE (number),
    ADD CONSTRAINT orders_shipped_has_tracking
        CHECK (status NOT IN ('SHIPPED', 'DELIVERED') OR shipped_at IS NULL OR tracking_number IS NOT NULL);

ALTER TABLE orders DROP CONSTRAINT orders_total_adds_up;
ALTER TABLE orders
    ADD CONSTRAINT orders_total_adds_up
        CHECK (total = subtotal - discount + shipping + CASE WHEN tax_included THEN 0 ELSE tax END);

-- staff lists: by status and by date, newest first
CREATE INDEX orders_by_status_newest_first ON orders (status, created_at DESC, id DESC);
CREATE INDEX orders_newest_first ON orders (created_at DESC, id DESC);

-- a line's discount (offers and coupon) as the cart priced it
ALTER TABLE order_lines ADD COLUMN discount BIGINT NOT NULL DEFAULT 0 CHECK (discount >= 0);
ALTER TABLE order_lines DROP CONSTRAINT order_lines_total_adds_up;
ALTER TABLE order_lines
    ADD CONSTRAINT order_lines_total_adds_up CHECK (line_total = unit_price * quantity - discount);

-- Every status change of an order: when, who (a user id, or checkout-saga) and why.
CREATE TABLE order_status_history
(
    order_id    UUID        NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    seq         INT         NOT NULL CHECK (seq >= 1),
    from_status TEXT,
    to_status   TEXT        NOT NULL,
    at          TIMESTAMPTZ NOT NULL,
    actor       TEXT        NOT NULL CHECK (length(actor) BETWEEN 1 AND 128),
    reason      TEXT CHECK (length(reason) <= 1000),
    PRIMARY KEY (order_id, seq)
);

-- The checkout saga of an order: where it is, until when it waits, how often it asked, and its data.
CREATE TABLE saga_instance
(
    order_id   UUID        PRIMARY KEY REFERENCES orders (id) ON DELETE CASCADE,
    saga_type  TEXT        NOT NULL DEFAULT 'checkout',
    step       TEXT        NOT NULL,
    -- null once nothing is awaited; the sweeper acts on rows whose deadline has passed
    deadline   TIMESTAMPTZ,
    attempts   INT         NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    data       JSONB       NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    version    BIGINT      NOT NULL DEFAULT 0
);
CREATE INDEX saga_instance_due ON saga_instance (deadline) WHERE deadline IS NOT NULL;

-- Coupon uses to record at product-service (REDEEM) or give back (RELEASE), retried until they succeed.
CREATE TABLE coupon_tasks
(
    order_id        UUID        NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    action          TEXT        NOT NULL CHECK (action IN ('REDEEM', 'RELEASE')),
    code            TEXT        NOT NULL,
    customer_id     TEXT        NOT NULL,
    order_total     BIGINT      NOT NULL,
    currency        CHAR(3)     NOT NULL,
    status          TEXT        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'DONE', 'FAILED')),
    attempts        INT         NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    last_error      TEXT,
    created_at      TIMESTAMPTZ NOT NULL,
    done_at         TIMESTAMPTZ,
    PRIMARY KEY (order_id, action)
);
CREATE INDEX coupon_tasks_due ON coupon_tasks (next_attempt_at) WHERE status = 'PENDING';
