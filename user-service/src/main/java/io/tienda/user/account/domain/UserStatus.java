package io.tienda.user.account.domain;

/**
 * Whether an account may sign in. Admins deactivate and reactivate accounts; erasure, asked for by
 * the owner, is final. Lockouts after failed sign-ins are temporary and kept apart from this.
 */
public enum UserStatus {
    ACTIVE,
    DEACTIVATED,
    ERASED;

    /** Whether an admin may move an account from this status to {@code target}. */
    public boolean adminMayChangeTo(UserStatus target) {
        return this != ERASED && target != ERASED;
    }

    public boolean maySignIn() {
        return this == ACTIVE;
    }
}
