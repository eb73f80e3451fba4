-- A return of an exchange's replacement created before V10 was priced from the replacement's lines as they were
-- recorded then, at the 0 order-service ships a replacement at. V10 gave those lines their worth but left such
-- returns at 0, and took the worth of an exchange of an exchange from them: the second replacement is worth 0, and
-- a refund of these units would give nothing back. V10 itself is applied already, so the repair comes here.
--
-- Each round prices these return lines from the replacement's lines as they stand, by the rule a new return
-- follows: the line's total spread evenly over its units, the units of the line's standing returns created before
-- first (ReturnPolicy), at the catalog price of the line. Only returns that have not refunded anything are
-- repriced (a refund made, even of 0, stays what it was). Then the replacements of the exchanged ones take their
-- worth from them again, as V10 does. A replacement of a replacement of a replacement needs the next round, and so
-- on until nothing changes.
DO
$$
    DECLARE
        repriced    INT;
        revalued    INT;
    BEGIN
        LOOP
            UPDATE return_lines rl SET unit_price = s.unit_price, paid = s.paid
              FROM (SELECT h.return_id, h.line_no, l.unit_price,
                           l.paid * (h.before + h.quantity) / l.quantity - l.paid * h.before / l.quantity AS paid
                      FROM (SELECT rl.return_id, rl.line_no, rl.sku, rl.quantity, r.order_id,
                                   coalesce(sum(rl.quantity) OVER (PARTITION BY r.order_id, rl.sku
                                       ORDER BY r.created_at, r.id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING),
                                       0) AS before
                              FROM return_lines rl
                              JOIN return_requests r ON r.id = rl.return_id
                             WHERE r.status NOT IN ('REJECTED', 'CANCELLED')) h
                      JOIN delivered_orders d ON d.order_id = h.order_id AND d.paid_order_id IS NOT NULL
                      JOIN delivered_order_lines l ON l.order_id = h.order_id AND l.sku = h.sku) s,
                   return_requests r
             WHERE rl.return_id = s.return_id AND rl.line_no = s.line_no
               AND r.id = rl.return_id AND r.refund_amount IS NULL
               AND rl.unit_price = 0 AND coalesce(rl.paid, 0) = 0
               AND (rl.unit_price, rl.paid) IS DISTINCT FROM (s.unit_price, s.paid);
            GET DIAGNOSTICS repriced = ROW_COUNT;

            UPDATE delivered_order_lines l SET unit_price = w.unit_price, paid = w.paid
              FROM (SELECT r.replacement_order_id AS order_id, coalesce(rl.exchange_sku, rl.sku) AS sku,
                           max(coalesce(rl.unit_price, 0)) AS unit_price,
                           sum(CASE WHEN rl.paid IS NULL THEN coalesce(rl.unit_price, 0) * rl.accepted_quantity
                                    ELSE rl.paid * rl.accepted_quantity / rl.quantity END)::BIGINT AS paid
                      FROM return_requests r
                      JOIN delivered_orders o ON o.order_id = r.order_id AND o.paid_order_id IS NOT NULL
                      JOIN return_lines rl ON rl.return_id = r.id
                     WHERE r.replacement_order_id IS NOT NULL AND r.status = 'EXCHANGED' AND rl.accepted_quantity > 0
                     GROUP BY r.replacement_order_id, coalesce(rl.exchange_sku, rl.sku)) w
             WHERE l.order_id = w.order_id AND l.sku = w.sku
               AND (l.unit_price, l.paid) IS DISTINCT FROM (w.unit_price, w.paid);
            GET DIAGNOSTICS revalued = ROW_COUNT;

            EXIT WHEN repriced = 0 AND revalued = 0;
        END LOOP;
    END
$$;
