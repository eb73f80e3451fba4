package io.tienda.payment.webhook.persistence;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Webhook events already applied, by the provider's event id. */
@Repository
public class WebhookEventRepository {

    private final JdbcClient jdbc;

    WebhookEventRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records the event in the caller's transaction; false when it was recorded before. A concurrent
     * delivery of the same event waits here until the first commits, then finds it recorded.
     */
    public boolean firstTime(String eventId, String type) {
        return jdbc.sql("""
                        insert into webhook_events (event_id, type) values (:id, :type)
                        on conflict (event_id) do nothing""")
                .param("id", eventId).param("type", type).update() == 1;
    }
}
