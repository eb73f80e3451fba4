-- What the customer paid for each SKU of a delivered order, after offers and the coupon: a return gives
-- back a share of it, not the catalog price. Orders delivered before order.delivered carried it keep the
-- catalog price, the only figure known for them.
ALTER TABLE delivered_order_lines ADD COLUMN paid BIGINT;
UPDATE delivered_order_lines SET paid = unit_price * quantity;
ALTER TABLE delivered_order_lines ALTER COLUMN paid SET NOT NULL;
ALTER TABLE delivered_order_lines ADD CONSTRAINT delivered_order_lines_paid_not_negative CHECK (paid >= 0);

-- What the units of a return line cost the customer, their share of what the order line paid; null on
-- returns recorded before, whose refund stays the catalog price of the accepted units.
ALTER TABLE return_lines ADD COLUMN paid BIGINT CONSTRAINT return_lines_paid_not_negative CHECK (paid >= 0);
