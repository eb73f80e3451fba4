-- Money paid back outside the provider: staff sent a refund another way (a bank transfer) when the
-- provider refused it or never confirmed it, and said so: order-service with order.refund_settled for a
-- cancelled order, returns-service with returns.refund_settled for a return. It is kept apart from
-- refunded_amount, which is the provider's own ledger and what its webhooks are reconciled against, so
-- the two together may exceed the capture: the customer was then paid twice, and the ledger shows it.
ALTER TABLE payments
    ADD COLUMN refunded_outside_amount BIGINT NOT NULL DEFAULT 0,
    ADD CONSTRAINT payments_refunded_outside_within_captured
        CHECK (refunded_outside_amount BETWEEN 0 AND captured_amount);

-- Its refund rows: source OUTSIDE, SUCCEEDED, no provider id, one per cancelled order
-- (refund_key 'outside:<orderId>') and one per return ('outside:return:<returnId>').
ALTER TABLE refunds DROP CONSTRAINT refunds_source_check;
ALTER TABLE refunds ADD CONSTRAINT refunds_source_check CHECK (source IN ('SAGA', 'STAFF', 'PROVIDER', 'OUTSIDE'));
