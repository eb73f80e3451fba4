-- Invoice numbers: one correlative series per calendar year (UTC, the date the invoice shows), with
-- no gaps. Not a sequence (a rolled-back transaction would leave a gap): a counter row per year,
-- incremented with UPDATE ... RETURNING in the transaction that records the capture, so a capture
-- that rolls back gives its number back. The number is stored on the payment once and never changes.
CREATE TABLE invoice_series
(
    year        INT    PRIMARY KEY CHECK (year BETWEEN 1970 AND 9999),
    last_number BIGINT NOT NULL CHECK (last_number >= 0)
);

ALTER TABLE payments
    -- TIE-<year>-<number in the year, at least six digits>
    ADD COLUMN invoice_number        TEXT CHECK (invoice_number ~ '^TIE-[0-9]{4}-[0-9]{6,}$'),
    -- the number invoices of payments captured before the series showed (capture date and the start
    -- of the payment id), kept so that a copy a customer already holds can still be matched
    ADD COLUMN former_invoice_number TEXT CHECK (length(former_invoice_number) <= 64);

-- Payments captured before the series: numbered in capture order, per year.
WITH numbered AS (
    SELECT id,
           extract(year FROM captured_at AT TIME ZONE 'UTC')::int AS year,
           row_number() OVER (PARTITION BY extract(year FROM captured_at AT TIME ZONE 'UTC')
                              ORDER BY captured_at, id) AS n
      FROM payments
     WHERE captured_at IS NOT NULL)
UPDATE payments p
   SET invoice_number        = 'TIE-' || numbered.year || '-' || lpad(numbered.n::text, greatest(6, length(numbered.n::text)), '0'),
       former_invoice_number = 'TIE-' || to_char(p.captured_at AT TIME ZONE 'UTC', 'YYYYMMDD') || '-'
                                   || upper(substr(p.id::text, 1, 8))
  FROM numbered
 WHERE p.id = numbered.id;

INSERT INTO invoice_series (year, last_number)
SELECT extract(year FROM captured_at AT TIME ZONE 'UTC')::int, count(*)
  FROM payments
 WHERE captured_at IS NOT NULL
 GROUP BY 1;

ALTER TABLE payments
    ADD CONSTRAINT payments_invoice_number_unique UNIQUE (invoice_number),
    -- every payment that took money has its number
    ADD CONSTRAINT payments_captured_has_invoice_number CHECK (captured_at IS NULL OR invoice_number IS NOT NULL);
