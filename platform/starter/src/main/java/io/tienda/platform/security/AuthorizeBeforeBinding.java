package io.tienda.platform.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A handler's {@code @PreAuthorize} checked before its arguments are read. Method security runs
 * when the controller method is called, after Spring MVC has parsed and validated the body, path
 * and parameters; so a customer who sent an invalid body to a staff endpoint got 400 with the
 * list of invalid fields (how the endpoint's input is shaped and checked) instead of 403, and a
 * malformed one 400 as well. Here the same rule, evaluated by Spring Security's own manager, turns
 * such a caller away first, with the same 403 the method check gives; the method check still runs
 * afterwards.
 *
 * <p>Only rules that name no method parameter ({@code #id}, {@code #p0}) can be checked before the
 * arguments exist; those are left to the method check alone. Every rule in the fleet today is a
 * role check.
 */
final class AuthorizeBeforeBinding implements HandlerInterceptor {

    private final PreAuthorizeAuthorizationManager rules;
    /** Per handler method: whether it has a rule that can be checked before binding. */
    private final Map<Method, Boolean> checkable = new ConcurrentHashMap<>();

    AuthorizeBeforeBinding(PreAuthorizeAuthorizationManager rules) {
        this.rules = rules;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        // An async dispatch resumes a request this already let through on its first dispatch.
        if (request.getDispatcherType() == DispatcherType.ASYNC || !(handler instanceof HandlerMethod method)
                || !checkable.computeIfAbsent(method.getMethod(),
                m -> checkableBeforeBinding(m, method.getBeanType()))) {
            return true;
        }
        Object[] noArguments = new Object[method.getMethod().getParameterCount()];
        AuthorizationResult result = rules.authorize(
                () -> SecurityContextHolder.getContextHolderStrategy().getContext().getAuthentication(),
                new SimpleMethodInvocation(method.getBean(), method.getMethod(), noArguments));
        if (result != null && !result.isGranted()) {
            throw new AuthorizationDeniedException("Access Denied", result);
        }
        return true;
    }

    /** The rule as method security finds it: on the method, else on its class. */
    static boolean checkableBeforeBinding(Method method, Class<?> beanType) {
        PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(method, PreAuthorize.class);
        if (rule == null) {
            rule = AnnotatedElementUtils.findMergedAnnotation(beanType, PreAuthorize.class);
        }
        return rule != null && !rule.value().contains("#");
    }
}
