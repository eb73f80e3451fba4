package io.tienda.platform.outbox;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.function.Supplier;

/** The backlog of the JDBC outbox: Spring Modulith's publication rows without a completion date. */
record JdbcOutboxReader(JdbcTemplate jdbc) implements Supplier<OutboxBacklog.Snapshot> {

    @Override
    public OutboxBacklog.Snapshot get() {
        return jdbc.queryForObject(
                "select count(*), min(publication_date) from event_publication where completion_date is null",
                (rs, row) -> new OutboxBacklog.Snapshot(rs.getLong(1),
                        rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant()));
    }
}
