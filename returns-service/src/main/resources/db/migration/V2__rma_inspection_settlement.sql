-- Returns become a whole flow: RMA numbers, a line-by-line inspection, the refund or replacement it
-- leads to, a history of every move, and what this service learns of delivered orders.

ALTER TABLE return_requests DROP CONSTRAINT return_requests_status_check;
ALTER TABLE return_requests ADD CONSTRAINT return_requests_status_check
    CHECK (status IN ('REQUESTED', 'APPROVED', 'REJECTED', 'RECEIVED', 'INSPECTED', 'REFUNDED', 'EXCHANGED',
                      'CANCELLED'));

CREATE SEQUENCE rma_seq;

ALTER TABLE return_requests
    -- the number the customer writes on the parcel: RMA-<year>-<000123> from rma_seq
    ADD COLUMN rma                  TEXT UNIQUE CHECK (rma ~ '^RMA-[0-9]{4}-[0-9]{6,}$'),
    ADD COLUMN order_number         TEXT CHECK (length(order_number) <= 64),
    -- while INSPECTED: the refund or replacement asked for and awaited, or its failure
    ADD COLUMN settlement           TEXT CHECK (settlement IN ('REFUND_PENDING', 'REFUND_FAILED', 'EXCHANGE_PENDING',
                                                               'EXCHANGE_FAILED')),
    ADD COLUMN settlement_note      TEXT CHECK (length(settlement_note) <= 500),
    -- for an exchange: the order that sends the new units (id chosen here, created by order-service)
    ADD COLUMN replacement_order_id UUID UNIQUE,
    ADD CONSTRAINT return_requests_settlement_only_inspected CHECK (settlement IS NULL OR status = 'INSPECTED');

CREATE INDEX return_requests_by_order_status ON return_requests (order_id, status);

ALTER TABLE return_lines
    ADD COLUMN product_id        TEXT CHECK (length(product_id) <= 64),
    ADD COLUMN name              TEXT CHECK (length(name) <= 300),
    -- the price of one unit as bought, minor units of the order's currency
    ADD COLUMN unit_price        BIGINT CHECK (unit_price >= 0),
    ADD COLUMN reason            TEXT CHECK (reason IN ('DAMAGED', 'DEFECTIVE', 'WRONG_ITEM', 'NOT_AS_DESCRIBED',
                                                        'SIZE_OR_FIT', 'NO_LONGER_NEEDED', 'OTHER')),
    ADD COLUMN comment           TEXT CHECK (length(comment) <= 2000),
    -- set at inspection
    ADD COLUMN accepted_quantity INT CHECK (accepted_quantity >= 0),
    ADD COLUMN restockable       BOOLEAN,
    ADD CONSTRAINT return_lines_accepted_at_most_sent CHECK (accepted_quantity <= quantity);

-- Every move of a return (and notes such as a failed refund, from = to).
CREATE TABLE return_status_history
(
    seq         BIGSERIAL PRIMARY KEY,
    return_id   UUID        NOT NULL REFERENCES return_requests (id) ON DELETE CASCADE,
    from_status TEXT,
    to_status   TEXT        NOT NULL,
    at          TIMESTAMPTZ NOT NULL,
    -- a user id, or returns-service for what an event caused
    actor       TEXT        NOT NULL CHECK (length(actor) BETWEEN 1 AND 128),
    note        TEXT CHECK (length(note) <= 2000)
);

CREATE INDEX return_status_history_by_return ON return_status_history (return_id, at);

-- Orders that reached their customer, from order.delivered: what may be returned, at what price.
CREATE TABLE delivered_orders
(
    order_id     UUID PRIMARY KEY,
    order_number TEXT,
    customer_id  TEXT        NOT NULL CHECK (length(customer_id) BETWEEN 1 AND 128),
    currency     CHAR(3) CHECK (currency ~ '^[A-Z]{3}$'),
    delivered_at TIMESTAMPTZ NOT NULL,
    recorded_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX delivered_orders_by_customer ON delivered_orders (customer_id);

CREATE TABLE delivered_order_lines
(
    order_id   UUID   NOT NULL REFERENCES delivered_orders (order_id) ON DELETE CASCADE,
    sku        TEXT   NOT NULL,
    product_id TEXT,
    name       TEXT,
    quantity   INT    NOT NULL CHECK (quantity > 0),
    unit_price BIGINT NOT NULL CHECK (unit_price >= 0),
    PRIMARY KEY (order_id, sku)
);

-- Which product each SKU is a variant of (product.events and delivered orders): exchanges may ask
-- for another variant of the same product.
CREATE TABLE catalog_skus
(
    sku        TEXT PRIMARY KEY,
    product_id TEXT NOT NULL
);
