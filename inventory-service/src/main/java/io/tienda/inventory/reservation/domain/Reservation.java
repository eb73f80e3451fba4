package io.tienda.inventory.reservation.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The stock an order holds, and the rules of how that may change. Each transition is a method that
 * refuses an illegal move; the decisions ({@link #onRelease()}, {@link #onCommit()}) say what a
 * command means in the current state, so that a replayed command finds the answer it got the first
 * time and changes nothing.
 *
 * <pre>
 *   HELD ──commit──▶ COMMITTED ──release──▶ RESTOCKED
 *    │  └─release──▶ RELEASED
 *    └──expire───▶ EXPIRED ──commit (units taken again)──▶ COMMITTED
 *                     └─────commit (units gone)──────────▶ RELEASED (reservation-expired)
 *   (nothing) ──reserve, cannot fill──▶ REJECTED
 * </pre>
 */
public record Reservation(UUID orderId, UUID id, ReservationStatus status, Instant expiresAt,
        List<ReservationLine> lines, String reason, List<String> unavailableSkus) {

    public Reservation {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(expiresAt, "expiresAt");
        lines = List.copyOf(lines);
        unavailableSkus = List.copyOf(unavailableSkus);
        if (status == ReservationStatus.HELD && lines.isEmpty()) {
            throw new IllegalArgumentException("a held reservation holds at least one line");
        }
    }

    public static Reservation held(UUID orderId, UUID id, Instant expiresAt, List<ReservationLine> lines) {
        return new Reservation(orderId, id, ReservationStatus.HELD, expiresAt, lines, null, List.of());
    }

    public static Reservation rejected(UUID orderId, UUID id, Instant expiresAt, String reason,
            List<String> unavailableSkus) {
        return new Reservation(orderId, id, ReservationStatus.REJECTED, expiresAt, List.of(), reason,
                unavailableSkus);
    }

    /** What a release command does now. */
    public enum ReleaseAction {
        /** Give the held units back. */
        RELEASE,
        /** The order was sold and is now cancelled: put its units back on the shelf. */
        RESTOCK,
        /**
         * Its units already went back when it expired: move nothing, but end it released, so that a
         * commit arriving after the release is refused rather than taking the units again.
         */
        CLOSE,
        /** Nothing is held (released, restocked or rejected before): answer, change nothing. */
        NOTHING
    }

    /** What a commit command does now. */
    public enum CommitAction {
        /** Turn the held units into sold ones. */
        COMMIT,
        /** Already committed: answer again, change nothing. */
        NOTHING,
        /** The units went back when it expired: take them again if they are still there, then commit. */
        RETAKE,
        /** The stock was given back on purpose or never held: refuse with {@link #commitRefusal()}. */
        REFUSE
    }

    public ReleaseAction onRelease() {
        return switch (status) {
            case HELD -> ReleaseAction.RELEASE;
            case COMMITTED -> ReleaseAction.RESTOCK;
            case EXPIRED -> ReleaseAction.CLOSE;
            case RELEASED, RESTOCKED, REJECTED -> ReleaseAction.NOTHING;
        };
    }

    public CommitAction onCommit() {
        return switch (status) {
            case HELD -> CommitAction.COMMIT;
            case COMMITTED -> CommitAction.NOTHING;
            case EXPIRED -> CommitAction.RETAKE;
            case RELEASED, RESTOCKED, REJECTED -> CommitAction.REFUSE;
        };
    }

    /** Why a commit is refused in this state. */
    public String commitRefusal() {
        return switch (status) {
            case RELEASED -> Reasons.RESERVATION_EXPIRED.equals(reason) ? Reasons.RESERVATION_EXPIRED
                    : Reasons.RESERVATION_RELEASED;
            case RESTOCKED -> Reasons.RESERVATION_RELEASED;
            case REJECTED -> Reasons.RESERVATION_REJECTED;
            case HELD, COMMITTED, EXPIRED -> throw new IllegalStateException("a " + status + " reservation commits");
        };
    }

    /** Whether the sweeper should give its units back at {@code now}. */
    public boolean expiredAt(Instant now) {
        return status == ReservationStatus.HELD && !now.isBefore(expiresAt);
    }

    public Reservation committed() {
        require(ReservationStatus.HELD, "commit");
        return to(ReservationStatus.COMMITTED, lines, null);
    }

    public Reservation released(String why) {
        require(ReservationStatus.HELD, "release");
        return to(ReservationStatus.RELEASED, lines, why);
    }

    /** Released after it expired: nothing to give back, and no commit may take the units again. */
    public Reservation closed(String why) {
        require(ReservationStatus.EXPIRED, "release");
        return to(ReservationStatus.RELEASED, lines, why);
    }

    public Reservation restocked(String why) {
        require(ReservationStatus.COMMITTED, "restock");
        return to(ReservationStatus.RESTOCKED, lines, why);
    }

    public Reservation expired(Instant now) {
        if (!expiredAt(now)) {
            throw new IllegalStateException("a " + status + " reservation until " + expiresAt
                    + " cannot expire at " + now);
        }
        return to(ReservationStatus.EXPIRED, lines, Reasons.EXPIRED);
    }

    /** A late commit found the units again, possibly in other warehouses: they are sold now. */
    public Reservation retakenAndCommitted(List<ReservationLine> newLines) {
        require(ReservationStatus.EXPIRED, "take again");
        if (newLines.isEmpty()) {
            throw new IllegalArgumentException("a commit sells at least one line");
        }
        return to(ReservationStatus.COMMITTED, newLines, null);
    }

    /**
     * A late commit found the units gone: the reservation ends here, and later commits are refused
     * alike, so the saga never hears "rejected" first and "committed" later for one order.
     */
    public Reservation lapsed(List<String> unavailable) {
        require(ReservationStatus.EXPIRED, "lapse");
        return new Reservation(orderId, id, ReservationStatus.RELEASED, expiresAt, lines, Reasons.RESERVATION_EXPIRED,
                unavailable);
    }

    /** The units per SKU the order asked for, whichever warehouses they sit in. */
    public SortedMap<String, Integer> requested() {
        SortedMap<String, Integer> requested = new TreeMap<>();
        for (ReservationLine line : lines) {
            requested.merge(line.sku(), line.quantity(), Integer::sum);
        }
        return requested;
    }

    private void require(ReservationStatus expected, String move) {
        if (status != expected) {
            throw new IllegalStateException("cannot " + move + " a " + status + " reservation of order " + orderId);
        }
    }

    private Reservation to(ReservationStatus next, List<ReservationLine> nextLines, String why) {
        return new Reservation(orderId, id, next, expiresAt, nextLines, why, unavailableSkus);
    }
}
