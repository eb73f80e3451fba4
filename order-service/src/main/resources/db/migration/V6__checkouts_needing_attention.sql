-- What a checkout saga could not settle by itself (Attention in the code): the compensations it gave up
-- waiting for once it ended, and a refund payment-service refused. Staff list these checkouts and mark
-- each resolved once they have dealt with it; a resolution stands until something new needs attention.

ALTER TABLE saga_instance
    ADD COLUMN attention       TEXT[]      NOT NULL DEFAULT '{}',
    ADD COLUMN resolved_at     TIMESTAMPTZ,
    ADD COLUMN resolved_by     TEXT CHECK (length(resolved_by) BETWEEN 1 AND 128),
    ADD COLUMN resolution_note TEXT CHECK (length(resolution_note) BETWEEN 1 AND 500),
    ADD CONSTRAINT saga_instance_resolution_complete
        CHECK ((resolved_at IS NULL) = (resolved_by IS NULL) AND (resolved_at IS NULL) = (resolution_note IS NULL));

-- Sagas stored before: the same rule as Attention.of, on their JSON.
UPDATE saga_instance s
   SET attention = ARRAY(
           SELECT CASE p.name
                      WHEN 'RELEASE_STOCK' THEN 'STOCK_RELEASE_UNCONFIRMED'
                      WHEN 'VOID_PAYMENT' THEN 'PAYMENT_VOID_UNCONFIRMED'
                      ELSE 'REFUND_UNCONFIRMED'
                      END
             FROM jsonb_array_elements_text(CASE
                                                WHEN s.step = 'ENDED' AND jsonb_typeof(s.data -> 'pending') = 'array'
                                                    THEN s.data -> 'pending'
                                                ELSE '[]'::jsonb
                                                END) AS p(name)
            UNION ALL
           SELECT 'REFUND_REFUSED'
            WHERE jsonb_typeof(s.data -> 'facts') = 'array' AND s.data -> 'facts' ? 'REFUND_REFUSED')
 WHERE (s.step = 'ENDED' AND jsonb_typeof(s.data -> 'pending') = 'array' AND jsonb_array_length(s.data -> 'pending') > 0)
    OR (jsonb_typeof(s.data -> 'facts') = 'array' AND s.data -> 'facts' ? 'REFUND_REFUSED');

-- The staff list: unresolved ones, most recently changed first.
CREATE INDEX saga_instance_attention ON saga_instance (updated_at DESC, order_id)
    WHERE cardinality(attention) > 0 AND resolved_at IS NULL;
