-- The reasons customers wrote (why they cancelled) go with their account from now on (Erasures). Customers
-- erased before that keep theirs on orders that had already ended, which nothing looks at again: the same
-- rule, once. A reason is the customer's words when they made the move themselves and the service did not
-- write it for them (StatusChange.WRITTEN_BY_THE_SERVICE); the checkout keeps a copy of it.
UPDATE saga_instance s
   SET data = jsonb_set(s.data, '{reason}', to_jsonb('erased'::text))
  FROM order_status_history h
  JOIN orders o ON o.id = h.order_id
  JOIN erased_customers e ON e.customer_id = o.customer_id
 WHERE s.order_id = h.order_id
   AND o.address_erased_at IS NOT NULL
   AND h.actor = o.customer_id
   AND h.reason IS NOT NULL
   AND h.reason NOT IN ('placed', 'cancelled by customer', 'cancelled by staff', 'erased')
   AND s.data ->> 'reason' = h.reason;

UPDATE order_status_history h
   SET reason = 'erased'
  FROM orders o
  JOIN erased_customers e ON e.customer_id = o.customer_id
 WHERE o.id = h.order_id
   AND o.address_erased_at IS NOT NULL
   AND h.actor = o.customer_id
   AND h.reason IS NOT NULL
   AND h.reason NOT IN ('placed', 'cancelled by customer', 'cancelled by staff', 'erased');
