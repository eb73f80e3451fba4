package io.tienda.order.orders.domain;

import java.util.List;
import java.util.UUID;

/**
 * What erasing a customer took from their orders at once ({@link Orders#eraseCustomer}).
 *
 * @param addresses how many orders lost their address
 * @param texts     the words of the customer that were replaced, so that copies of them kept elsewhere go too
 */
public record CustomerErasure(int addresses, List<ErasedText> texts) {

    public CustomerErasure {
        texts = List.copyOf(texts);
    }

    /** A reason the customer wrote on one of their orders' moves, now {@value StatusChange#ERASED}. */
    public record ErasedText(UUID orderId, String text) {
    }
}
