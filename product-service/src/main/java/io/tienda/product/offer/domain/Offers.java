package io.tienda.product.offer.domain;

import io.tienda.platform.web.Page;

import java.time.Instant;

/** Offers as stored. */
public interface Offers {

    /** Offers live at {@code now}, most recently started first. */
    Page<Offer> liveAt(Instant now, int page, int size);
}
