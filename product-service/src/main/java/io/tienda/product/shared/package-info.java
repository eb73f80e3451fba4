/**
 * What every part of the catalog shares, and nothing else: texts in two languages and the rules for
 * what text may hold, slugs, field errors, the shop's currency, the catalog's problem types, the
 * HTTP caching of public reads, and finishing at start what changes cut short by a crash left
 * undone (with the note a brand or category keeps while its products wait for a change). Products,
 * categories and brands all depend on it; it depends on none of them, which keeps the features free
 * of cycles.
 */
package io.tienda.product.shared;
