-- Closing or reopening a warehouse changes the availability of every SKU it holds. The warehouse's
-- status changes in a transaction of its own; the SKUs' availability is then republished in
-- batches, each batch its own transaction. recompute_after says how far that got: null when
-- nothing is pending, otherwise the last SKU done ('' before the first batch). Each batch moves it
-- in the transaction that republishes its SKUs, so after a crash the next batch carries on where
-- the last committed one stopped; a new close or reopen sets it back to ''.
ALTER TABLE warehouses
    ADD COLUMN recompute_after TEXT;

-- the batches walk one warehouse's SKUs in order; this index also serves what stock_by_warehouse did
CREATE INDEX stock_by_warehouse_and_sku ON stock (warehouse_id, sku);
DROP INDEX stock_by_warehouse;
