package io.tienda.inventory.reservation;

import io.micrometer.core.instrument.MeterRegistry;
import io.tienda.inventory.InventoryProperties;
import io.tienda.inventory.reservation.domain.Allocation;
import io.tienda.inventory.reservation.domain.Allocator;
import io.tienda.inventory.reservation.domain.Candidate;
import io.tienda.inventory.reservation.domain.OrderLines;
import io.tienda.inventory.reservation.domain.Reasons;
import io.tienda.inventory.reservation.domain.Reservation;
import io.tienda.inventory.reservation.domain.ReservationLine;
import io.tienda.inventory.reservation.persistence.ReservationRepository;
import io.tienda.inventory.stock.LockedStock;
import io.tienda.inventory.stock.StockLedger;
import io.tienda.inventory.stock.domain.MovementKind;
import io.tienda.inventory.stock.domain.MovementSource;
import io.tienda.inventory.stock.domain.StockKey;
import io.tienda.platform.events.Topics;
import io.tienda.platform.events.saga.CommitStock;
import io.tienda.platform.events.saga.ReleaseStock;
import io.tienda.platform.events.saga.ReserveStock;
import io.tienda.platform.events.saga.StockCommitted;
import io.tienda.platform.events.saga.StockLine;
import io.tienda.platform.events.saga.StockRejected;
import io.tienda.platform.events.saga.StockReleased;
import io.tienda.platform.events.saga.StockReserved;
import io.tienda.platform.outbox.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SortedMap;
import java.util.UUID;

/**
 * The checkout saga's stock steps: reserve every line of an order or none, release, commit. Each
 * runs in the caller's transaction and answers on {@code order.saga.replies} through the outbox of
 * that transaction. Each is idempotent by order id: a replay, whatever its event id, finds the
 * reservation as the first command left it, changes nothing and answers the same again.
 *
 * <p>Locks are always taken in one order: the reservation row, then the stock rows (by SKU, then
 * warehouse), then the SKUs' availability rows. The sweeper takes them in the same order.
 */
@Service
public class Reservations {

    private static final Logger log = LoggerFactory.getLogger(Reservations.class);
    /** As long as the table keeps a reason. */
    private static final int MAX_REASON = 1000;

    private final ReservationRepository reservations;
    private final StockLedger ledger;
    private final Outbox outbox;
    private final Clock clock;
    private final InventoryProperties.Reservations properties;
    private final MeterRegistry meters;

    Reservations(ReservationRepository reservations, StockLedger ledger, Outbox outbox, Clock clock,
            InventoryProperties properties, MeterRegistry meters) {
        this.reservations = reservations;
        this.ledger = ledger;
        this.outbox = outbox;
        this.clock = clock;
        this.properties = properties.reservations();
        this.meters = meters;
    }

    /** Answers {@link StockReserved} or {@link StockRejected}. */
    @Transactional
    public Object reserve(ReserveStock command) {
        UUID orderId = command.orderId();
        Optional<Reservation> existing = reservations.lock(orderId);
        if (existing.isPresent()) {
            return reply(orderId, answerToReserve(existing.get()));
        }
        Instant now = clock.instant();
        Instant expiresAt = holdUntil(command.expiresAt(), now);
        UUID reservationId = UUID.randomUUID();
        if (!reservations.claim(orderId, reservationId, expiresAt, now)) {
            // Another delivery of this command got here first and has committed meanwhile.
            return reply(orderId, answerToReserve(reservations.lock(orderId).orElseThrow()));
        }
        Reservation reservation = decide(orderId, reservationId, expiresAt, command.lines(), now);
        reservations.save(reservation, List.of(), now);
        count("reserve", reservation.status().name().toLowerCase(Locale.ROOT));
        return reply(orderId, answerToReserve(reservation));
    }

    /** Answers {@link StockReleased}, also when nothing was held. */
    @Transactional
    public Object release(ReleaseStock command) {
        UUID orderId = command.orderId();
        String why = command.reason() == null || command.reason().isBlank() ? "released"
                : command.reason().substring(0, Math.min(command.reason().length(), MAX_REASON));
        Optional<Reservation> found = reservations.lock(orderId);
        if (found.isPresent()) {
            Reservation reservation = found.get();
            Instant now = clock.instant();
            switch (reservation.onRelease()) {
                case RELEASE -> {
                    move(reservation.lines(), MovementKind.RELEASE, orderId);
                    reservations.save(reservation.released(why), reservation.lines(), now);
                    count("release", "released");
                }
                case RESTOCK -> {
                    // Committed, then cancelled before shipping: the sold units are back on the shelf.
                    move(reservation.lines(), MovementKind.RESTOCK, orderId);
                    reservations.save(reservation.restocked(why), reservation.lines(), now);
                    count("release", "restocked");
                    log.info("order {} was cancelled after its stock was committed; its units are restocked",
                            orderId);
                }
                case CLOSE -> {
                    reservations.save(reservation.closed(why), reservation.lines(), now);
                    count("release", "closed");
                }
                case NOTHING -> count("release", "nothing");
            }
        } else {
            count("release", "nothing");
        }
        return reply(orderId, new StockReleased(orderId));
    }

    /** Answers {@link StockCommitted} or {@link StockRejected}. */
    @Transactional
    public Object commit(CommitStock command) {
        UUID orderId = command.orderId();
        Optional<Reservation> found = reservations.lock(orderId);
        if (found.isEmpty()) {
            count("commit", "no-reservation");
            return reply(orderId, new StockRejected(orderId, Reasons.NO_RESERVATION, List.of()));
        }
        Reservation reservation = found.get();
        Instant now = clock.instant();
        return switch (reservation.onCommit()) {
            case COMMIT -> {
                move(reservation.lines(), MovementKind.COMMIT, orderId);
                reservations.save(reservation.committed(), reservation.lines(), now);
                count("commit", "committed");
                yield reply(orderId, new StockCommitted(orderId));
            }
            case NOTHING -> reply(orderId, new StockCommitted(orderId));
            case RETAKE -> retake(reservation, now);
            case REFUSE -> {
                count("commit", "refused");
                yield reply(orderId, new StockRejected(orderId, reservation.commitRefusal(),
                        reservation.unavailableSkus()));
            }
        };
    }

    /**
     * Gives back the units of held reservations past their expiry, one batch in one transaction, and
     * tells the saga of each with {@link StockReleased}. Answers how many it released.
     */
    @Transactional
    public int expireBatch(int limit) {
        Instant now = clock.instant();
        List<Reservation> expired = reservations.lockExpired(now, limit);
        if (expired.isEmpty()) {
            return 0;
        }
        List<StockKey> keys = new ArrayList<>();
        expired.forEach(r -> r.lines().forEach(line -> keys.add(new StockKey(line.sku(), line.warehouseId()))));
        LockedStock locked = ledger.lock(keys);
        for (Reservation reservation : expired) {
            for (ReservationLine line : reservation.lines()) {
                locked.move(new StockKey(line.sku(), line.warehouseId()), MovementKind.RELEASE, line.quantity(),
                        MovementSource.service(reservation.orderId().toString()));
            }
            reservations.save(reservation.expired(now), reservation.lines(), now);
            reply(reservation.orderId(), new StockReleased(reservation.orderId()));
        }
        locked.publish();
        count("expire", "expired", expired.size());
        return expired.size();
    }

    private Reservation decide(UUID orderId, UUID reservationId, Instant expiresAt, List<StockLine> requested,
            Instant now) {
        if (!expiresAt.isAfter(now)) {
            return Reservation.rejected(orderId, reservationId, expiresAt, Reasons.ALREADY_EXPIRED, List.of());
        }
        OrderLines lines = OrderLines.of(requested == null ? List.of()
                : requested.stream().map(l -> l == null ? null : new OrderLines.Line(l.sku(), l.quantity())).toList());
        if (!lines.valid()) {
            return Reservation.rejected(orderId, reservationId, expiresAt, Reasons.INVALID_LINES,
                    lines.invalid().stream().distinct().toList());
        }
        LockedStock locked = ledger.lockForAllocation(lines.units().keySet());
        Allocation allocation = Allocator.allocate(lines.units(), candidates(locked));
        if (allocation instanceof Allocation.Short shortage) {
            return Reservation.rejected(orderId, reservationId, expiresAt, Reasons.INSUFFICIENT_STOCK,
                    shortage.skus());
        }
        Allocation.Filled filled = (Allocation.Filled) allocation;
        for (ReservationLine line : filled.lines()) {
            locked.move(new StockKey(line.sku(), line.warehouseId()), MovementKind.RESERVATION, line.quantity(),
                    MovementSource.service(orderId.toString()));
        }
        locked.publish();
        return Reservation.held(orderId, reservationId, expiresAt, filled.lines());
    }

    /** A commit after the sweeper gave the units back: take them again if they are there, all or nothing. */
    private Object retake(Reservation reservation, Instant now) {
        UUID orderId = reservation.orderId();
        SortedMap<String, Integer> requested = reservation.requested();
        LockedStock locked = ledger.lockForAllocation(requested.keySet());
        Allocation allocation = Allocator.allocate(requested, candidates(locked));
        if (allocation instanceof Allocation.Short shortage) {
            reservations.save(reservation.lapsed(shortage.skus()), reservation.lines(), now);
            count("commit", "expired");
            log.info("order {} committed after its reservation expired; {} no longer available", orderId,
                    shortage.skus());
            return reply(orderId, new StockRejected(orderId, Reasons.RESERVATION_EXPIRED, shortage.skus()));
        }
        List<ReservationLine> lines = ((Allocation.Filled) allocation).lines();
        for (ReservationLine line : lines) {
            StockKey key = new StockKey(line.sku(), line.warehouseId());
            MovementSource source = MovementSource.service(orderId.toString());
            locked.move(key, MovementKind.RESERVATION, line.quantity(), source);
            locked.move(key, MovementKind.COMMIT, line.quantity(), source);
        }
        locked.publish();
        reservations.save(reservation.retakenAndCommitted(lines), reservation.lines(), now);
        count("commit", "retaken");
        log.info("order {} committed after its reservation expired; its units were taken again", orderId);
        return reply(orderId, new StockCommitted(orderId));
    }

    private void move(Collection<ReservationLine> lines, MovementKind kind, UUID orderId) {
        List<StockKey> keys = lines.stream().map(l -> new StockKey(l.sku(), l.warehouseId())).toList();
        LockedStock locked = ledger.lock(keys);
        for (ReservationLine line : lines) {
            locked.move(new StockKey(line.sku(), line.warehouseId()), kind, line.quantity(),
                    MovementSource.service(orderId.toString()));
        }
        locked.publish();
    }

    private static List<Candidate> candidates(LockedStock locked) {
        return locked.rows().stream()
                .map(row -> new Candidate(row.sku(), row.warehouseId(), row.warehouseCode(), row.warehousePriority(),
                        row.available()))
                .toList();
    }

    private static Object answerToReserve(Reservation reservation) {
        return switch (reservation.status()) {
            case REJECTED -> new StockRejected(reservation.orderId(), reservation.reason(),
                    reservation.unavailableSkus());
            // The first answer was "reserved"; whatever happened since, that stays the answer to this command.
            case HELD, COMMITTED, RELEASED, EXPIRED, RESTOCKED ->
                    new StockReserved(reservation.orderId(), reservation.id(), reservation.expiresAt());
        };
    }

    /**
     * The command's expiry, cut to the longest hold allowed; a command without one gets the longest.
     * Microseconds, as the table keeps it, so that a replay answers exactly the first answer.
     */
    private Instant holdUntil(Instant requested, Instant now) {
        Instant latest = now.plus(properties.maxHold());
        Instant until = requested == null || requested.isAfter(latest) ? latest : requested;
        return until.truncatedTo(ChronoUnit.MICROS);
    }

    private Object reply(UUID orderId, Object reply) {
        outbox.publish(Topics.SAGA_REPLIES, orderId.toString(), reply);
        return reply;
    }

    private void count(String command, String outcome) {
        count(command, outcome, 1);
    }

    private void count(String command, String outcome, int times) {
        meters.counter("inventory.reservations", "command", command, "outcome", outcome).increment(times);
    }
}
