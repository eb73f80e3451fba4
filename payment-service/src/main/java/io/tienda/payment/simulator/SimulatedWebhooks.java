package io.tienda.payment.simulator;

import com.stripe.net.Webhook;
import io.tienda.payment.PaymentProperties;
import io.tienda.platform.core.DaemonThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Sends the simulated provider's webhooks as Stripe does: an event JSON with a {@code Stripe-Signature}
 * header ({@code t=...,v1=HMAC-SHA256}), after the change commits, retried with backoff when the
 * endpoint does not answer 2xx (at least once, like Stripe).
 */
@Component
@ConditionalOnProperty(name = "tienda.payments.provider", havingValue = "simulated", matchIfMissing = true)
class SimulatedWebhooks implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SimulatedWebhooks.class);
    private static final long[] RETRY_DELAYS_MS = {0, 500, 2_000, 5_000};

    private final JsonMapper json;
    private final Clock clock;
    private final Environment environment;
    private final PaymentProperties properties;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(
            DaemonThreads.named("simulated-webhooks"));

    SimulatedWebhooks(JsonMapper json, Clock clock, Environment environment, PaymentProperties properties) {
        this.json = json;
        this.clock = clock;
        this.environment = environment;
        this.properties = properties;
    }

    /** Sends {@code type} about {@code object} once the current transaction commits (at once without one). */
    void emit(String type, Map<String, Object> object) {
        if (!properties.simulated().webhooks()) {
            return;
        }
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", "evt_sim_" + UUID.randomUUID().toString().replace("-", ""));
        event.put("object", "event");
        event.put("api_version", com.stripe.Stripe.API_VERSION);
        event.put("created", clock.instant().getEpochSecond());
        event.put("type", type);
        event.put("livemode", false);
        event.put("pending_webhooks", 1);
        event.put("data", Map.of("object", object));
        String payload = json.writeValueAsString(event);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    schedule(type, payload, 0);
                }
            });
        } else {
            schedule(type, payload, 0);
        }
    }

    /**
     * Runs {@code task} on the sender's thread {@code delay} after the current transaction commits (after
     * {@code delay} from now without one): a change the provider makes later on its own, like a refund
     * that fails some time after it succeeded.
     */
    void later(Duration delay, Runnable task) {
        Runnable scheduled = () -> {
            if (!sender.isShutdown()) {
                sender.schedule(() -> {
                    try {
                        task.run();
                    } catch (RuntimeException e) {
                        log.warn("a simulated provider change failed: {}", e.getClass().getSimpleName());
                    }
                }, delay.toMillis(), TimeUnit.MILLISECONDS);
            }
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    scheduled.run();
                }
            });
        } else {
            scheduled.run();
        }
    }

    private void schedule(String type, String payload, int attempt) {
        if (attempt >= RETRY_DELAYS_MS.length || sender.isShutdown()) {
            log.warn("simulated webhook {} gave up after {} attempts", type, attempt);
            return;
        }
        sender.schedule(() -> send(type, payload, attempt), RETRY_DELAYS_MS[attempt], TimeUnit.MILLISECONDS);
    }

    private void send(String type, String payload, int attempt) {
        try {
            String signature = Webhook.Signature.generateSignatureHeader(payload,
                    properties.stripe().webhookSecret(), clock.instant().getEpochSecond());
            HttpRequest request = HttpRequest.newBuilder(URI.create(webhookUrl()))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .header("Stripe-Signature", signature)
                    .POST(HttpRequest.BodyPublishers.ofString(payload))
                    .build();
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 != 2) {
                log.info("simulated webhook {} answered {}; retrying", type, status);
                schedule(type, payload, attempt + 1);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.info("simulated webhook {} not delivered ({}); retrying", type, e.getClass().getSimpleName());
            schedule(type, payload, attempt + 1);
        }
    }

    private String webhookUrl() {
        String configured = properties.simulated().webhookUrl();
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8004"));
        return "http://localhost:" + port + "/api/v1/payments/webhooks/stripe";
    }

    @Override
    public void destroy() {
        sender.shutdownNow();
    }
}
