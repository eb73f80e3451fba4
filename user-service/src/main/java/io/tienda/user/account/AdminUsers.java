package io.tienda.user.account;

import io.tienda.platform.core.Page;
import io.tienda.platform.problem.DomainException;
import io.tienda.user.account.domain.AccountRoles;
import io.tienda.user.account.domain.SignInRecords;
import io.tienda.user.account.domain.User;
import io.tienda.user.account.domain.UserStatus;
import io.tienda.user.account.domain.Users;
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

    private final Users users;
    private final SignInRecords signIns;
    private final TransactionTemplate transactions;
    private final Clock clock;

    AdminUsers(Users users, SignInRecords signIns, TransactionTemplate transactions, Clock clock) {
        this.users = users;
        this.signIns = signIns;
        this.transactions = transactions;
        this.clock = clock;
    }

    public Page<User> search(String query, String role, UserStatus status, int page, int size) {
        return users.search(query, role, status, page, size);
    }

    public User get(UUID id) {
        return users.findById(id).orElseThrow(() -> DomainException.notFound("user", id));
    }

    /** @param roles null keeps them; @param status null keeps it */
    public User change(UUID actor, UUID target, List<String> roles, UserStatus status) {
        Instant now = clock.instant();
        List<String> newRoles = roles == null ? null : AccountRoles.normalized(new HashSet<>(roles));
        String refusal = AccountRoles.selfChangeRefusal(actor, target, newRoles, status);
        if (refusal != null) {
            throw DomainException.conflict(refusal);
        }
        transactions.executeWithoutResult(tx -> {
            User user = users.lockById(target).orElseThrow(() -> DomainException.notFound("user", target));
            User changed = status == null ? user : switch (status) {
                case ACTIVE -> user.reactivate(now);
                case DEACTIVATED -> user.deactivate(now);
                case ERASED -> throw DomainException.conflict("Only the owner can erase an account");
            };
            if (roles != null) {
                changed = changed.changeRoles(roles, now);
            }
            if (!changed.equals(user)) {
                users.save(changed);
            }
            if (changed.status() == UserStatus.DEACTIVATED && user.status() != UserStatus.DEACTIVATED) {
                int revoked = signIns.endSessions(target);
                log.info("admin {} deactivated user {}; {} sessions revoked", actor, target, revoked);
            }
            if (newRoles != null && !newRoles.equals(user.roles())) {
                log.info("admin {} changed the roles of user {} from {} to {}", actor, target, user.roles(), newRoles);
            }
        });
        return get(target);
    }
}
