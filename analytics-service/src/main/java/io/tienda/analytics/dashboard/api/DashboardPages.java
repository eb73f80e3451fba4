package io.tienda.analytics.dashboard.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The staff dashboard: static files under {@code classpath:/static/dashboard/} (plain ES modules, no
 * build step), served at {@code /dashboard/}. The folder's own address shows its page.
 * <p>
 * Every file carries a Content-Security-Policy that lets the page run only its own scripts and
 * styles and call only its own origin (the gateway, which serves the reports and the sign-in): an
 * injected script, inline handler or foreign request is refused by the browser.
 */
@Configuration(proxyBeanMethods = false)
class DashboardPages implements WebMvcConfigurer {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; object-src 'none'; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/dashboard", "/dashboard/");
        registry.addViewController("/dashboard/").setViewName("forward:/dashboard/index.html");
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
                return true;
            }
        }).addPathPatterns("/dashboard", "/dashboard/", "/dashboard/**");
    }
}
