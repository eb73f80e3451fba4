-- Returned units put back on sale (the inventory.restock command): one row per restockKey, so that
-- a command delivered again, under any event id and however late, restocks once.
CREATE TABLE restocks
(
    restock_key TEXT PRIMARY KEY CHECK (length(restock_key) BETWEEN 1 AND 200),
    reference   TEXT CHECK (length(reference) <= 200),
    created_at  TIMESTAMPTZ NOT NULL
);
