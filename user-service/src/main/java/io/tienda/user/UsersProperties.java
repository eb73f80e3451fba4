package io.tienda.user;

import io.tienda.user.auth.domain.ThrottlePolicy;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * Everything about accounts, credentials and tokens that operations may tune ({@code tienda.users.*}).
 * Defaults are the production values; secrets come only from the environment.
 *
 * @param devMode        local development: without {@code TIENDA_USERS_KEY_ENCRYPTION_KEY} the service
 *                       makes up a key-encryption key and keeps it in its own database. Production sets
 *                       it to false, and then refuses to start without the variable.
 */
@Validated
@ConfigurationProperties("tienda.users")
public record UsersProperties(
        @DefaultValue("true") boolean devMode,
        @DefaultValue @Valid Tokens tokens,
        @DefaultValue @Valid Keys keys,
        @DefaultValue @Valid Hashing hashing,
        @DefaultValue Verification verification,
        @DefaultValue @Valid PasswordReset passwordReset,
        LoginThrottle loginThrottle,
        @DefaultValue ClientIp clientIp,
        @DefaultValue Maintenance maintenance,
        @DefaultValue BootstrapAdmin bootstrapAdmin,
        @DefaultValue DemoAccounts demoAccounts) {

    public UsersProperties {
        loginThrottle = loginThrottle == null ? new LoginThrottle(null, null) : loginThrottle;
    }

    /**
     * @param accessTtl  lifetime of an access token (JWT); nobody can revoke one, so keep it short
     * @param refreshTtl lifetime of a refresh token; each refresh issues a new one with a full lifetime
     */
    public record Tokens(@DefaultValue("15m") Duration accessTtl, @DefaultValue("7d") Duration refreshTtl) {
    }

    /**
     * @param encryptionKey         base64 of 32 random bytes (AES-256) that encrypts the private signing
     *                              keys in the database; from {@code TIENDA_USERS_KEY_ENCRYPTION_KEY}
     * @param rsaBits               size of new signing keys
     * @param refreshInterval       how often a replica rereads the key table (and so learns of a rotation
     *                              made by another replica)
     * @param rotateAfter           a key older than this is replaced automatically
     * @param rotationCheckInterval how often replicas check the age of the current key
     */
    public record Keys(String encryptionKey, @DefaultValue("2048") @Min(2048) @Max(8192) int rsaBits,
            @DefaultValue("30s") Duration refreshInterval, @DefaultValue("90d") Duration rotateAfter,
            @DefaultValue("1h") Duration rotationCheckInterval) {

        @Override
        public String toString() {
            return "Keys[encryptionKey=" + (encryptionKey == null || encryptionKey.isBlank() ? "unset" : "***")
                    + ", rsaBits=" + rsaBits + ", refreshInterval=" + refreshInterval + ", rotateAfter="
                    + rotateAfter + "]";
        }
    }

    /**
     * Argon2id parameters (OWASP's first recommended set: 19 MiB, 2 passes, 1 lane) and how many hashes
     * may run at once: each holds {@code memoryKib} of memory and a core for tens of milliseconds, so an
     * unbounded number of concurrent sign-ins could exhaust the heap.
     *
     * @param maxConcurrent 0 means one per available processor
     */
    public record Hashing(@DefaultValue("19456") @Min(15360) int memoryKib, @DefaultValue("2") @Min(2) int iterations,
            @DefaultValue("1") @Min(1) int parallelism, @DefaultValue("0") @Min(0) int maxConcurrent) {
    }

    /** @param ttl how long an email verification link works */
    public record Verification(@DefaultValue("24h") Duration ttl) {
    }

    /**
     * @param ttl          how long a reset link works
     * @param maxPerHour   reset mails per account per hour; more requests are dropped silently
     * @param pollInterval how often the worker turns queued forgot-password requests into mails
     */
    public record PasswordReset(@DefaultValue("1h") Duration ttl, @DefaultValue("3") @Min(1) int maxPerHour,
            @DefaultValue("1s") Duration pollInterval) {
    }

    /** Failed sign-in throttling per account and per client IP; see {@link ThrottlePolicy}. */
    public record LoginThrottle(Policy account, Policy ip) {

        static final Policy ACCOUNT = new Policy(1, 5, Duration.ofMinutes(15), Duration.ofSeconds(1),
                Duration.ofSeconds(30), Duration.ofMinutes(15), Duration.ofHours(24), Duration.ofHours(24));
        // Many shoppers may share one address (offices, mobile carriers): more room before delays start.
        static final Policy IP = new Policy(10, 50, Duration.ofMinutes(15), Duration.ofSeconds(1),
                Duration.ofSeconds(10), Duration.ofMinutes(15), Duration.ofHours(24), Duration.ofHours(24));

        public LoginThrottle {
            account = account == null ? ACCOUNT : account.orElse(ACCOUNT);
            ip = ip == null ? IP : ip.orElse(IP);
            // Refuse to start on nonsense rather than at the first failed sign-in.
            account.policy();
            ip.policy();
        }

        public ThrottlePolicy accountPolicy() {
            return account.policy();
        }

        public ThrottlePolicy ipPolicy() {
            return ip.policy();
        }
    }

    /** One throttling policy; unset fields take the default of the key kind. */
    public record Policy(Integer freeFailures, Integer lockAfter, Duration window, Duration firstDelay,
            Duration maxDelay, Duration lockout, Duration maxLockout, Duration forgetAfter) {

        Policy orElse(Policy defaults) {
            return new Policy(or(freeFailures, defaults.freeFailures), or(lockAfter, defaults.lockAfter),
                    or(window, defaults.window), or(firstDelay, defaults.firstDelay), or(maxDelay, defaults.maxDelay),
                    or(lockout, defaults.lockout), or(maxLockout, defaults.maxLockout),
                    or(forgetAfter, defaults.forgetAfter));
        }

        ThrottlePolicy policy() {
            return new ThrottlePolicy(freeFailures, lockAfter, window, firstDelay, maxDelay, lockout, maxLockout,
                    forgetAfter);
        }

        private static <T> T or(T value, T fallback) {
            return value == null ? fallback : value;
        }
    }

    /**
     * @param trustedProxies addresses (CIDR) whose X-Forwarded-For is believed: the gateway's. A request
     *                       from anywhere else is attributed to its TCP peer.
     */
    public record ClientIp(@DefaultValue({"127.0.0.0/8", "::1/128", "10.0.0.0/8", "172.16.0.0/12",
            "192.168.0.0/16", "fc00::/7"}) java.util.List<String> trustedProxies) {
    }

    /**
     * @param interval       how often expired tokens, stale throttles and old audit rows are deleted
     * @param auditRetention how long sign-in audit rows are kept (storage limitation, GDPR art. 5)
     */
    public record Maintenance(@DefaultValue("1h") Duration interval, @DefaultValue("180d") Duration auditRetention) {
    }

    /**
     * The first administrator, created at start when both are set and no account has the email;
     * from {@code TIENDA_ADMIN_EMAIL} and {@code TIENDA_ADMIN_PASSWORD}. The password must satisfy the
     * password policy and is used only to create the account.
     */
    public record BootstrapAdmin(String email, String password) {

        public boolean configured() {
            return email != null && !email.isBlank() && password != null && !password.isBlank();
        }

        @Override
        public String toString() {
            return "BootstrapAdmin[email=" + email + ", password=" + (password == null ? "unset" : "***") + "]";
        }
    }

    /** @param enabled create the well-known demo accounts (local fleet only: their passwords are public) */
    public record DemoAccounts(@DefaultValue("false") boolean enabled) {
    }
}
