package io.tienda.e2e;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The demo accounts the local fleet seeds (see README), logged in through the gateway. Each login
 * presents its own client address in X-Forwarded-For (the local fleet trusts loopback as a proxy),
 * so that setting up a test never trips the per-IP login limit the tests themselves check.
 */
public final class Accounts {

    public enum Account {
        ADMIN("admin@tienda.local", "Admin!2345"),
        MANAGER("manager@tienda.local", "Manager!2345"),
        SUPPORT("support@tienda.local", "Support!2345"),
        ANALYST("analyst@tienda.local", "Analyst!2345"),
        CUSTOMER_A("ana@tienda.local", "Customer!2345"),
        CUSTOMER_B("bruno@tienda.local", "Customer!2345");

        final String email;
        final String password;

        Account(String email, String password) {
            this.email = email;
            this.password = password;
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<Account, Session> SESSIONS = new ConcurrentHashMap<>();

    private Accounts() {
    }

    /** A logged-in session of the account, shared by every test of the run. */
    public static Session session(Account account) {
        return SESSIONS.computeIfAbsent(account, a -> login(a.email, a.password));
    }

    public static Session login(String email, String password) {
        Api.Reply reply = Api.gateway().post("/api/v1/auth/login",
                        "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}")
                .header("X-Forwarded-For", randomClientAddress())
                .send();
        if (reply.status() != 200) {
            throw new IllegalStateException("login of " + email + " answered " + reply.status() + ": " + reply.body());
        }
        JsonNode body = reply.json();
        return new Session(body.get("access_token").asString(), body.get("refresh_token").asString());
    }

    /** An address from the documentation range 198.18.0.0/15, different for every call. */
    public static String randomClientAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "198." + (18 + random.nextInt(2)) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }

    public record Session(String accessToken, String refreshToken) {

        /** The {@code sub} claim: the user's id. */
        public String userId() {
            return claims().get("sub").asString();
        }

        public JsonNode claims() {
            String payload = accessToken.split("\\.")[1];
            return JSON.readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
        }
    }
}
