package io.tienda.platform.testing.infra;

import java.util.regex.Pattern;

/** Database names end up inside SQL statements, so only plain identifiers are accepted. */
final class Names {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    private Names() {
    }

    static String database(String name) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "Database name must be a plain identifier ([A-Za-z_][A-Za-z0-9_]*, at most 63 characters): " + name);
        }
        return name;
    }

}
