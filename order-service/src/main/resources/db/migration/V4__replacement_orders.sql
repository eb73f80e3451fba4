-- Replacement orders: sent at no charge in place of returned units (returns-service's
-- order.create_replacement). They keep the order they replace and the return's reference (its RMA).
ALTER TABLE orders
    ADD COLUMN replaces_order_id UUID REFERENCES orders (id),
    ADD COLUMN reference         TEXT CHECK (length(reference) BETWEEN 1 AND 200),
    ADD CONSTRAINT orders_replacement_is_free CHECK (replaces_order_id IS NULL OR total = 0);

CREATE INDEX orders_by_replaced_order ON orders (replaces_order_id) WHERE replaces_order_id IS NOT NULL;
