-- Whether the catalog still sells each SKU: an exchange may not ask for one it withdrew, and one inspected after
-- its SKU was withdrawn is refunded instead, since the replacement could not be sent. product.deleted withdraws
-- the product's SKUs; product.created and product.updated withdraw them while the product is inactive and sell
-- them again once it is active, and withdraw the SKUs of the product an update no longer lists.
-- withdrawn_changed_at is when product-service announced the event that last set it (its occurredAt): an older
-- event delivered later changes nothing. Every SKU known before this is taken to be sold, as it was until now.
ALTER TABLE catalog_skus
    ADD COLUMN withdrawn            BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN withdrawn_changed_at TIMESTAMPTZ;
