package io.tienda.user.account;

import io.tienda.platform.web.ApiException;
import io.tienda.platform.web.Page;
import io.tienda.user.account.domain.AccountRoles;
import io.tienda.user.account.domain.User;
import io.tienda.user.account.domain.UserStatus;
import io.tienda.user.account.persistence.UserRepository;
import io.tienda.user.auth.Sessions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

/**
 * What admins do to accounts: find them, change their roles, deactivate and reactivate them.
 * Deactivation ends every session at once; access tokens already issued run out within their
 * 15 minutes. New roles apply from the user's next sign-in or refresh.
 */
@Service
public class AdminUsers {

    private static final Logger log = LoggerFactory.getLogger(AdminUsers.class);

    private final UserRepository users;
    private final Sessions sessions;
    private final TransactionTemplate transactions;
    private final Clock clock;

    AdminUsers(UserRepository users, Sessions sessions, TransactionTemplate transactions, Clock clock) {
        this.users = users;
        this.sessions = sessions;
        this.transactions = transactions;
        this.clock = clock;
    }

    public Page<User> search(String query, String role, UserStatus status, int page, int size) {
        return users.search(query, role, status, page, size);
    }

    public User get(UUID id) {
        return users.findById(id).orElseThrow(() -> ApiException.notFound("user", id));
    }

    /** @param roles null keeps them; @param status null keeps it */
    public User change(UUID actor, UUID target, List<String> roles, UserStatus status) {
        Instant now = clock.instant();
        List<String> newRoles = roles == null ? null : AccountRoles.normalized(new HashSet<>(roles));
        String refusal = AccountRoles.selfChangeRefusal(actor, target, newRoles, status);
        if (refusal != null) {
            throw ApiException.conflict(refusal);
        }
        transactions.executeWithoutResult(tx -> {
            User user = users.lockById(target).map(UserRepository.Credentials::user)
                    .orElseThrow(() -> ApiException.notFound("user", target));
            UserStatus nextStatus = status == null ? user.status() : status;
            if (status != null && !user.status().adminMayChangeTo(status)) {
                throw ApiException.conflict("An erased account cannot be changed");
            }
            if (roles != null && user.status() == UserStatus.ERASED) {
                throw ApiException.conflict("An erased account cannot be changed");
            }
            users.updateRolesAndStatus(target, newRoles == null ? user.roles() : newRoles, nextStatus, now);
            if (nextStatus == UserStatus.DEACTIVATED && user.status() != UserStatus.DEACTIVATED) {
                int revoked = sessions.revokeAll(target, null, Sessions.DEACTIVATED);
                log.info("admin {} deactivated user {}; {} sessions revoked", actor, target, revoked);
            }
            if (newRoles != null && !newRoles.equals(user.roles())) {
                log.info("admin {} changed the roles of user {} from {} to {}", actor, target, user.roles(), newRoles);
            }
        });
        return get(target);
    }
}
