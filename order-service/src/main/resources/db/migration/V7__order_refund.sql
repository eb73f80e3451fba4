-- The refund of a paid order that was cancelled, as its shopper sees it on the order (Refund in the code).
-- The checkout saga sets it in the transaction that changes where its refund stands.

ALTER TABLE orders
    ADD COLUMN refund_status     TEXT CHECK (refund_status IN ('PENDING', 'REFUNDED', 'FAILED')),
    ADD COLUMN refund_updated_at TIMESTAMPTZ,
    ADD CONSTRAINT orders_refund_complete CHECK ((refund_status IS NULL) = (refund_updated_at IS NULL));

-- Orders cancelled before: the same rule as RefundState.of and forShopper, on their saga's JSON.
UPDATE orders o
   SET refund_status = r.status, refund_updated_at = r.at
  FROM (SELECT s.order_id, s.updated_at AS at,
               CASE
                   WHEN jsonb_typeof(s.data -> 'facts') = 'array' AND s.data -> 'facts' ? 'REFUND_REFUSED'
                       THEN 'FAILED'
                   WHEN jsonb_typeof(s.data -> 'pending') = 'array' AND s.data -> 'pending' ? 'REFUND_PAYMENT'
                       THEN 'PENDING'
                   WHEN s.data ->> 'outcome' = 'CANCELLED' AND jsonb_typeof(s.data -> 'facts') = 'array'
                       AND s.data -> 'facts' ? 'PAYMENT_CAPTURED'
                       THEN 'REFUNDED'
                   END AS status
          FROM saga_instance s) r
 WHERE r.order_id = o.id
   AND r.status IS NOT NULL;
