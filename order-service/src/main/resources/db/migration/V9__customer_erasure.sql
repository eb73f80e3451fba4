-- The right to erasure (GDPR art. 17): user-service's user.erased. The books keep an erased customer's
-- orders (amounts, lines, dates, statuses, and the address's postcode and country, the place of supply for
-- tax) without the person: the recipient's name, the street lines and the city go, and so does the
-- request hash, a SHA-256 of the address that would confirm a guess of it. An order still under way
-- (PENDING, CONFIRMED, SHIPPED) needs its address to be delivered, so the erasure is recorded here and
-- such an order loses its address when it ends (DELIVERED, CANCELLED, REJECTED). The customer id stays:
-- it is an opaque id that no longer resolves to anybody.

CREATE TABLE erased_customers
(
    customer_id TEXT        PRIMARY KEY CHECK (length(customer_id) BETWEEN 1 AND 128),
    -- when user-service erased the account (the first user.erased; a later copy changes nothing)
    erased_at   TIMESTAMPTZ NOT NULL
);

-- When the order's address was erased: from then on it keeps only its postcode and country.
ALTER TABLE orders
    ADD COLUMN address_erased_at TIMESTAMPTZ,
    ADD CONSTRAINT orders_erased_address_is_gone CHECK (
        address_erased_at IS NULL
            OR (ship_name IS NULL AND ship_line1 IS NULL AND ship_line2 IS NULL AND ship_city IS NULL
                AND request_hash IS NULL));
