package io.tienda.platform.outbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Resubmits publications whose send failed (Kafka down, a timeout) and forgets completed ones
 * after the retention period. Restarts resubmit too (spring.modulith.events.republish-outstanding-events-on-restart).
 */
public class OutboxMaintenance {

    private static final Logger log = LoggerFactory.getLogger(OutboxMaintenance.class);

    private final IncompleteEventPublications incomplete;
    private final CompletedEventPublications completed;
    private final OutboxProperties properties;

    public OutboxMaintenance(IncompleteEventPublications incomplete, CompletedEventPublications completed,
            OutboxProperties properties) {
        this.incomplete = incomplete;
        this.completed = completed;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${tienda.outbox.resubmit-interval:15s}",
            initialDelayString = "${tienda.outbox.resubmit-interval:15s}")
    public void resubmitIncomplete() {
        try {
            incomplete.resubmitIncompletePublicationsOlderThan(properties.resubmitOlderThan());
        } catch (RuntimeException e) {
            // The store may be briefly unreachable; the next run tries again.
            log.warn("outbox resubmission failed: {}", e.toString());
        }
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    public void purgeCompleted() {
        completed.deletePublicationsOlderThan(properties.retention());
    }
}
