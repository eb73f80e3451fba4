/**
 * What every part of the catalog shares, and nothing else: texts in two languages, slugs, field
 * errors, the catalog's problem types and the HTTP caching of public reads. Products, categories
 * and brands all depend on it; it depends on none of them, which keeps the features free of cycles.
 */
package io.tienda.product.shared;
