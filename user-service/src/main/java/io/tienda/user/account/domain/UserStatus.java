package io.tienda.user.account.domain;

/**
 * Whether an account may sign in. Staff disable accounts; lockouts after failed sign-ins are
 * temporary and kept apart from this.
 */
public enum UserStatus {
    ACTIVE,
    DISABLED
}
