package io.tienda.fleet;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class DemoAccountsTest {

    @Test
    void areTheAccountsUserServiceSeedsOnePerRolePlusTwoShoppers() {
        assertThat(DemoAccounts.ALL).extracting(DemoAccounts.Account::email, DemoAccounts.Account::password,
                DemoAccounts.Account::role)
            .containsExactly(
                    tuple("admin@tienda.local", "Admin!2345", "ADMIN"),
                    tuple("manager@tienda.local", "Manager!2345", "MANAGER"),
                    tuple("support@tienda.local", "Support!2345", "SUPPORT"),
                    tuple("analyst@tienda.local", "Analyst!2345", "ANALYST"),
                    tuple("ana@tienda.local", "Customer!2345", "CUSTOMER"),
                    tuple("bruno@tienda.local", "Customer!2345", "CUSTOMER"));
    }

    @Test
    void theNoticeListsEveryAccountWithItsPasswordAndRole() {
        assertThat(DemoAccounts.notice(Map.of())).isEqualTo("""
                Demo accounts (seeded by user-service, for this machine only):
                  E-MAIL                PASSWORD       ROLE
                  admin@tienda.local    Admin!2345     ADMIN
                  manager@tienda.local  Manager!2345   MANAGER
                  support@tienda.local  Support!2345   SUPPORT
                  analyst@tienda.local  Analyst!2345   ANALYST
                  ana@tienda.local      Customer!2345  CUSTOMER
                  bruno@tienda.local    Customer!2345  CUSTOMER
                """);
    }

    @Test
    void theNoticeNamesAConfiguredBootstrapAdminButNeverItsPassword() {
        String notice = DemoAccounts.notice(Map.of("TIENDA_ADMIN_EMAIL", " boss@example.com ",
                "TIENDA_ADMIN_PASSWORD", "s3cret-Pa55"));

        assertThat(notice).endsWith("Bootstrap admin: boss@example.com (ADMIN), with the password in TIENDA_ADMIN_PASSWORD\n")
            .doesNotContain("s3cret-Pa55");
        assertThat(DemoAccounts.notice(Map.of("TIENDA_ADMIN_EMAIL", "boss@example.com")))
            .as("without a password user-service creates no admin").doesNotContain("Bootstrap admin");
    }

}
