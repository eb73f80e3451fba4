package io.tienda.user.auth;

import io.tienda.user.UsersProperties;
import io.tienda.user.auth.domain.Secrets;
import io.tienda.user.auth.domain.Throttle;
import io.tienda.user.auth.domain.ThrottlePolicy;
import io.tienda.user.auth.persistence.ThrottleRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Brute-force protection for password checks, per account and per client IP, in PostgreSQL so
 * every replica enforces the same limits.
 *
 * <p>Per account, an attempt counts as a failure <em>before</em> the password is checked and is
 * forgiven when it turns out right: parallel guesses against one account cannot all slip through
 * before the first failure is recorded. The account key is the hash of the canonical form of the typed
 * email, the form that also finds the account: every spelling that reaches an account shares its key,
 * and an address without an account is throttled exactly like one with an account. Per IP, failures are
 * counted after the check, so that sign-ins from one busy address (an office, the load tests)
 * never queue behind each other.
 */
@Component
public class LoginThrottle {

    private final ThrottleRepository throttles;
    private final TransactionTemplate transactions;
    private final ThrottlePolicy accountPolicy;
    private final ThrottlePolicy ipPolicy;

    LoginThrottle(ThrottleRepository throttles, TransactionTemplate transactions, UsersProperties properties) {
        this.throttles = throttles;
        this.transactions = transactions;
        this.accountPolicy = properties.loginThrottle().accountPolicy();
        this.ipPolicy = properties.loginThrottle().ipPolicy();
    }

    static String accountKey(String email) {
        return "account:" + Secrets.emailHash(email);
    }

    static String ipKey(String ip) {
        return "ip:" + ip;
    }

    /** How long this IP must wait, if it must. */
    public Optional<Duration> ipWait(String ip, Instant now) {
        return throttles.find(ipKey(ip)).retryAfter(now);
    }

    /** Starts an attempt on the account: how long to wait if it is throttled, else counts it as failed. */
    public Optional<Duration> beginAccountAttempt(String email, Instant now) {
        String key = accountKey(email);
        return transactions.execute(status -> {
            Throttle state = throttles.lock(key);
            Optional<Duration> wait = state.retryAfter(now);
            if (wait.isEmpty()) {
                throttles.save(key, state.afterFailure(accountPolicy, now));
            }
            return wait;
        });
    }

    /** The password was right: the account starts over. */
    public void forgiveAccount(String email) {
        throttles.delete(accountKey(email));
    }

    public void ipFailed(String ip, Instant now) {
        String key = ipKey(ip);
        transactions.executeWithoutResult(status ->
                throttles.save(key, throttles.lock(key).afterFailure(ipPolicy, now)));
    }
}
