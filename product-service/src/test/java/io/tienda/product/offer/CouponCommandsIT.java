package io.tienda.product.offer;

import io.tienda.platform.events.Money;
import io.tienda.platform.events.Topics;
import io.tienda.platform.events.saga.RedeemCoupon;
import io.tienda.platform.events.saga.ReleaseCoupon;
import io.tienda.platform.messaging.OutboundMessage;
import io.tienda.product.ProductServiceIT;
import io.tienda.product.offer.domain.Offers;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.mongodb.core.query.BasicQuery;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The checkout saga's coupon commands as order-service sends them on {@code product.commands}, in the
 * platform's envelope, keyed by order id: each applied once, a use given back, and a coupon that can
 * no longer take a use skipped without holding up the partition.
 */
@ExtendWith(OutputCaptureExtension.class)
class CouponCommandsIT extends ProductServiceIT {

    @Autowired
    CouponRedemptions redemptions;

    @Autowired
    Offers offers;

    private final Instant now = Instant.now();

    /** A live 10 % coupon offer; {@code extra} overrides or adds fields. Returns its code. */
    private String coupon(Document extra) {
        String code = "CMD-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Document offer = new Document("_id", "o-" + UUID.randomUUID()).append("name", "coupon " + code)
                .append("kind", "PERCENT").append("percentOff", 10)
                .append("appliesTo", new Document("scope", "ALL").append("ids", List.of()))
                .append("couponCode", code).append("used", 0)
                .append("startsAt", Date.from(now.minus(Duration.ofDays(1))))
                .append("active", true).append("version", 0L);
        offer.putAll(extra);
        mongo.insert(offer, "offers");
        return code;
    }

    private Document stored(String code) {
        return mongo.findOne(new BasicQuery(new Document("couponCode", code)), Document.class, "offers");
    }

    private List<Document> uses(String code) {
        return stored(code).getList("redemptions", Document.class, List.of());
    }

    private OutboundMessage redeem(UUID orderId, String code, long total) {
        RedeemCoupon command = new RedeemCoupon(orderId, code, "customer-" + orderId, Money.of(total, "EUR"));
        CONTRACTS.requireValid(command);
        return messages.create(Topics.PRODUCT_COMMANDS, orderId.toString(), command);
    }

    private OutboundMessage release(UUID orderId, String code) {
        ReleaseCoupon command = new ReleaseCoupon(orderId, code, "cancelled by customer");
        CONTRACTS.requireValid(command);
        return messages.create(Topics.PRODUCT_COMMANDS, orderId.toString(), command);
    }

    /**
     * Sends a redemption of a fresh coupon with the same key after what the test sent, and waits until it
     * is applied: one partition, one thread, so everything sent before it has been handled too.
     */
    private void drain(UUID orderId) {
        String marker = coupon(new Document());
        sender.send(redeem(orderId, marker, 5_000));
        await().atMost(DELIVERY).until(() -> stored(marker).getInteger("used") == 1);
    }

    @Test
    void aRedeemCommandDeliveredThreeTimesRecordsTheUseOnce() {
        String code = coupon(new Document("usageLimit", 10));
        UUID orderId = UUID.randomUUID();
        OutboundMessage command = redeem(orderId, code, 7_500);

        sender.send(command);
        sender.send(command);
        sender.send(command);
        // the saga deciding again (a new event id) for the same order is a repeat too
        sender.send(redeem(orderId, code, 7_500));
        drain(orderId);

        Document offer = stored(code);
        assertThat(offer.getInteger("used")).isEqualTo(1);
        assertThat(uses(code)).singleElement().satisfies(use -> {
            assertThat(use.getString("orderId")).isEqualTo(orderId.toString());
            assertThat(use.getString("customerId")).isEqualTo("customer-" + orderId);
            assertThat(use.get("orderTotal", Document.class).get("amount")).isEqualTo(7_500L);
        });
        assertThat(offer.getList("_appliedEvents", String.class)).contains(command.eventId().toString());
    }

    @Test
    void aReleaseGivesTheUseBackAndALateCopyOfTheRedemptionDoesNotTakeItAgain() {
        String code = coupon(new Document("usageLimit", 1));
        UUID orderId = UUID.randomUUID();
        OutboundMessage redeem = redeem(orderId, code, 5_000);
        OutboundMessage release = release(orderId, code);

        sender.send(redeem);
        await().atMost(DELIVERY).until(() -> stored(code).getInteger("used") == 1);
        sender.send(release);
        sender.send(release);
        await().atMost(DELIVERY).until(() -> stored(code).getInteger("used") == 0);
        // the outbox resubmitting the redemption after the release: the offer remembers the command
        sender.send(redeem);
        drain(orderId);

        assertThat(stored(code).getInteger("used")).isZero();
        assertThat(uses(code)).isEmpty();
        // and the use is free for another order
        UUID next = UUID.randomUUID();
        sender.send(redeem(next, code, 5_000));
        await().atMost(DELIVERY).until(() -> stored(code).getInteger("used") == 1);
        assertThat(uses(code)).extracting(use -> use.getString("orderId")).containsExactly(next.toString());
    }

    @Test
    void aRedemptionDeliveredAgainAfterItsEventIdIsForgottenDoesNotTakeTheReleasedUseAgain() {
        String code = coupon(new Document());
        UUID cancelled = UUID.randomUUID();
        OutboundMessage redeem = redeem(cancelled, code, 5_000);
        sender.send(redeem);
        await().atMost(DELIVERY).until(() -> stored(code).getInteger("used") == 1);
        sender.send(release(cancelled, code));
        await().atMost(DELIVERY).until(() -> stored(code).getInteger("used") == 0);

        // a popular coupon: more commands than the offer remembers event ids for pass in between
        int others = 201;
        for (int i = 0; i < others; i++) {
            sender.send(redeem(UUID.randomUUID(), code, 5_000));
        }
        await().atMost(DELIVERY).until(() -> stored(code).getInteger("used") == others);
        assertThat(stored(code).getList("_appliedEvents", String.class)).doesNotContain(redeem.eventId().toString());

        sender.send(redeem);
        drain(cancelled);

        assertThat(stored(code).getInteger("used")).isEqualTo(others);
        assertThat(uses(code)).extracting(use -> use.getString("orderId")).hasSize(others)
                .doesNotContain(cancelled.toString());
    }

    @Test
    void aRedemptionOvertakenByItsOrdersReleaseNeverTakesAUse(CapturedOutput output) {
        String code = coupon(new Document("usageLimit", 1));
        UUID cancelled = UUID.randomUUID();
        OutboundMessage release = release(cancelled, code);

        // the redemption's first send failed; the cancellation's release went first
        sender.send(release);
        drain(cancelled);
        assertThat(stored(code).getInteger("used")).isZero();
        assertThat(stored(code).getList("releasedBeforeUse", String.class)).containsExactly(cancelled.toString());
        sender.send(redeem(cancelled, code, 5_000));
        sender.send(release);
        drain(cancelled);

        assertThat(stored(code).getInteger("used")).isZero();
        assertThat(uses(code)).isEmpty();
        assertThat(stored(code).getList("releasedBeforeUse", String.class)).containsExactly(cancelled.toString());
        assertThat(output).contains("order " + cancelled + " gave its use back before this redemption arrived");
        // the one use is still there for a live order
        UUID live = UUID.randomUUID();
        sender.send(redeem(live, code, 5_000));
        await().atMost(DELIVERY).until(() -> stored(code).getInteger("used") == 1);
        assertThat(uses(code)).extracting(use -> use.getString("orderId")).containsExactly(live.toString());
    }

    @Test
    void staffMayStillRecordAUseByHandForAnOrderWhoseReleaseCameFirst() {
        String code = coupon(new Document("usageLimit", 5));
        UUID orderId = UUID.randomUUID();
        sender.send(release(orderId, code));
        drain(orderId);

        CouponRedemptions.Outcome outcome = redemptions.redeem(code, orderId.toString(), "customer-" + orderId,
                Money.of(5_000, "EUR"), new CouponRedemptions.Caller("manager-1", true));

        assertThat(outcome.replayed()).isFalse();
        assertThat(stored(code).getInteger("used")).isEqualTo(1);
        assertThat(offers.byCouponCode(code)).hasValueSatisfying(offer -> assertThat(offer.coupon().used()).isEqualTo(1));
    }

    @Test
    void aReleaseOfAnOrderWithoutAUseChangesNothing() {
        String code = coupon(new Document("used", 1).append("redemptions", List.of(new Document("orderId", "other")
                .append("orderTotal", new Document("amount", 5_000L).append("currency", "EUR"))
                .append("at", Date.from(now)))));
        UUID orderId = UUID.randomUUID();

        sender.send(release(orderId, code));
        sender.send(release(orderId, "NO-SUCH-CODE"));
        drain(orderId);

        assertThat(stored(code).getInteger("used")).isEqualTo(1);
        assertThat(uses(code)).hasSize(1);
    }

    @Test
    void anExhaustedCouponIsLoggedAndSkippedWithoutBlockingTheNextMessage(CapturedOutput output) {
        String exhausted = coupon(new Document("usageLimit", 1));
        String below = coupon(new Document("minimumOrder", new Document("amount", 10_000L).append("currency", "EUR")));
        String ended = coupon(new Document("endsAt", Date.from(now.minusSeconds(60))));
        UUID first = UUID.randomUUID();
        UUID late = UUID.randomUUID();
        sender.send(redeem(first, exhausted, 5_000));
        await().atMost(DELIVERY).until(() -> stored(exhausted).getInteger("used") == 1);

        sender.send(redeem(late, exhausted, 5_000));
        sender.send(redeem(late, below, 5_000));
        sender.send(redeem(late, ended, 5_000));
        String next = coupon(new Document());
        sender.send(redeem(late, next, 5_000));

        await().atMost(DELIVERY).until(() -> stored(next).getInteger("used") == 1);
        assertThat(stored(exhausted).getInteger("used")).isEqualTo(1);
        assertThat(uses(exhausted)).extracting(use -> use.getString("orderId")).containsExactly(first.toString());
        assertThat(stored(below).getInteger("used")).isZero();
        assertThat(stored(ended).getInteger("used")).isZero();
        for (String code : List.of(exhausted, below, ended)) {
            assertThat(stored(code).getList("_appliedEvents", String.class, List.of())).as("nothing recorded for %s", code)
                    .hasSizeLessThanOrEqualTo(code.equals(exhausted) ? 1 : 0);
            assertThat(output.getAll()).as("a warning names the order and %s", code)
                    .containsPattern("(?s)WARN.{0,400}coupon " + code + " not redeemed for order " + late);
        }
        assertThat(kafka().read(Topics.deadLetter(Topics.PRODUCT_COMMANDS), record -> false, Duration.ofSeconds(3)))
                .noneMatch(record -> late.toString().equals(record.key()));
    }
}
