package com.requestworkflows.security;

import com.requestworkflows.api.identity.Caller;
import com.requestworkflows.api.identity.Role;
import com.requestworkflows.web.ProblemResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;

import java.util.Arrays;
import java.util.List;

/**
 * Who may call what. Every endpoint has an explicit rule; the user's org and id come from here only. The embedded
 * default authenticates configured users with HTTP Basic; the {@code prod} profile accepts only JWT bearer tokens
 * (see {@link JwtCallerConverter}) and refuses to start with configured users or without a key to verify tokens.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
public class SecurityConfiguration {

    static final String PRODUCTION = "prod";
    private static final List<String> JWT_KEY_SOURCES = List.of(
            "spring.security.oauth2.resourceserver.jwt.issuer-uri",
            "spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
            "spring.security.oauth2.resourceserver.jwt.public-key-location");
    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    private static final String MAKER = Role.MAKER.name();
    private static final String CHECKER = Role.CHECKER.name();
    private static final String ADMIN = Role.ADMIN.name();
    private static final String AUDITOR = Role.AUDITOR.name();
    private static final String[] ANY_ROLE = Arrays.stream(Role.values()).map(Role::name).toArray(String[]::new);

    @Bean
    @Profile("!" + PRODUCTION)
    AuthenticationManager configuredUsers(UserProperties users) {
        return new ProviderManager(new ConfiguredUsersAuthenticationProvider(users,
                PasswordEncoderFactories.createDelegatingPasswordEncoder()));
    }

    /**
     * No tracing observation around each security filter, authentication and authorization: it cost about a tenth
     * of a query's time. Request metrics ({@code http.server.requests}) are kept.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, ProblemResponses problems, Environment environment,
                            UserProperties users) throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, exception) -> {
            log.warn("Access denied: user=anonymous {} {} reason=not authenticated", request.getMethod(),
                    request.getRequestURI());
            problems.write(response, HttpStatus.UNAUTHORIZED, "Authentication required",
                    environment.acceptsProfiles(Profiles.of(PRODUCTION))
                            ? "Send a valid bearer token" : "Send HTTP Basic credentials of a configured user");
        };
        if (environment.acceptsProfiles(Profiles.of(PRODUCTION))) {
            requireProductionIdentity(environment, users);
            http.oauth2ResourceServer(resourceServer -> resourceServer
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(new JwtCallerConverter()))
                    .authenticationEntryPoint(unauthenticated));
        } else {
            http.httpBasic(basic -> basic.authenticationEntryPoint(unauthenticated));
        }
        return http
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(forbidden(problems)))
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/error").permitAll()
                        .requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html",
                                "/swagger-ui/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/requests").hasRole(MAKER)
                        .requestMatchers(HttpMethod.POST, "/api/v1/requests/*/cancel").hasRole(MAKER)
                        .requestMatchers(HttpMethod.POST, "/api/v1/requests/*/approve", "/api/v1/requests/*/reject")
                        .hasRole(CHECKER)
                        .requestMatchers(HttpMethod.POST, "/api/v1/decisions").hasRole(CHECKER)
                        .requestMatchers(HttpMethod.POST, "/api/v1/requests/*/retry").hasRole(ADMIN)
                        .requestMatchers(HttpMethod.POST, "/v1.1/request/add").hasRole(MAKER)
                        .requestMatchers(HttpMethod.POST, "/v1.1/request/approve", "/v1.1/request/reject")
                        .hasRole(CHECKER)
                        .requestMatchers(HttpMethod.GET, "/v1.1/request/get", "/v1.1/request/logs")
                        .hasAnyRole(ANY_ROLE)
                        .requestMatchers(HttpMethod.GET, "/api/v1/tasks").hasRole(CHECKER)
                        .requestMatchers(HttpMethod.GET, "/api/v1/requests", "/api/v1/requests/*",
                                "/api/v1/requests/*/history").hasAnyRole(ANY_ROLE)
                        .requestMatchers("/api/v1/auto-approval-rules", "/api/v1/auto-approval-rules/**")
                        .hasRole(ADMIN)
                        .requestMatchers("/api/v1/webhooks", "/api/v1/webhooks/**").hasRole(ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/v1/reports", "/api/v1/reports/**")
                        .hasAnyRole(AUDITOR, ADMIN, CHECKER)
                        .requestMatchers(HttpMethod.GET, "/api/v1/audit").hasAnyRole(AUDITOR, ADMIN)
                        .requestMatchers("/api/v1/admin/**").hasRole(ADMIN)
                        .requestMatchers("/actuator/**").hasRole(ADMIN)
                        .anyRequest().denyAll())
                .build();
    }

    private static AccessDeniedHandler forbidden(ProblemResponses problems) {
        return (request, response, exception) -> {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication != null && authentication.getPrincipal() instanceof Caller caller) {
                log.warn("Access denied: user={} id={} org={} {} {} reason=role not allowed (has {})",
                        caller.username(), caller.userId(), caller.orgId(), request.getMethod(),
                        request.getRequestURI(), caller.roles());
            }
            problems.write(response, HttpStatus.FORBIDDEN, "Forbidden",
                    "Your roles do not allow " + request.getMethod() + " " + request.getRequestURI());
        };
    }

    /** Production never runs with demo or configured passwords, nor without a way to verify tokens. */
    private static void requireProductionIdentity(Environment environment, UserProperties users) {
        if (!users.users().isEmpty()) {
            throw new IllegalStateException("The '" + PRODUCTION + "' profile accepts only JWT bearer tokens: remove "
                    + "the configured HTTP Basic users (requests.security.users: [])");
        }
        if (JWT_KEY_SOURCES.stream().noneMatch(environment::containsProperty)) {
            throw new IllegalStateException("The '" + PRODUCTION + "' profile needs a key to verify JWTs: set one of "
                    + JWT_KEY_SOURCES);
        }
    }
}
