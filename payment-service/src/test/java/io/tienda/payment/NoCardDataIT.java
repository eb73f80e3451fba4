package io.tienda.payment;

import io.tienda.payment.support.PaymentIT;
import io.tienda.platform.testing.security.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No card data is stored or logged: payment-service keeps provider ids only. Runs the flows that
 * carry payment methods (success, declines, 3-D Secure, a timeout, refunds) and searches what the
 * service logged meanwhile, and its own tables, for payment method tokens and card numbers.
 */
@ExtendWith(OutputCaptureExtension.class)
class NoCardDataIT extends PaymentIT {

    /**
     * 13 to 19 digits, maybe grouped by spaces or dashes, as card numbers are written, standing alone
     * (not inside a hexadecimal trace or span id).
     */
    private static final Pattern CARD_NUMBER = Pattern.compile("(?<![0-9A-Za-z_])(?:[0-9][ -]?){12,18}[0-9](?![0-9A-Za-z_])");

    @Test
    void neitherTheLogsNorTheTablesHoldPaymentMethodsOrCardNumbers(CapturedOutput output) {
        String customer = TestTokens.newCustomer();
        UUID paid = UUID.randomUUID();
        authorize(paid, customer, 4000, "pm_card_visa");
        capture(paid, 4000);
        refund(paid, 1000, "nc-" + paid);
        authorize(UUID.randomUUID(), customer, 4000, "pm_card_chargeDeclined");
        authorize(UUID.randomUUID(), customer, 4000, "pm_card_chargeDeclinedInsufficientFunds");
        authorize(UUID.randomUUID(), customer, 4000, "pm_card_authenticationRequired");
        authorize(UUID.randomUUID(), customer, 4000, "pm_card_timeout");
        UUID raw = UUID.randomUUID();
        assertThat(authorize(raw, customer, 4000, "4242 4242 4242 4242").toString()).contains("never card data");
        assertThat(intentsOf(raw)).isZero();
        api.post("/api/v1/payments/" + paymentOf(paid) + "/refunds", staff("MANAGER"),
                Map.of("amount", 500, "reason", "scratched on arrival"), "nc-staff-" + paid);

        String logs = output.getAll();
        assertThat(logs).as("the service's own log lines were captured").contains("-> CAPTURED");
        assertThat(logs).as("logged payment method tokens").doesNotContain("pm_card");
        assertThat(cardNumbers(logs)).as("card numbers in the logs").isEmpty();
        for (String table : List.of("payments", "provider_calls", "webhook_events")) {
            assertThat(count("select count(*) from " + table + " t where row_to_json(t)::text like '%pm_card%'"))
                    .as("payment method tokens in %s", table).isZero();
        }
        assertThat(count("select count(*) from payments t where customer_id = ? and "
                + "(to_jsonb(t) - 'client_secret' - 'provider_payment_id')::text ~ '(^|[^0-9A-Za-z_])[0-9]{13,19}([^0-9A-Za-z_]|$)'",
                customer)).as("card numbers in this customer's payments: %s", jdbc.sql("select (to_jsonb(t) - "
                + "'client_secret' - 'provider_payment_id')::text from payments t where customer_id = :c")
                .param("c", customer).query(String.class).list()).isZero();
    }

    /** Digit runs that pass the Luhn check: card numbers, not ids, ports or timestamps. */
    private static List<String> cardNumbers(String text) {
        Matcher matcher = CARD_NUMBER.matcher(text);
        List<String> found = new java.util.ArrayList<>();
        while (matcher.find()) {
            String digits = matcher.group().replaceAll("[ -]", "");
            if (digits.length() >= 13 && digits.length() <= 19 && "3456".indexOf(digits.charAt(0)) >= 0
                    && luhn(digits)) {
                found.add(digits);
            }
        }
        return found;
    }

    private static boolean luhn(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }
}
