-- Coupon uses are redeemed and given back by commands on product.commands, written through the
-- outbox in the saga's own transaction (DESIGN.md section 5); the HTTP task table is no longer used.
DROP TABLE IF EXISTS coupon_tasks;
