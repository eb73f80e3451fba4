package io.tienda.platform.events;

import io.tienda.platform.events.cart.CartCheckoutStarted;
import io.tienda.platform.events.cart.CartItemAdded;
import io.tienda.platform.events.cart.CartItemRemoved;
import io.tienda.platform.events.cart.CheckoutLine;
import io.tienda.platform.events.inventory.LowStock;
import io.tienda.platform.events.inventory.StockChanged;
import io.tienda.platform.events.product.PriceChange;
import io.tienda.platform.events.product.ProductCreated;
import io.tienda.platform.events.product.ProductDeleted;
import io.tienda.platform.events.product.ProductPriceChanged;
import io.tienda.platform.events.product.ProductUpdated;
import io.tienda.platform.events.product.SkuPrice;
import io.tienda.platform.events.saga.OrderCancelled;
import io.tienda.platform.events.saga.OrderConfirmed;
import io.tienda.platform.events.saga.OrderDelivered;
import io.tienda.platform.events.saga.OrderLine;
import io.tienda.platform.events.saga.OrderPlaced;
import io.tienda.platform.events.saga.OrderRefundSettled;
import io.tienda.platform.events.saga.OrderRejected;
import io.tienda.platform.events.saga.OrderShipped;
import io.tienda.platform.events.saga.PaymentActionRequired;
import io.tienda.platform.events.saga.PaymentCaptureFailed;
import io.tienda.platform.events.saga.PaymentFailed;
import io.tienda.platform.events.saga.PaymentRefundFailed;
import io.tienda.platform.events.saga.PaymentVoided;
import io.tienda.platform.events.saga.RedeemCoupon;
import io.tienda.platform.events.saga.ReleaseCoupon;
import io.tienda.platform.events.saga.ReserveStock;
import io.tienda.platform.events.saga.StockLine;
import io.tienda.platform.events.user.PasswordResetRequested;
import io.tienda.platform.events.user.UserErased;
import io.tienda.platform.events.user.UserRegistered;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContractsTest {

    private final ContractValidator validator = new ContractValidator();

    static List<Class<? extends Record>> contracts() {
        return EventCatalog.contracts();
    }

    @ParameterizedTest
    @MethodSource("contracts")
    void everyContractHasASchemaThatDescribesExactlyItsFields(Class<? extends Record> contract) throws Exception {
        String type = Envelope.typeOf(contract);
        var schemaFile = getClass().getResource("/schemas/" + type + ".schema.json");
        assertThat(schemaFile).as("schema for %s", type).isNotNull();
        var schema = EventJson.mapper().readTree(schemaFile.openStream());
        List<String> declared = schema.get("properties").propertyNames().stream().sorted().toList();
        List<String> fields = java.util.Arrays.stream(contract.getRecordComponents())
                .map(RecordComponent::getName).sorted().toList();
        assertThat(declared).as("properties of %s", type).isEqualTo(fields);
        assertThat(EventCatalog.byType(type)).isEqualTo(contract);
    }

    /** A reversal that found nothing left is told by its reason's code, and only the contract's fields are written. */
    @Test
    void aNothingToRefundAnswerIsReadFromItsReasonCode() {
        UUID order = UUID.randomUUID();
        Money total = Money.of(1500, "EUR");
        PaymentRefundFailed nothingLeft = new PaymentRefundFailed(order, null, null, total,
                "nothing-to-refund: payment p-1 captured 1500 EUR, of which 1500 is refunded", "k-refund");

        assertThat(nothingLeft.nothingLeftToRefund()).isTrue();
        assertThat(new PaymentRefundFailed(order, "p-1", "r-1", total, "expired_or_canceled_card", "k-refund")
                .nothingLeftToRefund()).isFalse();
        assertThat(new PaymentRefundFailed(order, null, null, total, "refund-exceeds-captured: at most 10", "k")
                .nothingLeftToRefund()).isFalse();
        assertThat(new PaymentRefundFailed(order, "p-1", "r-1", total, "nothing-to-refund", "k")
                .nothingLeftToRefund()).as("a recorded refund that failed").isFalse();
        assertThat(EventJson.mapper().readTree(EventJson.write(nothingLeft)).propertyNames())
                .containsExactlyInAnyOrder("orderId", "paymentId", "refundId", "amount", "reason", "refundKey");
    }

    @Test
    void aWellFormedMessageConforms() {
        UUID orderId = UUID.randomUUID();
        var confirmed = new OrderConfirmed(orderId, "user-1", null,
                List.of(new OrderLine("SKU-1", "p-1", "Café de Colombia 500 g", 2, Money.of(1299, "EUR"))),
                Money.of(2598, "EUR"), Instant.parse("2026-01-01T10:00:00Z"));

        validator.requireValid(confirmed);
        validator.requireValid(new ReserveStock(orderId, List.of(new StockLine("SKU-1", 2)), Instant.now()));
        validator.requireValid(new PaymentFailed(orderId, "card declined", null));
    }

    /** A replacement order names the order it replaces; a sale, and every event published before, names none. */
    @Test
    void orderPlacedAndConfirmedNameTheOrderAReplacementReplaces() {
        UUID orderId = UUID.randomUUID();
        UUID original = UUID.randomUUID();
        List<OrderLine> lines = List.of(new OrderLine("SKU-1", "p-1", "Café de Colombia 500 g", 1,
                Money.of(0, "EUR")));
        Instant at = Instant.parse("2026-01-02T10:00:00Z");
        var placed = new OrderPlaced(orderId, "user-1", lines, Money.of(0, "EUR"), at, original);
        var confirmed = new OrderConfirmed(orderId, "user-1", null, lines, Money.of(0, "EUR"), at, original);

        validator.requireValid(placed);
        validator.requireValid(confirmed);
        assertThat(EventJson.read(EventJson.write(placed), OrderPlaced.class)).isEqualTo(placed);
        assertThat(EventJson.read(EventJson.write(confirmed), OrderConfirmed.class).replacesOrderId())
                .isEqualTo(original);
        var sale = new OrderConfirmed(orderId, "user-1", "u:user-1", lines, Money.of(0, "EUR"), at);
        assertThat(sale.replacesOrderId()).isNull();
        validator.requireValid(sale);
        validator.requireValid(new OrderPlaced(orderId, "user-1", lines, Money.of(0, "EUR"), at));

        String before = """
                {"orderId":"%s","customerId":"u","lines":[{"sku":"SKU-1","productId":"p-1","name":"x","quantity":1,
                 "unitPrice":{"amount":1299,"currency":"EUR"}}],"total":{"amount":1299,"currency":"EUR"},
                 "placedAt":"2026-01-02T10:00:00Z"}""".formatted(orderId);
        assertThat(validator.violations("order.placed", before)).as("published before it was carried").isEmpty();
        assertThat(EventJson.read(before, OrderPlaced.class).replacesOrderId()).isNull();
        assertThat(validator.violations("order.placed", before.replace("\"placedAt\"",
                "\"replacesOrderId\":\"not-an-order\",\"placedAt\""))).anyMatch(v -> v.contains("replacesOrderId"));
    }

    @Test
    void orderFactsCarryTheirLinesAndStillConformWithoutThem() {
        UUID orderId = UUID.randomUUID();
        List<OrderLine> lines = List.of(new OrderLine("SKU-1", "p-1", "Café de Colombia 500 g", 2,
                Money.of(1299, "EUR")));
        Instant at = Instant.parse("2026-01-02T10:00:00Z");

        validator.requireValid(new OrderShipped(orderId, "TND-2026-000123", "user-1", "SEUR", "1Z999AA10123456784",
                lines, at));
        validator.requireValid(new OrderDelivered(orderId, "TND-2026-000123", "user-1", lines, at));
        // a line offers and a coupon took something off: what was paid travels beside the catalog price
        validator.requireValid(new OrderDelivered(orderId, "TND-2026-000123", "user-1", List.of(new OrderLine(
                "SKU-1", "p-1", "Café de Colombia 500 g", 2, Money.of(1299, "EUR"), Money.of(1948, "EUR"))), at));
        assertThat(lines.get(0).lineTotal()).isEqualTo(Money.of(2598, "EUR"));
        // published before lines carried what was paid
        assertThat(validator.violations("order.delivered", """
                {"orderId":"%s","orderNumber":"TND-2026-000123","customerId":"u","deliveredAt":"2026-01-02T10:00:00Z",
                 "lines":[{"sku":"SKU-1","productId":"p-1","name":"x","quantity":1,"unitPrice":{"amount":1299,"currency":"EUR"}}]}
                """.formatted(orderId))).isEmpty();
        validator.requireValid(new OrderCancelled(orderId, "user-1", "payment-declined", lines));
        validator.requireValid(new OrderRejected(orderId, "user-1", "insufficient-stock", lines));
        validator.requireValid(new OrderCancelled(orderId, "user-1", "cancelled-by-customer"));
        validator.requireValid(new OrderRefundSettled(orderId, "TND-2026-000123", "user-1", Money.of(2598, "EUR"),
                at));
        assertThat(validator.violations("order.refund_settled", """
                {"orderId":"%s","orderNumber":"TND-2026-000123","customerId":"u","settledAt":"2026-01-02T10:00:00Z"}
                """.formatted(orderId))).isNotEmpty();
        validator.requireValid(new OrderRejected(orderId, "user-1", "insufficient-stock"));
        assertThat(validator.violations("order.shipped", """
                {"orderId":"%s","orderNumber":"TND-2026-000123","customerId":"u","carrier":"","trackingNumber":"1",
                 "lines":[],"shippedAt":"2026-01-02T10:00:00Z"}
                """.formatted(orderId))).anyMatch(v -> v.contains("carrier")).anyMatch(v -> v.contains("lines"));
    }

    /** The confirmation and the cancellation name the order by its number; events published before do not. */
    @Test
    void orderConfirmedAndCancelledCarryTheOrderNumberAndConformWithoutIt() {
        UUID orderId = UUID.randomUUID();
        List<OrderLine> lines = List.of(new OrderLine("SKU-1", "p-1", "Café de Colombia 500 g", 1,
                Money.of(1299, "EUR")));
        Instant at = Instant.parse("2026-01-02T10:00:00Z");
        var confirmed = new OrderConfirmed(orderId, "TND-2026-000123", "user-1", "u:user-1", lines,
                Money.of(1299, "EUR"), at, null);
        var cancelled = new OrderCancelled(orderId, "TND-2026-000123", "user-1", "payment-declined", lines);

        validator.requireValid(confirmed);
        validator.requireValid(cancelled);
        assertThat(EventJson.read(EventJson.write(confirmed), OrderConfirmed.class)).isEqualTo(confirmed);
        assertThat(EventJson.read(EventJson.write(cancelled), OrderCancelled.class)).isEqualTo(cancelled);
        assertThat(new OrderConfirmed(orderId, "user-1", null, lines, Money.of(1299, "EUR"), at).orderNumber())
                .isNull();
        assertThat(new OrderCancelled(orderId, "user-1", "payment-declined", lines).orderNumber()).isNull();

        String before = """
                {"orderId":"%s","customerId":"u","reason":"payment-declined"}""".formatted(orderId);
        assertThat(validator.violations("order.cancelled", before)).as("published before it was carried").isEmpty();
        assertThat(EventJson.read(before, OrderCancelled.class).orderNumber()).isNull();
        assertThat(validator.violations("order.cancelled", before.replace("\"reason\"",
                "\"orderNumber\":\"\",\"reason\""))).anyMatch(v -> v.contains("orderNumber"));
    }

    /** A cancellation says whether the checkout ended the order; one published before it says nothing. */
    @Test
    void orderCancelledSaysWhetherTheCheckoutFailedAndConformsWithoutIt() {
        UUID orderId = UUID.randomUUID();
        List<OrderLine> lines = List.of(new OrderLine("SKU-1", "p-1", "Café de Colombia 500 g", 1,
                Money.of(1299, "EUR")));
        var failed = new OrderCancelled(orderId, "TND-2026-000123", "user-1", "capture-failed", lines, true);
        var byShopper = new OrderCancelled(orderId, "TND-2026-000123", "user-1", "changed my mind", lines, false);

        validator.requireValid(failed);
        validator.requireValid(byShopper);
        assertThat(EventJson.read(EventJson.write(failed), OrderCancelled.class)).isEqualTo(failed);
        assertThat(failed.byFailedCheckout()).isTrue();
        assertThat(byShopper.byFailedCheckout()).isFalse();
        assertThat(new OrderCancelled(orderId, "TND-2026-000123", "user-1", "x", lines).checkoutFailed()).isNull();

        String before = """
                {"orderId":"%s","orderNumber":"TND-2026-000123","customerId":"u","reason":"payment-declined"}"""
                .formatted(orderId);
        assertThat(validator.violations("order.cancelled", before)).as("published before it was carried").isEmpty();
        assertThat(EventJson.read(before, OrderCancelled.class).byFailedCheckout()).isFalse();
        assertThat(validator.violations("order.cancelled", before.replace("\"reason\"",
                "\"checkoutFailed\":\"yes\",\"reason\""))).anyMatch(v -> v.contains("checkoutFailed"));
    }

    @Test
    void userEventsConformAndTheirSecretsStayOutOfToString() {
        UUID userId = UUID.randomUUID();
        String token = "kq3Jx0b9Qm2Vd8Hn1Zr7Yt5Wc4Pa6Lf0Ge2Us9Xo3Ik";
        Instant expiresAt = Instant.parse("2026-01-02T10:00:00Z");
        var registered = new UserRegistered(userId, "ana@example.com", null, "es", token, expiresAt);
        var reset = new PasswordResetRequested(userId, "ana@example.com", "Ana", "en", token, expiresAt);

        validator.requireValid(registered);
        validator.requireValid(reset);
        validator.requireValid(new UserErased(userId, expiresAt));
        assertThat(registered.toString()).doesNotContain(token).doesNotContain("ana@example.com");
        assertThat(reset.toString()).doesNotContain(token).doesNotContain("ana@example.com");
    }

    @Test
    void userEventsRefuseAnUnknownLanguageAShortTokenAndAMalformedEmail() {
        String json = """
                {"userId":"%s","email":"not-an-email","language":"fr","verificationToken":"short",
                 "expiresAt":"2026-01-02T10:00:00Z"}
                """.formatted(UUID.randomUUID());

        assertThat(validator.violations("user.registered", json))
                .anyMatch(v -> v.contains("email"))
                .anyMatch(v -> v.contains("language"))
                .anyMatch(v -> v.contains("verificationToken"));
    }

    @Test
    void catalogAndStockEventsConform() {
        validator.requireValid(new ProductCreated("p-1", "cafe-de-colombia", "Café de Colombia", "c-1", null,
                List.of("CAF-500", "CAF-1000"), Money.of(1299, "EUR"), true));
        validator.requireValid(new ProductUpdated("p-1", "cafe-de-colombia", "Café de Colombia", "c-1", null,
                List.of("CAF-500", "CAF-1000"), Money.of(1299, "EUR"), true,
                List.of(new SkuPrice("CAF-500", Money.of(1299, "EUR")), new SkuPrice("CAF-1000", Money.of(2399, "EUR")))));
        validator.requireValid(new ProductDeleted("p-1", List.of("CAF-500")));
        validator.requireValid(new ProductPriceChanged("p-1",
                List.of(new PriceChange("CAF-500", Money.of(1299, "EUR"), Money.of(1099, "EUR")))));
        validator.requireValid(new StockChanged("CAF-500", 0, false, 42));
        validator.requireValid(new LowStock("CAF-500", "MAD-1", 3, 1, 5, 50));
    }

    /** Each SKU's price came later; an event announced before it reads with none, and one with them round-trips. */
    @Test
    void productEventsReadWithAndWithoutEachSkusPrice() {
        String before = """
                {"productId":"p-1","slug":"cafe","name":"Café","categoryId":"c-1","brandId":null,
                 "skus":["CAF-500"],"price":{"amount":1299,"currency":"EUR"},"active":true}""";
        assertThat(EventJson.read(before, ProductCreated.class).prices()).isNull();
        assertThat(validator.violations("product.created", before)).isEmpty();

        ProductCreated created = new ProductCreated("p-1", "cafe", "Café", "c-1", null, List.of("CAF-500"),
                Money.of(1299, "EUR"), true, List.of(new SkuPrice("CAF-500", Money.of(1099, "EUR"))));
        assertThat(EventJson.read(EventJson.write(created), ProductCreated.class)).isEqualTo(created);
        assertThat(validator.violations("product.created", EventJson.write(created).replace("\"sku\"", "\"id\"")))
                .isNotEmpty();
    }

    @Test
    void cartEventsConformForGuestsAndSignedInShoppers() {
        Instant now = Instant.parse("2026-01-01T10:00:00Z");
        validator.requireValid(new CartItemAdded("g:Zm9v", null, "CAF-500", 2, 3, Money.of(1299, "EUR"), now));
        validator.requireValid(new CartItemAdded("u:user-1", "user-1", "CAF-500", 1, 1, null, now));
        validator.requireValid(new CartItemRemoved("u:user-1", "user-1", "CAF-500", 1, 0, now));
        validator.requireValid(new CartCheckoutStarted("u:user-1", "user-1",
                List.of(new CheckoutLine("CAF-500", 2, Money.of(1299, "EUR"), Money.of(2598, "EUR"))), 2,
                Money.of(2598, "EUR"), now));
    }

    @Test
    void cartEventsRefuseEmptyCheckoutsAndAddingNothing() {
        String added = """
                {"cartId":"u:1","sku":"A","quantity":0,"lineQuantity":0,"addedAt":"2026-01-01T10:00:00Z"}
                """;
        String started = """
                {"cartId":"u:1","customerId":"1","lines":[],"itemCount":0,
                 "total":{"amount":0,"currency":"EUR"},"startedAt":"2026-01-01T10:00:00Z"}
                """;

        assertThat(validator.violations("cart.item_added", added)).anyMatch(v -> v.contains("quantity"));
        assertThat(validator.violations("cart.checkout_started", started))
                .anyMatch(v -> v.contains("lines"))
                .anyMatch(v -> v.contains("itemCount"));
    }

    @Test
    void paymentRepliesConformAndTheClientSecretStaysOutOfToString() {
        UUID orderId = UUID.randomUUID();
        var action = new PaymentActionRequired(orderId, "pi_123", "redirect_to_url",
                "https://hooks.stripe.com/3d_secure/pi_123", "pi_123_secret_abc");

        validator.requireValid(action);
        validator.requireValid(new PaymentActionRequired(orderId, "pi_123", "use_stripe_sdk", null, null));
        validator.requireValid(new PaymentVoided(orderId, "pi_123", "checkout-timeout"));
        validator.requireValid(new PaymentVoided(orderId, null, "nothing-held"));
        validator.requireValid(new PaymentCaptureFailed(orderId, "pi_123", "authorization expired"));
        validator.requireValid(new PaymentRefundFailed(orderId, "pi_123", "re_1", Money.of(500, "EUR"), "declined"));
        assertThat(action.toString()).doesNotContain("secret");
    }

    @Test
    void paymentRepliesRefuseAMissingReasonOrOrder() {
        assertThat(validator.violations("payment.voided", "{\"paymentId\":\"pi_1\"}"))
                .anyMatch(v -> v.contains("orderId"))
                .anyMatch(v -> v.contains("reason"));
        assertThat(validator.violations("payment.refund_failed", """
                {"orderId":"%s","amount":{"amount":1,"currency":"eur"},"reason":""}
                """.formatted(UUID.randomUUID())))
                .anyMatch(v -> v.contains("currency"))
                .anyMatch(v -> v.contains("reason"));
    }

    @Test
    void couponCommandsConformAndTravelOnProductCommands() {
        UUID orderId = UUID.randomUUID();

        validator.requireValid(new RedeemCoupon(orderId, "VERANO10", "user-1", Money.of(2_800, "EUR")));
        validator.requireValid(new ReleaseCoupon(orderId, "VERANO10", "cancelled by customer"));
        assertThat(Envelope.typeOf(RedeemCoupon.class)).isEqualTo("product.redeem_coupon");
        assertThat(Envelope.typeOf(ReleaseCoupon.class)).isEqualTo("product.release_coupon");
        assertThat(Topics.PRODUCT_COMMANDS).isEqualTo("product.commands");
    }

    @Test
    void couponCommandsRefuseAMissingCodeOrCustomerAndABadTotal() {
        assertThat(validator.violations("product.redeem_coupon", """
                {"orderId":"%s","code":"","orderTotal":{"amount":2800,"currency":"eur"}}
                """.formatted(UUID.randomUUID())))
                .anyMatch(v -> v.contains("code"))
                .anyMatch(v -> v.contains("customerId"))
                .anyMatch(v -> v.contains("currency"));
        assertThat(validator.violations("product.release_coupon", """
                {"orderId":"not-a-uuid","code":"VERANO10"}
                """))
                .anyMatch(v -> v.contains("orderId"))
                .anyMatch(v -> v.contains("reason"));
    }

    @Test
    void stockEventsRefuseNegativeAvailability() {
        String json = """
                {"sku":"CAF-500","available":-1,"inStock":false,"version":1}
                """;

        assertThat(validator.violations("inventory.stock_changed", json)).anyMatch(v -> v.contains("available"));
    }

    @Test
    void violationsNameWhatIsWrong() {
        String json = """
                {"orderId":"not-a-uuid","lines":[{"sku":"A","quantity":0}],"expiresAt":"yesterday"}
                """;

        List<String> violations = validator.violations("inventory.reserve", json);

        assertThat(violations).anyMatch(v -> v.contains("orderId"))
                .anyMatch(v -> v.contains("quantity"))
                .anyMatch(v -> v.contains("expiresAt"));
        assertThatThrownBy(() -> validator.requireValid("inventory.reserve", json))
                .isInstanceOf(ContractValidator.ContractViolation.class)
                .hasMessageContaining("inventory.reserve");
    }

    @Test
    void unknownFieldsAreAllowedSoContractsCanGrow() {
        String json = """
                {"orderId":"%s","newField":42}
                """.formatted(UUID.randomUUID());

        assertThat(validator.violations("inventory.commit", json)).isEmpty();
        assertThat(EventJson.read(json, io.tienda.platform.events.saga.CommitStock.class).orderId()).isNotNull();
    }

    @Test
    void moneyRefusesWhatIsNotACurrencyAndMixedCurrencies() {
        assertThatThrownBy(() -> Money.of(100, "euro")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.of(100, "EUR").plus(Money.of(1, "USD")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Money.of(250, "EUR").times(3).plus(Money.of(1, "EUR"))).isEqualTo(Money.of(751, "EUR"));
    }

    @Test
    void returnsEventsAndTheirCommandsConform() {
        UUID returnId = UUID.randomUUID();
        UUID orderId = UUID.randomUUID();
        Instant now = Instant.parse("2026-03-01T10:00:00Z");
        var line = new io.tienda.platform.events.returns.ReturnedLine("CAF-500", "p-1", "Café", 1,
                Money.of(1299, "EUR"), "DAMAGED", null, null);
        var inspected = new io.tienda.platform.events.returns.ReturnedLine("CAF-500", "p-1", "Café", 1,
                Money.of(1299, "EUR"), "WRONG_SIZE", true, "CAF-1000");

        validator.requireValid(new io.tienda.platform.events.returns.ReturnRequested(returnId, "RMA-2026-000001",
                orderId, "TND-2026-000001", "user-1", "REFUND", List.of(line), now));
        validator.requireValid(new io.tienda.platform.events.returns.ReturnApproved(returnId, "RMA-2026-000001",
                orderId, "user-1", null, now));
        validator.requireValid(new io.tienda.platform.events.returns.ReturnRejected(returnId, "RMA-2026-000001",
                orderId, "user-1", "outside the return window", now));
        validator.requireValid(new io.tienda.platform.events.returns.ReturnReceived(returnId, "RMA-2026-000001",
                orderId, "user-1", now));
        validator.requireValid(new io.tienda.platform.events.returns.ReturnRefunded(returnId, "RMA-2026-000001",
                orderId, "user-1", Money.of(1299, "EUR"), List.of(inspected), now));
        validator.requireValid(new io.tienda.platform.events.returns.ReturnRefundSettled(returnId, "RMA-2026-000001",
                orderId, "user-1", Money.of(1299, "EUR"), now));
        assertThat(validator.violations("returns.refund_settled", """
                {"returnId":"%s","rma":"RMA-2026-000001","orderId":"%s","customerId":"u",
                 "settledAt":"2026-01-02T10:00:00Z"}
                """.formatted(returnId, orderId))).anyMatch(v -> v.contains("amount"));
        validator.requireValid(new io.tienda.platform.events.returns.ReturnExchanged(returnId, "RMA-2026-000001",
                orderId, "user-1", UUID.randomUUID(), List.of(inspected), now));
        validator.requireValid(new io.tienda.platform.events.saga.RestockItems("return:" + returnId,
                "RMA-2026-000001", List.of(new io.tienda.platform.events.saga.StockLine("CAF-500", 1))));
        validator.requireValid(new io.tienda.platform.events.saga.CreateReplacementOrder(UUID.randomUUID(), orderId,
                "user-1", "RMA-2026-000001", List.of(new io.tienda.platform.events.saga.OrderLine("CAF-1000", "p-1",
                        "Café", 1, Money.of(0, "EUR")))));
        validator.requireValid(new io.tienda.platform.events.saga.PaymentRefunded(orderId, "pi_1", "re_1",
                Money.of(1299, "EUR"), "return:" + returnId));
        validator.requireValid(new io.tienda.platform.events.user.UserContactChanged(UUID.randomUUID(),
                "ana@example.com", null, "es"));
        // the demo and test accounts live on reserved domains
        validator.requireValid(new io.tienda.platform.events.user.UserContactChanged(UUID.randomUUID(),
                "ana@tienda.local", "Ana", "es"));
        validator.requireValid(new io.tienda.platform.events.user.UserContactChanged(UUID.randomUUID(),
                "admin@bootstrap.test", null, "en"));

        assertThat(validator.violations("returns.requested", """
                {"returnId":"%s","rma":"R-1","orderId":"%s","orderNumber":"TND-2026-000001","customerId":"u",
                 "resolution":"STORE_CREDIT","lines":[],"requestedAt":"2026-03-01T10:00:00Z"}
                """.formatted(returnId, orderId)))
                .anyMatch(v -> v.contains("rma")).anyMatch(v -> v.contains("resolution"))
                .anyMatch(v -> v.contains("lines"));
    }
}
