package io.tienda.fleet;

import java.util.List;
import java.util.Map;

/**
 * The accounts user-service seeds when the fleet runs it with
 * {@code tienda.users.demo-accounts.enabled=true}, one per role plus two shoppers. user-service
 * keeps the same list; the two must not drift apart, or {@code up} prints logins that do not work.
 * Local use only: the passwords are public.
 */
final class DemoAccounts {

    record Account(String email, String password, String role) {
    }

    static final List<Account> ALL = List.of(
            new Account("admin@tienda.local", "Admin!2345", "ADMIN"),
            new Account("manager@tienda.local", "Manager!2345", "MANAGER"),
            new Account("support@tienda.local", "Support!2345", "SUPPORT"),
            new Account("analyst@tienda.local", "Analyst!2345", "ANALYST"),
            new Account("ana@tienda.local", "Customer!2345", "CUSTOMER"),
            new Account("bruno@tienda.local", "Customer!2345", "CUSTOMER"));

    private DemoAccounts() {
    }

    /**
     * What {@code up} prints below the services when user-service runs: the accounts to log in
     * with and, when the environment configures one, the bootstrap admin (its e-mail only: the
     * password is the developer's own).
     */
    static String notice(Map<String, String> environment) {
        StringBuilder text = new StringBuilder("Demo accounts (seeded by user-service, for this machine only):\n");
        text.append(table().indent(2));
        String admin = environment.get(ServiceCommand.ADMIN_EMAIL);
        String password = environment.get(ServiceCommand.ADMIN_PASSWORD);
        if (admin != null && !admin.isBlank() && password != null && !password.isBlank()) {
            text.append("Bootstrap admin: ").append(admin.strip())
                .append(" (ADMIN), with the password in ")
                .append(ServiceCommand.ADMIN_PASSWORD).append('\n');
        }
        return text.toString();
    }

    static String table() {
        Table table = new Table("E-MAIL", "PASSWORD", "ROLE");
        ALL.forEach(account -> table.row(account.email(), account.password(), account.role()));
        return table.render();
    }

}
