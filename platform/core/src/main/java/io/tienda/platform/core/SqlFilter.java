package io.tienda.platform.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code where} clause of a listing whose filters are each optional: only the conditions that apply
 * are written, so each query can use its index, and their named parameters go with them. Conditions and
 * parameter names are the caller's SQL, never input; only the values come from a request.
 *
 * <pre>{@code
 * SqlFilter filter = new SqlFilter().equal("customer_id", "customerId", customerId)
 *         .equal("status", "status", status == null ? null : status.name());
 * jdbc.sql("select ... from returns" + filter.where() + " order by ...").params(filter.params())
 * }</pre>
 */
public final class SqlFilter {

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> params = new LinkedHashMap<>();

    /** {@code column = :name} when {@code value} is not null; nothing otherwise. */
    public SqlFilter equal(String column, String name, Object value) {
        return with(value, column + " = :" + name, name);
    }

    /** {@code condition}, which names the parameter {@code name}, when {@code value} is not null. */
    public SqlFilter with(Object value, String condition, String name) {
        if (value != null) {
            conditions.add(condition);
            params.put(name, value);
        }
        return this;
    }

    /** {@code condition}, which takes no parameter, when {@code applies}. */
    public SqlFilter when(boolean applies, String condition) {
        if (applies) {
            conditions.add(condition);
        }
        return this;
    }

    /** {@code " where a and b"}, or an empty string when no condition applies. */
    public String where() {
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    /** The parameters of the conditions that apply, by name. */
    public Map<String, Object> params() {
        return Collections.unmodifiableMap(params);
    }
}
