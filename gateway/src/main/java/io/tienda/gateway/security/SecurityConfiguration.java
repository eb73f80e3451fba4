package io.tienda.gateway.security;

import io.tienda.gateway.logging.LoggedUser;
import io.tienda.platform.problem.ProblemType;
import io.tienda.gateway.problem.ProblemWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.WebFilter;

import java.time.Clock;

/**
 * The gateway checks bearer tokens but does not yet authorize: anonymous requests pass, because
 * every service enforces its own rules (DESIGN.md section 7). What the gateway guarantees is that
 * a request arriving with a token arrives with a valid one, and that rate limits key on the user.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    @Bean
    SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http, ProblemWriter problems) {
        ProblemAuthenticationEntryPoint entryPoint = new ProblemAuthenticationEntryPoint(problems);
        ServerAccessDeniedHandler denied = (exchange, ex) ->
                problems.write(exchange, ProblemType.FORBIDDEN, "Access is denied");
        return http
                // Stateless bearer-token API: no session, no cookie-based login, so no CSRF surface.
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                // Written by SecurityHeadersFilter for every response, and CORS by CorsFilter, both earlier.
                .headers(ServerHttpSecurity.HeaderSpec::disable)
                .cors(ServerHttpSecurity.CorsSpec::disable)
                .authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(RoleMapping.converter()))
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(denied))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(entryPoint).accessDeniedHandler(denied))
                .addFilterAfter(recordUser(), SecurityWebFiltersOrder.AUTHENTICATION)
                .build();
    }

    /**
     * Spring Security's own observations stay off: they wrap every filter of the chain, every
     * authentication and every authorization in an observation of its own, which cost the gateway
     * more CPU per request than the security checks themselves. Each request keeps its
     * {@code http.server.requests} observation (metrics and the trace), and a refused token is still
     * logged and answered as a problem.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** Spring Security's strict checks, each header and parameter validated once (see ValidateOnceFirewall). */
    @Bean
    ServerWebExchangeFirewall firewall() {
        return new ValidateOnceFirewall();
    }

    /**
     * A request the firewall refuses (a path that is not normalized, an encoded slash or dot segment,
     * a control character in a header or parameter, an unknown method) gets a 400 problem like any
     * other malformed request. The reason stays in the debug log: it can quote what the client sent.
     */
    @Bean
    ServerExchangeRejectedHandler rejectedRequests(ProblemWriter problems) {
        return (exchange, rejected) -> {
            log.debug("Request refused by the firewall: {}", rejected.getMessage());
            return problems.write(exchange, ProblemType.MALFORMED_REQUEST,
                    "The request's path, method, headers or parameters are not allowed");
        };
    }

    @Bean
    SigningKeys signingKeys(SecurityProperties properties) {
        return new SigningKeys(WebClient.create(), properties, Clock.systemUTC());
    }

    /** RS256 only, by user-service's keys; exp/nbf with 60 s skew, issuer and audience. See BearerTokenDecoder. */
    @Bean
    ReactiveJwtDecoder jwtDecoder(SigningKeys keys, SecurityProperties properties) {
        return BearerTokenDecoder.create(keys, properties);
    }

    private static WebFilter recordUser() {
        return (exchange, chain) -> ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .doOnNext(authentication -> LoggedUser.record(exchange, authentication.getName()))
                .then(chain.filter(exchange));
    }
}
