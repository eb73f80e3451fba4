-- When each closed warehouse was closed; null while it is open. Returned units still arrive while no
-- warehouse is open, and go to the one closed last, on the books but not for sale until it reopens.
-- Warehouses already closed count as closed when they last changed, the closest record there is.
ALTER TABLE warehouses
    ADD COLUMN closed_at TIMESTAMPTZ;
UPDATE warehouses SET closed_at = updated_at WHERE NOT active;
