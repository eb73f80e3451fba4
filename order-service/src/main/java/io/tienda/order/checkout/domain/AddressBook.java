package io.tienda.order.checkout.domain;

import io.tienda.order.orders.domain.ShippingAddress;

import java.util.Optional;
import java.util.UUID;

/** The shopper's address book at user-service. */
public interface AddressBook {

    /** The caller's address with this id, or empty when they have none such. */
    Optional<ShippingAddress> find(String bearerToken, UUID addressId);
}
