-- Which warehouse ships first: the allocation of an order prefers the lowest priority number that
-- can fill it, and breaks ties by code, so the choice is the same on every replica and every retry.
ALTER TABLE warehouses
    ADD COLUMN priority INT NOT NULL DEFAULT 100 CHECK (priority BETWEEN 0 AND 10000);
ALTER TABLE warehouses
    ADD COLUMN updated_at TIMESTAMPTZ NOT NULL DEFAULT now();

-- The default warehouse: new catalog SKUs are registered here. Every environment needs one.
INSERT INTO warehouses (id, code, name, active, priority)
VALUES (gen_random_uuid(), 'MAD-1', 'Madrid central', TRUE, 10)
ON CONFLICT (code) DO NOTHING;

-- Movements written in one transaction share its timestamp; seq keeps their order, and pages of
-- the ledger stay stable while new movements arrive.
ALTER TABLE stock_movements
    ADD COLUMN seq BIGINT GENERATED ALWAYS AS IDENTITY;
-- Why stock was adjusted: a count, damage, loss... Required for adjustments, so every correction
-- of the books can be explained in an audit.
ALTER TABLE stock_movements
    ADD COLUMN reason TEXT CHECK (reason IN ('CYCLE_COUNT', 'DAMAGED', 'LOST', 'FOUND', 'RETURNED_TO_SUPPLIER',
                                             'CORRECTION'));
ALTER TABLE stock_movements
    ADD CONSTRAINT stock_movements_adjustment_has_reason CHECK (kind <> 'ADJUSTMENT' OR reason IS NOT NULL);

CREATE INDEX stock_movements_by_sku ON stock_movements (sku, seq);
-- the forecast reads committed sales per SKU and day
CREATE INDEX stock_movements_sales ON stock_movements (sku, occurred_at) WHERE kind = 'COMMIT';

-- One row per order the checkout saga asked to reserve, whatever the outcome, so that a replayed
-- command answers what the first one answered. HELD is the only state that holds stock.
CREATE TABLE reservations
(
    order_id         UUID PRIMARY KEY,
    id               UUID        NOT NULL UNIQUE,
    status           TEXT        NOT NULL CHECK (status IN ('HELD', 'COMMITTED', 'RELEASED', 'EXPIRED', 'RESTOCKED',
                                                            'REJECTED')),
    expires_at       TIMESTAMPTZ NOT NULL,
    -- why it was rejected or released
    reason           TEXT CHECK (length(reason) <= 1000),
    unavailable_skus TEXT[]      NOT NULL DEFAULT '{}',
    created_at       TIMESTAMPTZ NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL
);

-- the sweeper looks only at held reservations, oldest expiry first
CREATE INDEX reservations_held_by_expiry ON reservations (expires_at) WHERE status = 'HELD';

-- Where each reserved unit sits. An order may be split over warehouses.
CREATE TABLE reservation_lines
(
    order_id     UUID NOT NULL REFERENCES reservations (order_id),
    sku          TEXT NOT NULL,
    warehouse_id UUID NOT NULL,
    quantity     INT  NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (order_id, sku, warehouse_id),
    FOREIGN KEY (sku, warehouse_id) REFERENCES stock (sku, warehouse_id)
);

-- The availability last published per SKU and its version. Updating this row serialises the
-- transactions that change one SKU's availability, so each publishes the total it saw after the
-- previous one committed, under a version that only grows.
CREATE TABLE sku_availability
(
    sku        TEXT PRIMARY KEY,
    available  INT CHECK (available >= 0),
    version    BIGINT      NOT NULL DEFAULT 0 CHECK (version >= 0),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Staff requests that may be retried (receipts, adjustments): the first answer is kept, a retry
-- with the same key gets it again, and the key cannot be reused for a different request.
CREATE TABLE idempotency_keys
(
    -- the operation and the caller: two callers never share keys
    scope        TEXT        NOT NULL CHECK (length(scope) BETWEEN 1 AND 200),
    key          TEXT        NOT NULL CHECK (length(key) BETWEEN 1 AND 128),
    request_hash TEXT        NOT NULL,
    status       INT,
    response     TEXT,
    created_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (scope, key)
);

CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at);
