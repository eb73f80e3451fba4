-- The returns whose refund or exchange failed and waits for staff: listed by settlement, newest first
-- (GET /api/v1/returns?settlement=...), and counted on every metrics scrape (returns_awaiting_staff).
-- Few rows at any time, so a partial index keeps both cheap however many returns there are.
CREATE INDEX return_requests_awaiting_staff ON return_requests (settlement, created_at DESC, id DESC)
    WHERE settlement IN ('REFUND_FAILED', 'EXCHANGE_FAILED');
