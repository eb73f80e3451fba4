package io.tienda.platform.core;

import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The expression constants exist because annotations need constants; they must name the same sets. */
class RolesTest {

    private static final Pattern QUOTED = Pattern.compile("'([A-Z]+)'");

    @Test
    void expressionsNameTheSameRolesAsTheSets() {
        assertThat(rolesIn(Roles.HAS_STAFF)).isEqualTo(new TreeSet<>(Roles.STAFF));
        assertThat(rolesIn(Roles.HAS_EDITOR)).isEqualTo(new TreeSet<>(Roles.EDITORS));
        assertThat(rolesIn(Roles.HAS_ANALYST)).isEqualTo(new TreeSet<>(Roles.ANALYSTS));
        assertThat(rolesIn(Roles.HAS_ADMIN)).containsExactly(Roles.ADMIN);
        assertThat(rolesIn(Roles.HAS_CUSTOMER)).containsExactly(Roles.CUSTOMER);
        Set<String> customerOrStaff = new TreeSet<>(Roles.STAFF);
        customerOrStaff.add(Roles.CUSTOMER);
        assertThat(rolesIn(Roles.HAS_CUSTOMER_OR_STAFF)).isEqualTo(customerOrStaff);
        Set<String> staffOrAnalyst = new TreeSet<>(Roles.STAFF);
        staffOrAnalyst.addAll(Roles.ANALYSTS);
        assertThat(rolesIn(Roles.HAS_STAFF_OR_ANALYST)).isEqualTo(staffOrAnalyst);
        assertThat(Roles.ALL).containsAll(Roles.STAFF).containsAll(Roles.EDITORS).containsAll(Roles.ANALYSTS);
    }

    private static Set<String> rolesIn(String expression) {
        Set<String> roles = new TreeSet<>();
        Matcher m = QUOTED.matcher(expression);
        while (m.find()) {
            roles.add(m.group(1));
        }
        return roles;
    }
}
