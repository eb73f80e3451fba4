package io.tienda.user.auth.api;

import io.tienda.user.auth.AuthProblems;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

import java.util.Map;

/** Gives a throttling problem its Retry-After header (RFC 9110 §10.2.3), from the problem's own property. */
@RestControllerAdvice
class RetryAfterHeader implements ResponseBodyAdvice<Object> {

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
            Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
            ServerHttpResponse response) {
        if (body instanceof ProblemDetail problem) {
            Map<String, Object> properties = problem.getProperties();
            Object seconds = properties == null ? null : properties.get(AuthProblems.RETRY_AFTER);
            if (seconds != null) {
                response.getHeaders().set(HttpHeaders.RETRY_AFTER, seconds.toString());
            }
        }
        return body;
    }
}
