package io.tienda.cart;

import io.tienda.platform.testing.architecture.ServiceShapeTest;

/** The service shape of docs/architecture.md, enforced: one test per rule. */
class ArchitectureTest extends ServiceShapeTest {
}
