package io.tienda.returns.requests;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.tienda.returns.requests.domain.ReturnStatus;
import io.tienda.returns.requests.domain.ReturnStore;
import io.tienda.returns.requests.domain.Settlement;
import org.springframework.stereotype.Component;

/**
 * The returns nobody but staff can move on: a refund that failed ({@code REFUND_FAILED}: ask again, or pay it
 * another way) and a replacement that could not be sent or was cancelled after it was confirmed
 * ({@code EXCHANGE_FAILED}: refund instead). Their
 * numbers are the gauge {@code returns_awaiting_staff}, tagged by settlement, for an alert; staff list them with
 * {@code GET /api/v1/returns?settlement=...}.
 */
@Component
class ReturnsAwaitingStaff {

    ReturnsAwaitingStaff(ReturnStore store, MeterRegistry meters) {
        for (Settlement settlement : new Settlement[] {Settlement.REFUND_FAILED, Settlement.EXCHANGE_FAILED}) {
            ReturnStore.Filter waiting = new ReturnStore.Filter(null, ReturnStatus.INSPECTED, settlement);
            Gauge.builder("returns.awaiting.staff", store, s -> s.count(waiting))
                    .tag("settlement", settlement.name())
                    .description("inspected returns whose refund or exchange failed and waits for staff")
                    .register(meters);
        }
    }
}
