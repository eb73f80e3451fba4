-- A customer's request to send back items of a delivered order, for a refund or an exchange.
CREATE TABLE return_requests
(
    id              UUID PRIMARY KEY,
    order_id        UUID        NOT NULL,
    -- the order's customer (token subject)
    customer_id     TEXT        NOT NULL CHECK (length(customer_id) BETWEEN 1 AND 128),
    status          TEXT        NOT NULL DEFAULT 'REQUESTED'
        CHECK (status IN ('REQUESTED', 'APPROVED', 'REJECTED', 'RECEIVED', 'REFUNDED', 'EXCHANGED', 'CANCELLED')),
    resolution      TEXT        NOT NULL CHECK (resolution IN ('REFUND', 'EXCHANGE')),
    reason          TEXT        NOT NULL CHECK (reason IN ('DAMAGED', 'DEFECTIVE', 'WRONG_ITEM', 'NOT_AS_DESCRIBED',
                                                           'SIZE_OR_FIT', 'NO_LONGER_NEEDED', 'OTHER')),
    -- the customer's own words, shown to support
    comment         TEXT CHECK (length(comment) <= 2000),
    -- what is paid back, in minor units of the order's currency; unknown until the return is approved
    refund_amount   BIGINT CHECK (refund_amount >= 0),
    currency        CHAR(3) CHECK (currency ~ '^[A-Z]{3}$'),
    -- the client's Idempotency-Key of the POST that created it: a retried request finds this one
    idempotency_key TEXT        NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 255),
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    version         BIGINT      NOT NULL DEFAULT 0,
    CONSTRAINT return_requests_refund_has_currency CHECK ((refund_amount IS NULL) = (currency IS NULL)),
    CONSTRAINT return_requests_refunded_has_amount CHECK (status <> 'REFUNDED' OR refund_amount IS NOT NULL),
    CONSTRAINT return_requests_idempotency_key_per_customer UNIQUE (customer_id, idempotency_key)
);

CREATE INDEX return_requests_by_customer_newest_first ON return_requests (customer_id, created_at DESC, id DESC);
CREATE INDEX return_requests_newest_first ON return_requests (created_at DESC, id DESC);
CREATE INDEX return_requests_by_order ON return_requests (order_id);

-- The items sent back: each SKU of the order at most once per request.
CREATE TABLE return_lines
(
    return_id    UUID NOT NULL REFERENCES return_requests (id) ON DELETE CASCADE,
    line_no      INT  NOT NULL CHECK (line_no >= 1),
    sku          TEXT NOT NULL CHECK (length(sku) BETWEEN 1 AND 64),
    quantity     INT  NOT NULL CHECK (quantity > 0),
    -- for an exchange: the SKU sent in its place (another size, say)
    exchange_sku TEXT CHECK (length(exchange_sku) BETWEEN 1 AND 64),
    PRIMARY KEY (return_id, line_no),
    CONSTRAINT return_lines_sku_once UNIQUE (return_id, sku)
);
