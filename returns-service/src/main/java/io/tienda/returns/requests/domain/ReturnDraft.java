package io.tienda.returns.requests.domain;

import java.util.List;
import java.util.UUID;

/** What a customer asks to send back, before it is checked against the order. */
public record ReturnDraft(UUID orderId, ReturnResolution resolution, List<Line> lines) {

    public ReturnDraft {
        lines = List.copyOf(lines);
    }

    /** @param exchangeSku for an exchange: the SKU wanted instead; null means the same SKU again */
    public record Line(String sku, int quantity, ReturnReason reason, String comment, String exchangeSku) {
    }
}
