-- The hourly housekeeping finds delivered orders past the return window by their delivery time.
CREATE INDEX delivered_orders_by_delivery ON delivered_orders (delivered_at);
