-- What the catalog sells each SKU at before offers, in minor units of currency: an exchange ships its
-- replacement free, so it may not ask for a variant dearer than the one bought. product.created sets it
-- to the product's price, product.updated only where none is known yet, product.price_changed to the
-- price it names for the SKU. Null (both) while unknown, as for every SKU recorded before this: an
-- exchange for another variant of unknown price is refused.
ALTER TABLE catalog_skus
    ADD COLUMN price    BIGINT CONSTRAINT catalog_skus_price_not_negative CHECK (price >= 0),
    ADD COLUMN currency TEXT,
    ADD CONSTRAINT catalog_skus_price_with_currency CHECK ((price IS NULL) = (currency IS NULL));
