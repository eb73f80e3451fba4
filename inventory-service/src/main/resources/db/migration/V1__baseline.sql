-- Where stock is kept.
CREATE TABLE warehouses
(
    id         UUID PRIMARY KEY,
    code       TEXT        NOT NULL CHECK (code ~ '^[A-Z0-9][A-Z0-9-]{1,31}$'),
    name       TEXT        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    -- an inactive warehouse ships nothing: its stock does not count as available
    active     BOOLEAN     NOT NULL DEFAULT TRUE,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT warehouses_code_unique UNIQUE (code)
);

-- How many units of a SKU one warehouse holds. Reserved units belong to checkouts in progress:
-- they are still on the shelf but no longer for sale. The checks are the last line of defence
-- against overselling: stock never goes negative and never more is promised than is held.
CREATE TABLE stock
(
    sku              TEXT        NOT NULL CHECK (length(sku) BETWEEN 1 AND 64),
    warehouse_id     UUID        NOT NULL REFERENCES warehouses (id),
    on_hand          INT         NOT NULL DEFAULT 0 CHECK (on_hand >= 0),
    reserved         INT         NOT NULL DEFAULT 0 CHECK (reserved >= 0),
    -- when available (on_hand - reserved) falls to this level, it is time to reorder
    reorder_point    INT         NOT NULL DEFAULT 0 CHECK (reorder_point >= 0),
    reorder_quantity INT         NOT NULL DEFAULT 0 CHECK (reorder_quantity >= 0),
    updated_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    version          BIGINT      NOT NULL DEFAULT 0,
    PRIMARY KEY (sku, warehouse_id),
    CONSTRAINT stock_reserved_within_on_hand CHECK (reserved <= on_hand)
);

CREATE INDEX stock_by_warehouse ON stock (warehouse_id);
-- the low-stock report reads only the rows at or below their reorder point
CREATE INDEX stock_low ON stock (sku, warehouse_id) WHERE on_hand - reserved <= reorder_point;

-- The ledger: every change to on_hand or reserved, written in the transaction that makes it, so
-- the current stock can always be explained (and rebuilt) from its history. Rows are never updated.
CREATE TABLE stock_movements
(
    id             UUID PRIMARY KEY,
    sku            TEXT        NOT NULL,
    warehouse_id   UUID        NOT NULL,
    kind           TEXT        NOT NULL,
    on_hand_delta  INT         NOT NULL DEFAULT 0,
    reserved_delta INT         NOT NULL DEFAULT 0,
    -- what caused it: an order, a return, a purchase order, a stock count
    reference      TEXT CHECK (length(reference) <= 200),
    -- who caused it: a staff member's user id, or the service acting for a saga
    actor          TEXT        NOT NULL CHECK (length(actor) BETWEEN 1 AND 128),
    note           TEXT CHECK (length(note) <= 1000),
    occurred_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    FOREIGN KEY (sku, warehouse_id) REFERENCES stock (sku, warehouse_id),
    -- each kind moves stock in one way only
    CONSTRAINT stock_movements_kind_moves_stock CHECK (
        (kind = 'RECEIPT' AND on_hand_delta > 0 AND reserved_delta = 0)
            OR (kind = 'RESTOCK' AND on_hand_delta > 0 AND reserved_delta = 0)
            OR (kind = 'ADJUSTMENT' AND on_hand_delta <> 0 AND reserved_delta = 0)
            OR (kind = 'RESERVATION' AND on_hand_delta = 0 AND reserved_delta > 0)
            OR (kind = 'RELEASE' AND on_hand_delta = 0 AND reserved_delta < 0)
            OR (kind = 'COMMIT' AND on_hand_delta < 0 AND reserved_delta = on_hand_delta))
);

CREATE INDEX stock_movements_by_stock ON stock_movements (sku, warehouse_id, occurred_at);
CREATE INDEX stock_movements_by_reference ON stock_movements (reference);
