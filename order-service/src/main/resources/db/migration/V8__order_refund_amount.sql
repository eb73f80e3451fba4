-- What a cancelled order's refund is for (Refund.amount): payment-service's answer to the checkout's
-- reversal, which gives back only what is still refundable, so less than the total when staff or a return
-- refunded part of the order before. Until it answers, the order's total (what the saga asked for).

ALTER TABLE orders ADD COLUMN refund_amount BIGINT CHECK (refund_amount >= 0);

-- Refunds recorded before: the saga's answer was not kept, so the total they were shown stands.
UPDATE orders SET refund_amount = total WHERE refund_status IS NOT NULL;

ALTER TABLE orders
    ADD CONSTRAINT orders_refund_amount_complete CHECK ((refund_status IS NULL) = (refund_amount IS NULL));
