package io.tienda.product.shared.api;

import io.tienda.platform.core.TextRules;
import io.tienda.product.shared.CatalogProblems;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.firewall.RequestRejectedException;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The query parameters of a catalog read, refused with a 400 {@code validation} problem naming the
 * parameter when a name or a value holds a control character ({@link TextRules#hasControlCharacter}).
 * What a shopper types into a query is text, and text has no control characters: it reaches a MongoDB
 * regular expression (a BSON cstring, which cannot hold a NUL) or the Lucene index, so such a parameter
 * is refused before any lookup rather than failing, or matching nonsense, in the store.
 */
public final class QueryParameters {

    private QueryParameters() {
    }

    /**
     * Every parameter of the request. Spring Security's firewall refuses a parameter name with a control
     * character only when the whole map is read, with an exception that would otherwise be a 500; the
     * name is then found in the raw query and refused like any other parameter.
     */
    public static Map<String, String[]> all(HttpServletRequest request) {
        Map<String, String[]> parameters;
        try {
            parameters = request.getParameterMap();
        } catch (RequestRejectedException rejected) {
            throw CatalogProblems.invalid(rejectedName(request.getQueryString()), TextRules.CONTROL_CHARACTER_MESSAGE);
        }
        parameters.forEach((name, values) -> {
            if (TextRules.hasControlCharacter(name)) {
                throw invalid(name);
            }
            for (String value : values) {
                if (TextRules.hasControlCharacter(value)) {
                    throw invalid(name);
                }
            }
        });
        return parameters;
    }

    /** {@code value} of parameter {@code name}, refused when it holds a control character. */
    public static String text(String name, String value) {
        if (TextRules.hasControlCharacter(value)) {
            throw invalid(name);
        }
        return value;
    }

    private static RuntimeException invalid(String name) {
        return CatalogProblems.invalid(TextRules.printable(name), TextRules.CONTROL_CHARACTER_MESSAGE);
    }

    private static String rejectedName(String query) {
        if (query != null) {
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                if (TextRules.hasControlCharacter(name)) {
                    return TextRules.printable(name);
                }
            }
        }
        return "query";
    }

    private static String decode(String encoded) {
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return encoded;
        }
    }
}
