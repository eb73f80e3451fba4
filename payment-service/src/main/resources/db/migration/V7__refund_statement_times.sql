-- When the provider made the charge.refunded statement that brought an unnamed refund row into the
-- ledger (the event's created, the provider's clock, to the second); null where it was not told (rows
-- from before this column). A dashboard refund that fails before anything named it takes back only
-- unnamed money of statements made while it was live (at or after its creation, at or before its
-- failure): a statement made before the refund existed counted other refunds' money, never its own.
ALTER TABLE refunds ADD COLUMN stated_at TIMESTAMPTZ;
