-- An order's shipping address goes into mails and documents as text. A control character (Unicode Cc:
-- U+0000-001F, U+007F-009F) or a line or paragraph separator (U+2028, U+2029) in it would let whoever
-- typed it add lines of their own, so the service refuses them (ShippingAddress, TextRules.isSingleLine)
-- and the table does too. Earlier versions let them in: each run of them becomes one space, as in
-- user-service's V4.
--
-- Stored addresses are read back through the same checks, so a field must still pass them afterwards:
-- a required field (name, line1, city) left with nothing but spaces (those Java's String.strip removes)
-- becomes '?', and line2 becomes null. Postcode and country could never hold such characters (their
-- patterns are checked on every order), they are only part of the table's check.

CREATE FUNCTION tienda_plain_address_field(value TEXT, required BOOLEAN) RETURNS TEXT
    LANGUAGE sql IMMUTABLE AS
$$
SELECT CASE
           WHEN value IS NULL THEN NULL
           WHEN cleaned ~ '^[ \u1680\u2000-\u2006\u2008-\u200a\u205f\u3000]*$'
               THEN CASE WHEN required THEN '?' END
           ELSE cleaned
           END
  FROM (SELECT regexp_replace(value, '[\x01-\x1f\x7f-\x9f\u2028\u2029]+', ' ', 'g') AS cleaned) AS c
$$;

UPDATE orders
   SET ship_name  = tienda_plain_address_field(ship_name, TRUE),
       ship_line1 = tienda_plain_address_field(ship_line1, TRUE),
       ship_line2 = tienda_plain_address_field(ship_line2, FALSE),
       ship_city  = tienda_plain_address_field(ship_city, TRUE)
 WHERE concat_ws(' ', ship_name, ship_line1, ship_line2, ship_city) ~ '[\x01-\x1f\x7f-\x9f\u2028\u2029]';

DROP FUNCTION tienda_plain_address_field(TEXT, BOOLEAN);

ALTER TABLE orders
    ADD CONSTRAINT orders_ship_plain_text CHECK (
        concat_ws(' ', ship_name, ship_line1, ship_line2, ship_city, ship_postcode, ship_country)
            !~ '[\x01-\x1f\x7f-\x9f\u2028\u2029]');
