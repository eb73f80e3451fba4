package io.tienda.payment.simulator.persistence;

import io.tienda.payment.simulator.domain.IntentStatus;
import io.tienda.payment.simulator.domain.SimulatedIntent;
import io.tienda.payment.simulator.domain.SimulatedReply;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;

/** The simulated provider's PaymentIntents and refunds, in its own tables. */
@Repository
public class SimulatedIntentRepository {

    private static final TypeReference<Map<String, String>> METADATA = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    SimulatedIntentRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<SimulatedIntent> lock(String id) {
        return jdbc.sql("select * from simulated_intents where id = :id for update").param("id", id)
                .query(this::intent).optional();
    }

    public void insert(SimulatedIntent intent) {
        jdbc.sql("""
                        insert into simulated_intents (id, amount, currency, payment_method, status, amount_capturable,
                               amount_received, amount_refunded, capture_before, client_secret, metadata,
                               last_error_code, last_decline_code, cancellation_reason, created_at, updated_at)
                        values (:id, :amount, :currency, :pm, :status, :capturable, :received, :refunded,
                                :captureBefore, :secret, :metadata, :error, :decline, :cancel, :now, :now)""")
                .param("id", intent.id()).param("amount", intent.amount()).param("currency", intent.currency())
                .param("pm", intent.paymentMethod()).param("status", intent.status().stripeName())
                .param("capturable", intent.amountCapturable()).param("received", intent.amountReceived())
                .param("refunded", intent.amountRefunded())
                .param("captureBefore", intent.captureBefore() == null ? null : Timestamp.from(intent.captureBefore()))
                .param("secret", intent.clientSecret()).param("metadata", json.writeValueAsString(intent.metadata()))
                .param("error", intent.lastErrorCode()).param("decline", intent.lastDeclineCode())
                .param("cancel", intent.cancellationReason()).param("now", Timestamp.from(intent.createdAt()))
                .update();
    }

    public void save(SimulatedIntent intent) {
        jdbc.sql("""
                        update simulated_intents set status = :status, amount_capturable = :capturable,
                               amount_received = :received, amount_refunded = :refunded, capture_before = :captureBefore,
                               last_error_code = :error, last_decline_code = :decline, cancellation_reason = :cancel,
                               updated_at = now()
                         where id = :id""")
                .param("status", intent.status().stripeName()).param("capturable", intent.amountCapturable())
                .param("received", intent.amountReceived()).param("refunded", intent.amountRefunded())
                .param("captureBefore", intent.captureBefore() == null ? null : Timestamp.from(intent.captureBefore()))
                .param("error", intent.lastErrorCode()).param("decline", intent.lastDeclineCode())
                .param("cancel", intent.cancellationReason()).param("id", intent.id())
                .update();
    }

    public void insertRefund(String id, String intentId, long amount, String status, Map<String, String> metadata) {
        jdbc.sql("""
                        insert into simulated_refunds (id, intent_id, amount, status, metadata)
                        values (:id, :intent, :amount, :status, :metadata)""")
                .param("id", id).param("intent", intentId).param("amount", amount).param("status", status)
                .param("metadata", json.writeValueAsString(metadata)).update();
    }

    /** A refund, locked (after its intent). */
    public Optional<SimulatedReply.Refund> lockRefund(String id) {
        return jdbc.sql("select id, intent_id, amount, status, metadata from simulated_refunds where id = :id for update")
                .param("id", id)
                .query((rs, row) -> new SimulatedReply.Refund(rs.getString("id"), rs.getString("intent_id"),
                        rs.getLong("amount"), rs.getString("status"), json.readValue(rs.getString("metadata"), METADATA)))
                .optional();
    }

    public void refundStatus(String id, String status) {
        jdbc.sql("update simulated_refunds set status = :status where id = :id")
                .param("status", status).param("id", id).update();
    }

    private SimulatedIntent intent(ResultSet rs, int row) throws SQLException {
        OffsetDateTime captureBefore = rs.getObject("capture_before", OffsetDateTime.class);
        return new SimulatedIntent(rs.getString("id"), rs.getLong("amount"), rs.getString("currency"),
                rs.getString("payment_method"), IntentStatus.fromStripe(rs.getString("status")),
                rs.getLong("amount_capturable"), rs.getLong("amount_received"), rs.getLong("amount_refunded"),
                captureBefore == null ? null : captureBefore.toInstant(), rs.getString("client_secret"),
                json.readValue(rs.getString("metadata"), METADATA), rs.getString("last_error_code"),
                rs.getString("last_decline_code"), null, rs.getString("cancellation_reason"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
