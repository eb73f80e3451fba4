-- Orders as the shopper placed them. Amounts are integer minor units of the order's currency,
-- priced once at checkout: later price changes never alter an order.
CREATE TABLE orders
(
    id              UUID PRIMARY KEY,
    -- the subject of the customer's access token (user-service's user id)
    customer_id     TEXT        NOT NULL CHECK (length(customer_id) BETWEEN 1 AND 128),
    status          TEXT        NOT NULL
        CHECK (status IN ('PENDING', 'REJECTED', 'CANCELLED', 'CONFIRMED', 'SHIPPED', 'DELIVERED')),
    currency        CHAR(3)     NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    subtotal        BIGINT      NOT NULL CHECK (subtotal >= 0),
    discount        BIGINT      NOT NULL DEFAULT 0 CHECK (discount >= 0),
    shipping        BIGINT      NOT NULL DEFAULT 0 CHECK (shipping >= 0),
    tax             BIGINT      NOT NULL DEFAULT 0 CHECK (tax >= 0),
    total           BIGINT      NOT NULL CHECK (total >= 0),
    -- the client's Idempotency-Key of the POST that placed it: a retried checkout finds this order
    idempotency_key TEXT        NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 255),
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- optimistic locking: saga replies and staff updates must not overwrite each other
    version         BIGINT      NOT NULL DEFAULT 0,
    CONSTRAINT orders_total_adds_up CHECK (total = subtotal - discount + shipping + tax),
    CONSTRAINT orders_idempotency_key_per_customer UNIQUE (customer_id, idempotency_key)
);

-- "my orders, newest first" and staff looking up one customer's orders
CREATE INDEX orders_by_customer_newest_first ON orders (customer_id, created_at DESC, id DESC);

CREATE TABLE order_lines
(
    order_id   UUID    NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    line_no    INT     NOT NULL CHECK (line_no >= 1),
    sku        TEXT    NOT NULL CHECK (length(sku) BETWEEN 1 AND 64),
    product_id TEXT    NOT NULL,
    -- the product name at checkout, so the order reads the same after the catalog changes
    name       TEXT    NOT NULL,
    quantity   INT     NOT NULL CHECK (quantity > 0),
    unit_price BIGINT  NOT NULL CHECK (unit_price >= 0),
    line_total BIGINT  NOT NULL,
    PRIMARY KEY (order_id, line_no),
    CONSTRAINT order_lines_total_adds_up CHECK (line_total = unit_price * quantity)
);
