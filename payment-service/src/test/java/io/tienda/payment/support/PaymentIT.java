package io.tienda.payment.support;

import io.tienda.platform.testing.messaging.EventMessages;
import io.tienda.platform.messaging.InboundMessage;
import com.stripe.net.Webhook;
import io.tienda.payment.payments.messaging.PaymentCommands;
import io.tienda.platform.events.Money;
import io.tienda.platform.events.Topics;
import io.tienda.platform.events.saga.AuthorizePayment;
import io.tienda.platform.events.saga.CapturePayment;
import io.tienda.platform.events.saga.RefundPayment;
import io.tienda.platform.events.saga.VoidPayment;
import io.tienda.platform.testing.http.ApiReply;
import io.tienda.platform.testing.http.TestApi;
import io.tienda.platform.testing.security.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static org.awaitility.Awaitility.await;

/**
 * What every payment integration test starts from: the API, the database, the saga's commands as
 * the listener hands them over, signed webhooks, and Kafka when a test reads or sends messages.
 */
@PaymentServiceTest
public abstract class PaymentIT {

    /** The webhook signing secret of the test context (the simulated provider signs with it too). */
    public static final String WEBHOOK_SECRET = "whsec_test_0123456789abcdef0123456789abcdef";

    @Autowired
    protected RestTestClient http;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected Environment environment;

    @Autowired
    protected PaymentCommands commands;

    protected TestApi api;

    private EventMessages messages;

    @BeforeEach
    void connect() {
        api = new TestApi(http);
    }

    @AfterEach
    void closeMessages() {
        if (messages != null) {
            messages.close();
            messages = null;
        }
    }

    /** Kafka as the test sees it, opened on first use. */
    protected EventMessages messages() {
        if (messages == null) {
            messages = new EventMessages(environment.getRequiredProperty("spring.kafka.bootstrap-servers"));
        }
        return messages;
    }

    // ------------------------------------------------------------ the saga's commands, handed to the handler

    /** Delivers a command with a new event id, as a saga that sends it again would; answers the reply. */
    protected Object send(UUID orderId, Object command) {
        return commands.handle(InboundMessage.of(Topics.PAYMENT_COMMANDS, command, UUID.randomUUID(),
                orderId.toString()));
    }

    protected Object authorize(UUID orderId, String customer, long amount, String paymentMethod, String key) {
        return send(orderId, new AuthorizePayment(orderId, customer, Money.of(amount, "EUR"), paymentMethod, key));
    }

    protected Object authorize(UUID orderId, String customer, long amount, String paymentMethod) {
        return authorize(orderId, customer, amount, paymentMethod, "checkout-" + orderId);
    }

    protected Object capture(UUID orderId, long amount) {
        return send(orderId, new CapturePayment(orderId, Money.of(amount, "EUR")));
    }

    protected Object voidPayment(UUID orderId, String reason) {
        return send(orderId, new VoidPayment(orderId, reason));
    }

    protected Object refund(UUID orderId, long amount, String key) {
        return send(orderId, new RefundPayment(orderId, Money.of(amount, "EUR"), "returned", key));
    }

    /** An order authorised and captured with {@code pm_card_visa}; answers the payment id. */
    protected UUID capturedPayment(UUID orderId, String customer, long amount) {
        authorize(orderId, customer, amount, "pm_card_visa");
        capture(orderId, amount);
        return paymentOf(orderId);
    }

    // ------------------------------------------------------------ the database

    protected UUID paymentOf(UUID orderId) {
        return jdbc.sql("select id from payments where order_id = :o order by created_at desc limit 1")
                .param("o", orderId).query(UUID.class).single();
    }

    protected String status(UUID paymentId) {
        return jdbc.sql("select status from payments where id = :id").param("id", paymentId).query(String.class)
                .single();
    }

    protected Map<String, Object> payment(UUID paymentId) {
        return jdbc.sql("select * from payments where id = :id").param("id", paymentId).query().singleRow();
    }

    /** The payment's invoice number as stored; null until it is captured. */
    protected String invoiceNumber(UUID paymentId) {
        return jdbc.sql("select invoice_number from payments where id = :id").param("id", paymentId)
                .query(String.class).optional().orElse(null);
    }

    /**
     * Every year's invoice series, read in one statement: its numbers are exactly 1 to the counter's
     * last number, each on one payment, so no number was skipped or given twice.
     */
    protected void assertInvoiceSeriesWithoutGaps() {
        List<Map<String, Object>> years = jdbc.sql("""
                        select s.year, s.last_number, count(p.id) as numbered,
                               coalesce(min(cast(substr(p.invoice_number, 10) as bigint)), 0) as lowest,
                               coalesce(max(cast(substr(p.invoice_number, 10) as bigint)), 0) as highest
                          from invoice_series s
                          left join payments p on p.invoice_number like 'TIE-' || s.year || '-%'
                         group by s.year, s.last_number""")
                .query().listOfRows();
        org.assertj.core.api.Assertions.assertThat(years).isNotEmpty();
        for (Map<String, Object> year : years) {
            long last = ((Number) year.get("last_number")).longValue();
            org.assertj.core.api.Assertions.assertThat(year).as("invoice series %s", year.get("year"))
                    .containsEntry("numbered", last).containsEntry("highest", last)
                    .containsEntry("lowest", last == 0 ? 0L : 1L);
        }
    }

    protected long count(String sql, Object... params) {
        return jdbc.sql(sql).params(java.util.Arrays.asList(params)).query(Long.class).single();
    }

    /** Intents the simulated provider holds for an order (it keeps the order id in their metadata). */
    protected long intentsOf(UUID orderId) {
        return count("select count(*) from simulated_intents where metadata like ?", "%" + orderId + "%");
    }

    protected void eventually(Supplier<Boolean> condition) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(condition::get);
    }

    // ------------------------------------------------------------ webhooks

    /** Posts {@code payload} as Stripe would, signed with the test secret (stripe-java's own scheme). */
    protected ApiReply webhook(String payload) {
        try {
            String signature = Webhook.Signature.generateSignatureHeader(payload, WEBHOOK_SECRET,
                    Webhook.Util.getTimeNow());
            return webhook(payload, signature);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    protected ApiReply webhook(String payload, String signature) {
        return api.send(HttpMethod.POST, "/api/v1/payments/webhooks/stripe", null, payload,
                signature == null ? Map.of() : Map.of("Stripe-Signature", signature));
    }

    protected static String staff(String role) {
        return TestTokens.staff(role);
    }
}
