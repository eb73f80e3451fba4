package io.tienda.returns.requests.domain;

import io.tienda.platform.core.IdempotencyKeys;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** What a customer asks to send back, before it is checked against the order. */
public record ReturnDraft(UUID orderId, ReturnResolution resolution, List<Line> lines) {

    public ReturnDraft {
        lines = List.copyOf(lines);
    }

    /**
     * What identifies this request, so that its Idempotency-Key cannot create a different return: the
     * order, the resolution and every line with all it says, the lines in SKU order (each SKU comes once,
     * so their order in the body changes nothing).
     */
    public String fingerprint() {
        String canonical = orderId + "\u001e" + resolution + "\u001e" + lines.stream()
                .sorted(Comparator.comparing(Line::sku))
                .map(l -> String.join("\u001f", l.sku(), Integer.toString(l.quantity()), String.valueOf(l.reason()),
                        nullable(l.comment()), nullable(l.exchangeSku())))
                .collect(Collectors.joining("\u001e"));
        return IdempotencyKeys.fingerprint(canonical);
    }

    private static String nullable(String value) {
        return value == null ? "" : value;
    }

    /** @param exchangeSku for an exchange: the SKU wanted instead; null means the same SKU again */
    public record Line(String sku, int quantity, ReturnReason reason, String comment, String exchangeSku) {
    }
}
