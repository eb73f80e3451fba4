-- Names and address lines go into mails as text. A control character (Unicode Cc: U+0000-001F,
-- U+007F-009F) or a line or paragraph separator (U+2028, U+2029) in them would let whoever types the
-- name add lines of their own to a genuine mail, so the service refuses them and the tables do too.
-- Earlier versions let them in: each run of them becomes one space.

UPDATE users
   SET display_name = nullif(btrim(regexp_replace(display_name, '[\x01-\x1f\x7f-\x9f\u2028\u2029]+', ' ', 'g')), '')
 WHERE display_name ~ '[\x01-\x1f\x7f-\x9f\u2028\u2029]';
ALTER TABLE users
    ADD CONSTRAINT users_display_name_plain CHECK (display_name !~ '[\x01-\x1f\x7f-\x9f\u2028\u2029]');

UPDATE addresses
   SET name        = regexp_replace(name, '[\x01-\x1f\x7f-\x9f\u2028\u2029]+', ' ', 'g'),
       line1       = regexp_replace(line1, '[\x01-\x1f\x7f-\x9f\u2028\u2029]+', ' ', 'g'),
       line2       = regexp_replace(line2, '[\x01-\x1f\x7f-\x9f\u2028\u2029]+', ' ', 'g'),
       city        = regexp_replace(city, '[\x01-\x1f\x7f-\x9f\u2028\u2029]+', ' ', 'g'),
       region      = regexp_replace(region, '[\x01-\x1f\x7f-\x9f\u2028\u2029]+', ' ', 'g'),
       postal_code = regexp_replace(postal_code, '[\x01-\x1f\x7f-\x9f\u2028\u2029]+', ' ', 'g')
 WHERE concat_ws(' ', name, line1, line2, city, region, postal_code) ~ '[\x01-\x1f\x7f-\x9f\u2028\u2029]';
ALTER TABLE addresses
    ADD CONSTRAINT addresses_plain_text CHECK (
        concat_ws(' ', name, line1, line2, city, region, postal_code) !~ '[\x01-\x1f\x7f-\x9f\u2028\u2029]');
