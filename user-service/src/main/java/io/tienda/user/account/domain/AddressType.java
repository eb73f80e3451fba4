package io.tienda.user.account.domain;

public enum AddressType {
    SHIPPING,
    BILLING
}
