-- The SKUs each product had when its last product.created or product.updated was applied. Stock may
-- be received for a SKU before any product has it; the catalog drops that availability, as no
-- product could take it. The event that first names the SKU for a product is when its availability
-- is published again, so this says which SKUs an event adds. It starts empty: the first event of
-- each product after this migration publishes once more the SKUs of it that are stocked, which also
-- brings any product left showing such a SKU sold out up to date.
CREATE TABLE product_skus
(
    product_id TEXT NOT NULL,
    sku        TEXT NOT NULL,
    PRIMARY KEY (product_id, sku)
);
