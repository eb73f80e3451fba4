package io.tienda.e2e;

import io.tienda.e2e.Accounts.Account;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may do what, through the gateway: every endpoint that exists × every kind of caller →
 * the status they get. Customer A can never read or change B's data. New endpoints are new rows.
 * {@code {A}} and {@code {B}} stand for the two customers' user ids. Every row is harmless to run:
 * it names something that does not exist or sends a body that is refused. Four endpoints are not
 * rows because no such request exists for them; their own tests cover who may call them:
 * {@code DELETE /api/v1/users/me} (erases the caller), {@code POST /api/v1/auth/keys/rotate}
 * (admin, rotates the signing key), {@code POST /api/v1/auth/login} (LoginProtectionIT: failures
 * lock the account, so a row's answer would depend on the rows before it) and
 * {@code POST /api/v1/analytics/backfill} (admin, starts a rebuild of the facts).
 */
@ExtendWith(Fleet.class)
class AuthorizationMatrixIT {

    /** Columns: method, path, body, then anonymous, A, B, support, manager, admin, analyst. */
    static final String MATRIX = """
            GET    /api/v1/products                          | - | 200 200 200 200 200 200 200
            GET    /api/v1/categories                        | - | 200 200 200 200 200 200 200
            GET    /api/v1/search/products?q=cafe            | - | 200 200 200 200 200 200 200
            GET    /api/v1/offers                            | - | 200 200 200 200 200 200 200
            GET    /api/v1/brands                            | - | 200 200 200 200 200 200 200
            GET    /api/v1/search/suggestions?q=caf          | - | 200 200 200 200 200 200 200
            POST   /api/v1/pricing                           | {"items":[{"sku":"SKU-1","quantity":1}]} | 200 200 200 200 200 200 200
            GET    /api/v1/products?includeInactive=true     | - | 401 403 403 200 200 200 403
            POST   /api/v1/products                          | {"name":{"es":"Prueba"},"categoryId":"no-such-category","price":{"amount":100,"currency":"EUR"},"variants":[{"sku":"MATRIX-1"}]} | 401 403 403 403 422 422 403
            PUT    /api/v1/products/no-such-product          | {"name":{"es":"Prueba"},"categoryId":"no-such-category","price":{"amount":100,"currency":"EUR"},"variants":[{"sku":"MATRIX-1"}]} | 401 403 403 403 422 422 403
            DELETE /api/v1/products/no-such-product          | - | 401 403 403 403 404 404 403
            POST   /api/v1/categories                        | {"name":{"es":"Prueba"},"parentId":"no-such-category"} | 401 403 403 403 422 422 403
            PUT    /api/v1/brands/no-such-brand              | {"name":"Prueba"} | 401 403 403 403 404 404 403
            GET    /api/v1/offers/all                        | - | 401 403 403 403 200 200 403
            POST   /api/v1/offers                            | {"name":"Prueba","kind":"PERCENT","percentOff":10,"appliesTo":"PRODUCTS","targetIds":["no-such-product"]} | 401 403 403 403 422 422 403
            POST   /api/v1/offers/coupons/NO-SUCH-CODE/redemptions | {"orderId":"00000000-0000-0000-0000-000000000001","orderTotal":{"amount":1000,"currency":"EUR"}} | 401 403 403 404 404 404 403
            POST   /api/v1/products/no-such-product/reviews  | {"rating":5,"title":"Bien","text":"Muy bien"} | 401 404 404 403 403 403 403
            POST   /api/v1/products/no-such-product/reviews/no-such-review/hide | {"reason":"spam"} | 401 403 403 404 404 404 403
            POST   /api/v1/products/no-such-product/reviews/no-such-review/unhide | {} | 401 403 403 404 404 404 403
            GET    /api/v1/products/no-such-product          | - | 404 404 404 404 404 404 404
            GET    /api/v1/products/no-such-product/reviews  | - | 404 404 404 404 404 404 404
            GET    /api/v1/products/no-such-product/recommendations?limit=3 | - | 404 404 404 404 404 404 404
            GET    /api/v1/products/no-such-product/reviews/no-such-review | - | 404 404 404 404 404 404 404
            PUT    /api/v1/products/no-such-product/reviews/no-such-review | {"rating":5,"title":"Bien","text":"Muy bien"} | 401 404 404 404 404 404 404
            DELETE /api/v1/products/no-such-product/reviews/no-such-review | - | 401 404 404 404 404 404 404
            GET    /api/v1/categories/no-such-category       | - | 404 404 404 404 404 404 404
            PUT    /api/v1/categories/no-such-category       | {"name":{"es":"Prueba"}} | 401 403 403 403 404 404 403
            DELETE /api/v1/categories/no-such-category       | - | 401 403 403 403 404 404 403
            GET    /api/v1/brands/no-such-brand              | - | 404 404 404 404 404 404 404
            POST   /api/v1/brands                            | {"name":""} | 401 403 403 403 400 400 403
            GET    /api/v1/offers/no-such-offer              | - | 401 403 403 403 404 404 403
            PUT    /api/v1/offers/no-such-offer              | {"name":"Prueba","kind":"PERCENT","percentOff":10,"appliesTo":"PRODUCTS","targetIds":["no-such-product"]} | 401 403 403 403 404 404 403
            DELETE /api/v1/offers/no-such-offer              | - | 401 403 403 403 404 404 403
            DELETE /api/v1/offers/coupons/NO-SUCH-CODE/redemptions/00000000-0000-0000-0000-000000000001 | - | 401 403 403 404 404 404 403
            GET    /api/v1/inventory/SKU-1                   | - | 200 200 200 200 200 200 200
            GET    /api/v1/auth/password-policy              | - | 200 200 200 200 200 200 200
            GET    /.well-known/jwks.json                    | - | 200 200 200 200 200 200 200
            GET    /api/v1/users/me                          | - | 401 200 200 200 200 200 200
            GET    /api/v1/users/me/addresses                | - | 401 200 200 200 200 200 200
            GET    /api/v1/users/me/export                   | - | 401 200 200 200 200 200 200
            GET    /api/v1/users                             | - | 401 403 403 403 403 200 403
            PATCH  /api/v1/users/{B}                         | {"status":"ACTIVE"} | 401 403 403 403 403 200 403
            GET    /api/v1/users/{B}                         | - | 401 403 403 403 403 200 403
            PATCH  /api/v1/users/me                          | {"name":""} | 401 400 400 400 400 400 400
            POST   /api/v1/users/me/addresses                | {"line1":""} | 401 400 400 400 400 400 400
            PUT    /api/v1/users/me/addresses/00000000-0000-0000-0000-0000000000e2 | {"type":"SHIPPING","name":"Ana","line1":"Calle Mayor 1","city":"Madrid","postalCode":"28013","country":"ES"} | 401 404 404 404 404 404 404
            DELETE /api/v1/users/me/addresses/00000000-0000-0000-0000-0000000000e2 | - | 401 404 404 404 404 404 404
            POST   /api/v1/users/me/password                 | {"currentPassword":"wrong","newPassword":""} | 401 400 400 400 400 400 400
            POST   /api/v1/auth/register                     | {"email":"not-an-email","password":"x"} | 400 400 400 400 400 400 400
            POST   /api/v1/auth/refresh                      | {"refresh_token":"nope"} | 401 401 401 401 401 401 401
            POST   /api/v1/auth/logout                       | {"refresh_token":"nope"} | 204 204 204 204 204 204 204
            POST   /api/v1/auth/forgot-password              | {"email":"nobody@example.com"} | 202 202 202 202 202 202 202
            POST   /api/v1/auth/reset-password               | {"token":"nope","password":"Abcdefgh!2345"} | 400 400 400 400 400 400 400
            POST   /api/v1/auth/verify-email                 | {"token":"nope"} | 400 400 400 400 400 400 400
            GET    /api/v1/cart                              | - | 200 200 200 200 200 200 200
            POST   /api/v1/cart/items                        | {"sku":"NO-SUCH-SKU","quantity":1} | 422 422 422 422 422 422 422
            PATCH  /api/v1/cart/items/NO-SUCH-SKU            | {"quantity":2} | 404 404 404 404 404 404 404
            DELETE /api/v1/cart/items/NO-SUCH-SKU            | - | 200 200 200 200 200 200 200
            PUT    /api/v1/cart/coupon                       | {"code":"NO-SUCH-CODE"} | 422 422 422 422 422 422 422
            DELETE /api/v1/cart/coupon                       | - | 200 200 200 200 200 200 200
            PUT    /api/v1/cart/shipping-address             | {"country":"ZZ","postcode":"00000"} | 422 422 422 422 422 422 422
            POST   /api/v1/cart/merge                        | {"cartToken":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"} | 401 404 404 404 404 404 404
            DELETE /api/v1/cart                              | - | 200 200 200 200 200 200 200
            POST   /api/v1/cart/checkout                     | - | 401 422 422 422 422 422 422
            GET    /api/v1/orders                            | - | 401 200 200 200 200 200 200
            GET    /api/v1/orders?customerId={A}             | - | 401 200 404 200 200 200 404
            POST   /api/v1/orders                            | {"shippingAddress":{"name":""}} | 401 400 400 400 400 400 400
            GET    /api/v1/orders/00000000-0000-0000-0000-0000000000e2 | - | 401 404 404 404 404 404 404
            POST   /api/v1/orders/00000000-0000-0000-0000-0000000000e2/cancellation | {"reason":"matrix"} | 401 404 404 404 404 404 404
            POST   /api/v1/orders/00000000-0000-0000-0000-0000000000e2/shipment | {"carrier":"SEUR","trackingNumber":"1Z999"} | 401 403 403 403 404 404 403
            POST   /api/v1/orders/00000000-0000-0000-0000-0000000000e2/delivery | - | 401 403 403 403 404 404 403
            GET    /api/v1/orders/00000000-0000-0000-0000-0000000000e2/checkout | - | 401 403 403 404 404 404 403
            GET    /api/v1/orders/checkouts/attention        | - | 401 403 403 200 200 200 403
            POST   /api/v1/orders/00000000-0000-0000-0000-0000000000e2/checkout/resolution | {"note":"matrix","refunded":true,"amount":1} | 401 403 403 403 404 404 403
            GET    /api/v1/payments                          | - | 401 200 200 200 200 200 200
            GET    /api/v1/payments/00000000-0000-0000-0000-0000000000e2 | - | 401 404 404 404 404 404 404
            GET    /api/v1/payments/00000000-0000-0000-0000-0000000000e2/invoice | - | 401 404 404 404 404 404 404
            POST   /api/v1/payments/00000000-0000-0000-0000-0000000000e2/refunds | {"amount":{"amount":100,"currency":"EUR"},"reason":"matrix"} | 401 403 403 403 400 400 403
            GET    /api/v1/payments/simulator/authenticate/pi_matrix | - | 400 400 400 400 400 400 400
            POST   /api/v1/payments/simulator/authenticate/pi_matrix | {"outcome":"approve"} | 400 400 400 400 400 400 400
            POST   /api/v1/payments/webhooks/stripe          | {"id":"evt_forged","type":"payment_intent.succeeded"} | 400 400 400 400 400 400 400
            GET    /api/v1/returns                           | - | 401 200 200 200 200 200 200
            GET    /api/v1/returns?status=INSPECTED&settlement=REFUND_FAILED&paidTwice=false | - | 401 403 403 200 200 200 403
            POST   /api/v1/returns                           | {"orderId":"00000000-0000-0000-0000-0000000000e2","resolution":"REFUND","lines":[{"sku":"SKU-1","quantity":1,"reason":"DAMAGED"}]} | 401 404 404 404 404 404 404
            GET    /api/v1/returns/00000000-0000-0000-0000-0000000000e2 | - | 401 404 404 404 404 404 404
            POST   /api/v1/returns/00000000-0000-0000-0000-0000000000e2/cancellation | {} | 401 404 404 404 404 404 404
            POST   /api/v1/returns/00000000-0000-0000-0000-0000000000e2/approval | {"note":"matrix"} | 401 403 403 404 404 404 403
            POST   /api/v1/returns/00000000-0000-0000-0000-0000000000e2/rejection | {"reason":"matrix"} | 401 403 403 404 404 404 403
            POST   /api/v1/returns/00000000-0000-0000-0000-0000000000e2/receipt | {} | 401 403 403 404 404 404 403
            POST   /api/v1/returns/00000000-0000-0000-0000-0000000000e2/inspection | {"lines":[{"sku":"SKU-1","acceptedQuantity":1,"restockable":true}]} | 401 403 403 404 404 404 403
            POST   /api/v1/returns/00000000-0000-0000-0000-0000000000e2/settlement | {} | 401 403 403 404 404 404 403
            POST   /api/v1/returns/00000000-0000-0000-0000-0000000000e2/settlement/outside | {"note":"matrix"} | 401 403 403 403 404 404 403
            GET    /api/v1/notifications                     | - | 401 200 200 200 200 200 200
            GET    /api/v1/notifications?recipientId={A}     | - | 401 200 404 200 404 200 404
            GET    /api/v1/tickets                           | - | 401 200 200 200 200 200 200
            GET    /api/v1/tickets?customerId={A}            | - | 401 200 404 200 200 200 404
            POST   /api/v1/tickets                           | {"subject":"","message":""} | 401 400 400 403 403 403 403
            GET    /api/v1/tickets/00000000-0000-0000-0000-0000000000e2 | - | 401 404 404 404 404 404 404
            POST   /api/v1/tickets/00000000-0000-0000-0000-0000000000e2/messages | {"message":"matrix"} | 401 404 404 404 404 404 404
            POST   /api/v1/tickets/00000000-0000-0000-0000-0000000000e2/close | - | 401 404 404 404 404 404 404
            GET    /api/v1/templates                         | - | 401 403 403 200 200 200 403
            GET    /api/v1/templates/verify-email/en         | - | 401 403 403 200 200 200 403
            PUT    /api/v1/templates/verify-email/en         | {"subject":"Hi [(${name)]","html":"<p>x</p>","text":"x"} | 401 403 403 403 403 422 403
            PUT    /api/v1/templates/order-confirmed/en      | {"subject":"Hi [(${name)]","html":"<p>x</p>","text":"x"} | 401 403 403 403 422 422 403
            DELETE /api/v1/templates/password-reset/en       | - | 401 403 403 403 403 200 403
            DELETE /api/v1/templates/no-such-mail/en         | - | 401 403 403 403 404 404 403
            POST   /api/v1/templates/verify-email/en/preview | {"variables":{"name":"Matrix"}} | 401 403 403 403 200 200 403
            GET    /api/v1/inventory                         | - | 401 403 403 200 200 200 403
            GET    /api/v1/inventory/SKU-1/movements         | - | 401 403 403 200 200 200 403
            GET    /api/v1/inventory/SKU-1/forecast          | - | 401 403 403 200 200 200 200
            POST   /api/v1/inventory/receipts                | {"sku":"SKU-1","warehouse":"NOPE-9","quantity":1} | 401 403 403 403 422 422 403
            POST   /api/v1/inventory/adjustments             | {"sku":"SKU-1","warehouse":"NOPE-9","quantity":1,"reason":"FOUND"} | 401 403 403 403 422 422 403
            PUT    /api/v1/inventory/SKU-1/reorder-policy    | {"warehouse":"MAD-1","reorderPoint":1,"reorderQuantity":1} | 401 403 403 403 404 404 403
            GET    /api/v1/warehouses                        | - | 401 403 403 200 200 200 403
            POST   /api/v1/warehouses                        | {"code":"MAD-1","name":"Taken"} | 401 403 403 403 409 409 403
            GET    /api/v1/warehouses/NOPE-9                 | - | 401 403 403 404 404 404 403
            PATCH  /api/v1/warehouses/NOPE-9                 | {"name":"x"} | 401 403 403 403 404 404 403
            GET    /api/v1/analytics/kpis?from=2026-01-01&to=2026-01-31&currency=EUR | - | 401 403 403 403 200 200 200
            GET    /api/v1/analytics/sales?from=2026-01-01&to=2026-01-31&granularity=week | - | 401 403 403 403 200 200 200
            GET    /api/v1/analytics/top-products?from=2026-01-01&to=2026-01-31 | - | 401 403 403 403 200 200 200
            GET    /api/v1/analytics/sales/by-brand?from=2026-01-01&to=2026-01-31 | - | 401 403 403 403 200 200 200
            GET    /api/v1/analytics/sales/by-category?from=2026-01-01&to=2026-01-31 | - | 401 403 403 403 200 200 200
            GET    /api/v1/analytics/sales/by-product?from=2026-01-01&to=2026-01-31 | - | 401 403 403 403 200 200 200
            GET    /api/v1/analytics/funnel?from=2026-01-01&to=2026-01-31 | - | 401 403 403 403 200 200 200
            GET    /api/v1/analytics/customers?from=2026-01-01&to=2026-01-31 | - | 401 403 403 403 200 200 200
            GET    /api/v1/analytics/forecast?days=7         | - | 401 403 403 403 200 200 200
            GET    /api/v1/analytics/low-stock               | - | 401 403 403 403 200 200 200
            GET    /api/v1/analytics/recent-orders           | - | 401 403 403 403 200 200 200
            GET    /api/v1/analytics/backfill                | - | 401 403 403 403 403 200 403
            GET    /dashboard/                               | - | 200 200 200 200 200 200 200
            """;

    static final List<Account> CALLERS = List.of(Account.CUSTOMER_A, Account.CUSTOMER_B, Account.SUPPORT,
            Account.MANAGER, Account.ADMIN, Account.ANALYST);

    /**
     * One row of {@link #MATRIX}: the method, the path as written ({@code {A}} and {@code {B}} standing for the
     * two customers) and with their ids, the body (null for none) and the status each caller gets: anonymous
     * first, then {@link #CALLERS} in order.
     */
    record Entry(String method, String pathAsWritten, String path, String body, List<Integer> statuses) {

        /** The caller the status at {@code index} is for; null for anonymous. */
        static Account caller(int index) {
            return index == 0 ? null : CALLERS.get(index - 1);
        }
    }

    static List<Entry> entries() {
        Map<String, String> ids = Map.of(
                "{A}", Accounts.session(Account.CUSTOMER_A).userId(),
                "{B}", Accounts.session(Account.CUSTOMER_B).userId());
        List<Entry> entries = new ArrayList<>();
        for (String line : MATRIX.strip().split("\n")) {
            String[] columns = line.split("\\|");
            String[] request = columns[0].trim().split("\\s+");
            String body = columns[1].trim().equals("-") ? null : columns[1].trim();
            List<Integer> statuses = Arrays.stream(columns[2].trim().split("\\s+")).map(Integer::valueOf).toList();
            entries.add(new Entry(request[0], request[1], substitute(request[1], ids), body, statuses));
        }
        return entries;
    }

    @TestFactory
    Stream<DynamicTest> everyCallerGetsExactlyWhatTheMatrixSays() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Entry entry : entries()) {
            for (int i = 0; i < entry.statuses().size(); i++) {
                Account caller = Entry.caller(i);
                int status = entry.statuses().get(i);
                tests.add(DynamicTest.dynamicTest(entry.method() + " " + entry.pathAsWritten() + " "
                                + (caller == null ? "anonymous" : caller) + " -> " + status,
                        () -> check(entry.method(), entry.path(), entry.body(),
                                caller == null ? null : Accounts.session(caller).accessToken(), status)));
            }
        }
        return tests.stream();
    }

    /**
     * A HEAD is the GET without its body (RFC 9110 section 9.3.2): every GET of the matrix, asked as HEAD by
     * every caller, gets the status its GET gets, and no body.
     */
    @TestFactory
    Stream<DynamicTest> everyHeadGetsWhatItsGetGets() {
        return entries().stream().filter(entry -> entry.method().equals("GET")).map(entry -> DynamicTest.dynamicTest(
                "HEAD " + entry.pathAsWritten(), () -> {
                    for (int i = 0; i < entry.statuses().size(); i++) {
                        Account caller = Entry.caller(i);
                        Api.Call call = Api.gateway().method("HEAD", entry.path(), null)
                                .header("X-Forwarded-For", Accounts.randomClientAddress());
                        if (caller != null) {
                            call.bearer(Accounts.session(caller).accessToken());
                        }
                        Api.Reply reply = call.send();
                        assertThat(reply.status()).as("HEAD %s as %s", entry.path(), caller == null ? "anonymous" : caller)
                                .isEqualTo(entry.statuses().get(i));
                        assertThat(reply.body()).isEmpty();
                    }
                }));
    }

    private static void check(String method, String path, String body, String token, int expected) {
        Api.Call call = Api.gateway().method(method, path, body)
                .header("X-Forwarded-For", Accounts.randomClientAddress());
        if (token != null) {
            call.bearer(token);
        }
        Api.Reply reply = call.send();
        assertThat(reply.status()).as("%s %s: %s", method, path, reply.body()).isEqualTo(expected);
        if (expected >= 400) {
            assertThat(reply.isProblem()).as(reply.body()).isTrue();
        }
    }

    private static String substitute(String path, Map<String, String> ids) {
        String result = path;
        for (Map.Entry<String, String> id : ids.entrySet()) {
            result = result.replace(id.getKey(), id.getValue());
        }
        return result;
    }
}
