package io.tienda.platform.web;

import io.tienda.platform.problem.ProblemType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * A body declared as {@code application/*} or {@code *}{@code /*} names no format it could be read
 * as: 415. Spring MVC refuses such a Content-Type with an IllegalArgumentException when it reads the
 * request's headers, which would surface as a 500. A Content-Type that does not parse at all is
 * left to Spring MVC, which answers 415 itself.
 */
class WildcardContentTypeFilter extends OncePerRequestFilter {

    private final Problems problems;

    WildcardContentTypeFilter(Problems problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getContentType();
        if (contentType != null && contentType.indexOf('*') >= 0 && isWildcard(contentType)) {
            problems.write(request, response, ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "The Content-Type must name one format, such as application/json");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isWildcard(String contentType) {
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return type.isWildcardType() || type.isWildcardSubtype();
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }
}
