package io.tienda.inventory.reservation.persistence;

import io.tienda.inventory.reservation.domain.Reservation;
import io.tienda.inventory.reservation.domain.ReservationLine;
import io.tienda.inventory.reservation.domain.ReservationStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Reservations and their lines in PostgreSQL. A reservation row is locked before any stock row. */
@Repository
public class ReservationRepository {

    private static final String COLUMNS =
            "select order_id, id, status, expires_at, reason, unavailable_skus from reservations";

    private final JdbcClient jdbc;

    ReservationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The order's reservation, locked until this transaction ends. */
    public Optional<Reservation> lock(UUID orderId) {
        return jdbc.sql(COLUMNS + " where order_id = :order for update")
                .param("order", orderId)
                .query(Header::of)
                .optional()
                .map(header -> header.with(lines(List.of(orderId)).getOrDefault(orderId, List.of())));
    }

    public Optional<Reservation> find(UUID orderId) {
        return jdbc.sql(COLUMNS + " where order_id = :order")
                .param("order", orderId)
                .query(Header::of)
                .optional()
                .map(header -> header.with(lines(List.of(orderId)).getOrDefault(orderId, List.of())));
    }

    /**
     * Takes the order id for this transaction before anything is decided. A concurrent command for the
     * same order waits here until this one commits, then finds the order taken and answers from it.
     */
    public boolean claim(UUID orderId, UUID reservationId, Instant expiresAt, Instant now) {
        return jdbc.sql("""
                        insert into reservations (order_id, id, status, expires_at, created_at, updated_at)
                        values (:order, :id, 'HELD', :expires, :now, :now) on conflict (order_id) do nothing""")
                .param("order", orderId).param("id", reservationId)
                .param("expires", Timestamp.from(expiresAt)).param("now", Timestamp.from(now))
                .update() == 1;
    }

    /** Writes the reservation's state; its lines are replaced when they changed. */
    public void save(Reservation reservation, List<ReservationLine> previousLines, Instant now) {
        jdbc.sql("""
                        update reservations set status = :status, reason = :reason,
                                                unavailable_skus = :skus, updated_at = :now
                         where order_id = :order""")
                .param("status", reservation.status().name())
                .param("reason", reservation.reason())
                .param("skus", reservation.unavailableSkus().toArray(String[]::new))
                .param("now", Timestamp.from(now))
                .param("order", reservation.orderId())
                .update();
        if (!reservation.lines().equals(previousLines)) {
            jdbc.sql("delete from reservation_lines where order_id = :order")
                    .param("order", reservation.orderId()).update();
            for (ReservationLine line : reservation.lines()) {
                jdbc.sql("""
                                insert into reservation_lines (order_id, sku, warehouse_id, quantity)
                                values (:order, :sku, :warehouse, :quantity)""")
                        .param("order", reservation.orderId()).param("sku", line.sku())
                        .param("warehouse", line.warehouseId()).param("quantity", line.quantity())
                        .update();
            }
        }
    }

    /**
     * Held reservations past their expiry, oldest first, locked; rows another transaction holds (a
     * commit in progress, another replica's sweeper) are skipped rather than waited for.
     */
    public List<Reservation> lockExpired(Instant now, int limit) {
        List<Header> headers = jdbc.sql(COLUMNS + " " + """
                         where status = 'HELD' and expires_at <= :now
                         order by expires_at, order_id limit :limit for update skip locked""")
                .param("now", Timestamp.from(now)).param("limit", limit)
                .query(Header::of)
                .list();
        if (headers.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<ReservationLine>> lines = lines(headers.stream().map(Header::orderId).toList());
        return headers.stream().map(h -> h.with(lines.getOrDefault(h.orderId(), List.of()))).toList();
    }

    private Map<UUID, List<ReservationLine>> lines(Collection<UUID> orderIds) {
        Map<UUID, List<ReservationLine>> lines = new LinkedHashMap<>();
        jdbc.sql("""
                        select order_id, sku, warehouse_id, quantity from reservation_lines
                         where order_id in (:orders) order by sku, warehouse_id""")
                .param("orders", orderIds)
                .query(rs -> {
                    lines.computeIfAbsent(rs.getObject("order_id", UUID.class), o -> new ArrayList<>())
                            .add(new ReservationLine(rs.getString("sku"), rs.getObject("warehouse_id", UUID.class),
                                    rs.getInt("quantity")));
                });
        return lines;
    }

    /** A reservation row before its lines are read. */
    private record Header(UUID orderId, UUID id, ReservationStatus status, Instant expiresAt, String reason,
            List<String> unavailableSkus) {

        static Header of(ResultSet rs, int row) throws SQLException {
            Array skus = rs.getArray("unavailable_skus");
            return new Header(rs.getObject("order_id", UUID.class), rs.getObject("id", UUID.class),
                    ReservationStatus.valueOf(rs.getString("status")), rs.getTimestamp("expires_at").toInstant(),
                    rs.getString("reason"), skus == null ? List.of() : Arrays.asList((String[]) skus.getArray()));
        }

        Reservation with(List<ReservationLine> lines) {
            return new Reservation(orderId, id, status, expiresAt, lines, reason, unavailableSkus);
        }
    }
}
