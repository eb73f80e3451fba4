-- A return whose refund the provider made after all, once staff had paid it outside the provider: the
-- customer was paid twice and staff recover the difference. Set once, by the first such refund; listed
-- with GET /api/v1/returns?paidTwice=true, newest return first. Rare, so a partial index serves the list.
ALTER TABLE return_requests ADD COLUMN paid_twice_at TIMESTAMPTZ;

CREATE INDEX return_requests_paid_twice ON return_requests (created_at DESC, id DESC)
    WHERE paid_twice_at IS NOT NULL;
