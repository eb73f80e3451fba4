package io.tienda.platform.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A change whose answer cannot be written in a format the caller accepts is refused before it is
 * made. Spring MVC negotiates the answer's format only when it writes the handler's result, so a
 * {@code POST} with {@code Accept: application/xml} placed the order, took the money or cancelled
 * it, and only then answered 406: the caller, told it failed, would try again. Here such a request
 * is answered 406 before the handler runs.
 *
 * <p>Handlers that declare {@code produces} are negotiated by Spring MVC before they run, and reads
 * change nothing, so only changes ({@code POST}, {@code PUT}, {@code PATCH}, {@code DELETE}) whose
 * handler answers a body are checked here, against the JSON the fleet's handlers write.
 */
final class AnswerFormatFirst implements HandlerInterceptor {

    private static final Set<String> READS = Set.of(HttpMethod.GET.name(), HttpMethod.HEAD.name(),
            HttpMethod.OPTIONS.name(), HttpMethod.TRACE.name());

    private static final List<MediaType> WRITTEN = List.of(MediaType.APPLICATION_JSON,
            new MediaType("application", "*+json"));

    /** Per handler method: whether it answers a body. */
    private final Map<Method, Boolean> answersBody = new ConcurrentHashMap<>();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws HttpMediaTypeNotAcceptableException {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept == null || accept.isBlank() || READS.contains(request.getMethod())
                || request.getDispatcherType() == DispatcherType.ASYNC || !(handler instanceof HandlerMethod method)
                || request.getAttribute(HandlerMapping.PRODUCIBLE_MEDIA_TYPES_ATTRIBUTE) != null
                || !answersBody.computeIfAbsent(method.getMethod(), m -> answersBody(method.getReturnType()))) {
            return true;
        }
        List<MediaType> accepted;
        try {
            accepted = MediaType.parseMediaTypes(List.of(accept.split(",")));
        } catch (InvalidMediaTypeException e) {
            throw new HttpMediaTypeNotAcceptableException("Could not parse the Accept header: " + e.getMessage());
        }
        boolean writable = accepted.stream().anyMatch(type -> WRITTEN.stream().anyMatch(type::isCompatibleWith));
        if (!writable) {
            throw new HttpMediaTypeNotAcceptableException(WRITTEN);
        }
        return true;
    }

    private static boolean answersBody(MethodParameter returnType) {
        Class<?> type = returnType.getParameterType();
        if (type == void.class || type == Void.class) {
            return false;
        }
        if (ResponseEntity.class.isAssignableFrom(type)) {
            Class<?> body = ResolvableType.forMethodParameter(returnType).getGeneric(0).resolve(Object.class);
            return body != Void.class;
        }
        return true;
    }
}
