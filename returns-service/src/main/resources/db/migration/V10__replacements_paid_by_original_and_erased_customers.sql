-- An exchange's replacement order ships free and has no payment of its own: its units were paid for on the
-- order the exchanged units were bought on. paid_order_id names the order whose payment a refund of its
-- units goes back to (null: the order itself), and its lines carry what was paid there for the accepted
-- units they replace, at the catalog price they were bought at, instead of the 0 order.delivered says.
ALTER TABLE delivered_orders ADD COLUMN paid_order_id UUID;

-- Replacements delivered before this: the order that paid, following replacements of replacements to the
-- first order of the chain.
WITH RECURSIVE paid_by (order_id, paid_order_id) AS (
    SELECT replacement_order_id, order_id FROM return_requests
     WHERE replacement_order_id IS NOT NULL AND status = 'EXCHANGED'
    UNION
    SELECT p.order_id, r.order_id
      FROM paid_by p
      JOIN return_requests r ON r.replacement_order_id = p.paid_order_id AND r.status = 'EXCHANGED'
)
UPDATE delivered_orders d SET paid_order_id = p.paid_order_id
  FROM paid_by p
 WHERE d.order_id = p.order_id
   AND NOT EXISTS (SELECT 1 FROM return_requests r
                    WHERE r.replacement_order_id = p.paid_order_id AND r.status = 'EXCHANGED');

-- ... and what their units are worth: per SKU sent, the accepted units' share of what their return line
-- cost (rounded down, as a refund of them is), at the highest catalog price among the units they replace.
UPDATE delivered_order_lines l SET unit_price = w.unit_price, paid = w.paid
  FROM (SELECT r.replacement_order_id AS order_id, coalesce(rl.exchange_sku, rl.sku) AS sku,
               max(coalesce(rl.unit_price, 0)) AS unit_price,
               sum(CASE WHEN rl.paid IS NULL THEN coalesce(rl.unit_price, 0) * rl.accepted_quantity
                        ELSE rl.paid * rl.accepted_quantity / rl.quantity END) AS paid
          FROM return_requests r
          JOIN return_lines rl ON rl.return_id = r.id
         WHERE r.replacement_order_id IS NOT NULL AND r.status = 'EXCHANGED' AND rl.accepted_quantity > 0
         GROUP BY r.replacement_order_id, coalesce(rl.exchange_sku, rl.sku)) w
 WHERE l.order_id = w.order_id AND l.sku = w.sku;

-- Customers erased (user.erased) and the id their records were given instead. order-service still delivers
-- an order that was under way, and its order.delivered may come after the erasure with the real id: it is
-- recorded under the same replacement id. Returns.erase writes it; the first replacement stays.
CREATE TABLE erased_customers
(
    customer_id TEXT PRIMARY KEY CHECK (length(customer_id) BETWEEN 1 AND 128),
    replacement TEXT        NOT NULL CHECK (length(replacement) BETWEEN 1 AND 128),
    erased_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
