-- Money of a refund made at the provider that a charge's refunded total (charge.refunded) had already
-- brought into the ledger without a name, and that payment.events announced as refunded under that
-- unnamed refund row's id. When the refund's own event names it later, the money becomes its own, but
-- consumers know it only by the id it was announced with: if the refund then fails, its failure is
-- announced under the same id(s), for the same amounts. The rest of a refund's amount was announced
-- under its own id. The unnamed row may be gone (merged into the refund), so its id is not a reference.
CREATE TABLE refund_parts
(
    refund_id    UUID   NOT NULL REFERENCES refunds (id) ON DELETE CASCADE,
    announced_as UUID   NOT NULL,
    amount       BIGINT NOT NULL CHECK (amount > 0),
    PRIMARY KEY (refund_id, announced_as)
);
