-- The goods an order was placed from its cart with (Order.cartContents: 64 hex digits of a SHA-256 of its
-- SKUs and quantities), so that a second checkout of the same cart while the first is still PENDING is
-- refused instead of reserving the stock and authorising the payment again: a client that sends a new
-- Idempotency-Key per click would otherwise charge the shopper twice. The index holds under concurrency;
-- Checkout answers 409 checkout-in-progress naming the order the cart is already being checked out as.
-- Orders placed before this have none (nothing to tell a duplicate by), nor do replacement orders (no cart).
ALTER TABLE orders
    ADD COLUMN cart_contents TEXT CHECK (cart_contents ~ '^[0-9a-f]{64}$');

CREATE UNIQUE INDEX orders_one_pending_checkout_per_cart ON orders (customer_id, cart_id, cart_contents)
    WHERE status = 'PENDING' AND cart_id IS NOT NULL AND cart_contents IS NOT NULL;
