-- The cart contents an order was placed from (cart-service's contentsId: the same in every snapshot of the
-- cart until its lines change or an order takes them out). V11 refuses a second checkout of the same goods
-- only while the first order is PENDING; once it is CONFIRMED, cart-service empties the cart a moment later,
-- on order.confirmed, and a checkout in between (a client that makes a new Idempotency-Key per click) would
-- charge the shopper twice. One order per contents id closes that window: the same contents cannot be
-- ordered again unless their order was REJECTED or CANCELLED, while the same goods put back in the cart
-- afterwards are new contents. Orders from before this, from an older cart-service or from no cart have none.
ALTER TABLE orders
    ADD COLUMN cart_contents_id UUID;

CREATE UNIQUE INDEX orders_one_order_per_cart_contents ON orders (customer_id, cart_id, cart_contents_id)
    WHERE cart_contents_id IS NOT NULL AND cart_id IS NOT NULL
      AND status IN ('PENDING', 'CONFIRMED', 'SHIPPED', 'DELIVERED');
