-- What the request that created a return asked for (order, resolution, lines), as a SHA-256 of its
-- canonical form, so that its Idempotency-Key replays only that request: the same key with another body
-- is 422 idempotency-key-reused, as at order-, payment- and inventory-service. Returns created before it
-- was kept have none and keep replaying for their order.
ALTER TABLE return_requests ADD COLUMN request_fingerprint TEXT;
