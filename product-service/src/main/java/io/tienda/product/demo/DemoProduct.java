package io.tienda.product.demo;

import io.tienda.product.catalog.domain.ProductDraft;

/** A product of the demo catalog: its stable id and what staff would have sent to create it. */
record DemoProduct(String id, ProductDraft draft) {
}
