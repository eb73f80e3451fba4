package io.tienda.returns.requests.domain;

/** What the customer wants in place of the items: their money back, or other items. */
public enum ReturnResolution {
    REFUND,
    EXCHANGE
}
