package io.tienda.platform.it;

import io.tienda.platform.events.EventType;
import io.tienda.platform.inbox.JdbcInbox;
import io.tienda.platform.messaging.InboundMessage;
import io.tienda.platform.outbox.Outbox;
import io.tienda.platform.security.AuthorizationRules;
import io.tienda.platform.security.CurrentUser;
import io.tienda.platform.problem.DomainException;
import io.micrometer.tracing.Tracer;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static io.tienda.platform.security.AuthorizationRules.publicReads;

/**
 * A tiny service built on the starter, the way a real one is: a table, a controller that changes
 * it and publishes through the outbox, and a consumer that applies the event through the inbox.
 */
@SpringBootApplication
public class WidgetApp {

    static final String TOPIC = "widget.events";

    @EventType("widget.created")
    public record WidgetCreated(UUID widgetId, String name, int quantity) {
    }

    record NewWidget(@NotBlank String name, @Positive @Max(1000) int quantity) {
    }

    @Bean
    AuthorizationRules widgetRules() {
        return rules -> publicReads(rules, "/api/v1/widgets/public/**")
                .requestMatchers(HttpMethod.POST, "/api/v1/widgets", "/api/v1/widgets/keyed").permitAll();
    }

    @RestController
    @RequestMapping("/api/v1/widgets")
    static class WidgetResource {

        private final JdbcTemplate jdbc;
        private final Outbox outbox;
        private final CurrentUser currentUser;

        WidgetResource(JdbcTemplate jdbc, Outbox outbox, CurrentUser currentUser) {
            this.jdbc = jdbc;
            this.outbox = outbox;
            this.currentUser = currentUser;
        }

        @PostMapping
        @ResponseStatus(HttpStatus.CREATED)
        @Transactional
        public Map<String, Object> create(@Valid @RequestBody NewWidget widget,
                @RequestParam(defaultValue = "false") boolean failAfterPublish) {
            UUID id = UUID.randomUUID();
            jdbc.update("insert into widgets (id, name, quantity, owner) values (?, ?, ?, ?)",
                    id, widget.name(), widget.quantity(), currentUser.id().orElse("anonymous"));
            outbox.publish(TOPIC, id.toString(), new WidgetCreated(id, widget.name(), widget.quantity()));
            if (failAfterPublish) {
                throw DomainException.conflict("refused after publishing, to prove the rollback");
            }
            return Map.of("id", id, "name", widget.name(), "quantity", widget.quantity());
        }

        /** A body to validate next to a constrained header: Spring validates the whole method call at once. */
        @PostMapping("/keyed")
        public Map<String, Object> keyed(@Valid @RequestBody NewWidget widget,
                @RequestHeader(name = "Idempotency-Key", required = false) @Size(max = 20) String key) {
            return Map.of("name", widget.name(), "key", String.valueOf(key));
        }

        /** Reads every parameter, as filters with open-ended names do. */
        @GetMapping("/public/filters")
        public Map<String, String> filters(@RequestParam Map<String, String> filters) {
            return filters;
        }

        @GetMapping("/public/{id}")
        public Map<String, Object> read(@PathVariable UUID id, @RequestParam(defaultValue = "1") int page) {
            return jdbc.queryForList("select id, name, quantity from widgets where id = ?", id).stream()
                    .findFirst().orElseThrow(() -> DomainException.notFound("widget", id));
        }

        @GetMapping("/{id}")
        public Map<String, Object> own(@PathVariable UUID id) {
            Map<String, Object> row = jdbc.queryForList("select id, name, owner from widgets where id = ?", id)
                    .stream().findFirst().orElseThrow(() -> DomainException.notFound("widget", id));
            currentUser.requireOwnerOr((String) row.get("owner"), "widget", id, "SUPPORT");
            return row;
        }

        @PutMapping("/{id}")
        @PreAuthorize("hasRole('MANAGER')")
        public Map<String, Object> replace(@PathVariable UUID id, @Valid @RequestBody NewWidget widget) {
            jdbc.update("update widgets set name = ?, quantity = ? where id = ?", widget.name(), widget.quantity(), id);
            return Map.of("id", id, "name", widget.name(), "quantity", widget.quantity());
        }

        /** A rule that names a parameter, so only the method check can apply it. */
        @GetMapping("/named/{name}")
        @PreAuthorize("#name == authentication.name")
        public Map<String, Object> named(@PathVariable String name) {
            return Map.of("name", name);
        }

        @DeleteMapping("/{id}")
        @PreAuthorize("hasRole('MANAGER')")
        @ResponseStatus(HttpStatus.NO_CONTENT)
        public void delete(@PathVariable UUID id) {
            jdbc.update("delete from widgets where id = ?", id);
        }
    }

    /** Counts how often each event's effect ran, and which trace it ran in. */
    @Component
    static class WidgetProjection {

        private final JdbcInbox inbox;
        private final JdbcTemplate jdbc;
        private final Tracer tracer;

        WidgetProjection(JdbcInbox inbox, JdbcTemplate jdbc, Tracer tracer) {
            this.inbox = inbox;
            this.jdbc = jdbc;
            this.tracer = tracer;
        }

        /** Deliveries so far of each event whose handling fails on purpose. */
        private final Map<UUID, AtomicInteger> failures = new ConcurrentHashMap<>();

        @KafkaListener(topics = TOPIC, groupId = "widget-projection")
        public void on(ConsumerRecord<String, String> record) {
            InboundMessage message = InboundMessage.from(record);
            WidgetCreated created = message.payloadAs(WidgetCreated.class);
            int delivery = failures.computeIfAbsent(message.eventId(), id -> new AtomicInteger()).incrementAndGet();
            // "unreachable-store": the store is down for the first `quantity` deliveries, as a database
            // whose connections are refused; "broken": a failure of the handler itself, every time.
            if (created.name().equals("unreachable-store") && delivery <= created.quantity()) {
                throw new DataAccessResourceFailureException("no connection to the store, delivery " + delivery);
            }
            if (created.name().equals("broken")) {
                throw new IllegalStateException("the handler fails on this widget, delivery " + delivery);
            }
            String traceId = tracer.currentSpan() == null ? null : tracer.currentSpan().context().traceId();
            inbox.once("widget-projection", message, () -> jdbc.update("""
                    insert into widget_effects (event_id, widget_id, applied, trace_id) values (?, ?, 1, ?)
                    on conflict (event_id) do update set applied = widget_effects.applied + 1
                    """, message.eventId(), created.widgetId(), traceId));
        }
    }
}
