package io.tienda.platform.testing.messaging;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * What a service's JDBC outbox (Spring Modulith's {@code event_publication} table) holds for the
 * messages whose serialized event mentions a given text, usually an aggregate's id: how a test sees
 * a message wait for Kafka, fail to reach it, and leave once it is back.
 */
public final class OutboxPublications {

    private final DataSource dataSource;

    public OutboxPublications(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The messages recorded for {@code mentioning}, sent or not. */
    public int recorded(Object mentioning) {
        return count("select count(*) from event_publication where serialized_event like ?", mentioning);
    }

    /** The messages Kafka has not acknowledged yet (not sent, being sent, or failed and waiting to be resubmitted). */
    public int incomplete(Object mentioning) {
        return count("select count(*) from event_publication where completion_date is null and serialized_event like ?",
                mentioning);
    }

    /** The messages whose last attempt to reach Kafka failed. */
    public int failed(Object mentioning) {
        return count("select count(*) from event_publication where status = 'FAILED' and serialized_event like ?",
                mentioning);
    }

    private int count(String sql, Object mentioning) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, "%" + mentioning + "%");
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
        catch (SQLException ex) {
            throw new IllegalStateException("Cannot read the outbox: " + ex.getMessage(), ex);
        }
    }
}
