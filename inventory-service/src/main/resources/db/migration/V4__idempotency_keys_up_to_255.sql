-- An Idempotency-Key is 1 to 255 printable ASCII characters on every endpoint of the fleet (the
-- payment provider's own limit), so that a client makes its keys one way everywhere. Receipts and
-- adjustments took at most 128; the table now keeps any key the rule allows. Widening drops no row.
ALTER TABLE idempotency_keys DROP CONSTRAINT idempotency_keys_key_check;
ALTER TABLE idempotency_keys
    ADD CONSTRAINT idempotency_keys_key_check CHECK (length(key) BETWEEN 1 AND 255);
