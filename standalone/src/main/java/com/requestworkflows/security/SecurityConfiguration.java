package com.requestworkflows.security;

import com.requestworkflows.api.identity.Role;
import com.requestworkflows.web.ProblemResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.web.SecurityFilterChain;

import java.util.Arrays;

/** Who may call what. Every endpoint has an explicit rule; the user's org and id come from here only. */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    private static final String MAKER = Role.MAKER.name();
    private static final String CHECKER = Role.CHECKER.name();
    private static final String ADMIN = Role.ADMIN.name();
    private static final String[] ANY_ROLE = Arrays.stream(Role.values()).map(Role::name).toArray(String[]::new);

    @Bean
    AuthenticationManager authenticationManager(UserProperties users) {
        return new ProviderManager(new ConfiguredUsersAuthenticationProvider(users,
                PasswordEncoderFactories.createDelegatingPasswordEncoder()));
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, ProblemResponses problems) throws Exception {
        return http
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, exception) ->
                        problems.write(response, HttpStatus.UNAUTHORIZED, "Authentication required",
                                "Send HTTP Basic credentials of a configured user")))
                .exceptionHandling(handling -> handling.accessDeniedHandler((request, response, exception) -> {
                    Authentication user = SecurityContextHolder.getContext().getAuthentication();
                    log.warn("Access denied: user={} {} {} reason=missing role",
                            user == null ? "anonymous" : user.getName(), request.getMethod(), request.getRequestURI());
                    problems.write(response, HttpStatus.FORBIDDEN, "Forbidden",
                            "Your roles do not allow " + request.getMethod() + " " + request.getRequestURI());
                }))
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/error").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/requests").hasRole(MAKER)
                        .requestMatchers(HttpMethod.POST, "/api/v1/requests/*/cancel").hasRole(MAKER)
                        .requestMatchers(HttpMethod.POST, "/api/v1/requests/*/approve", "/api/v1/requests/*/reject")
                        .hasRole(CHECKER)
                        .requestMatchers(HttpMethod.POST, "/api/v1/requests/*/retry").hasRole(ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/v1/tasks").hasRole(CHECKER)
                        .requestMatchers(HttpMethod.GET, "/api/v1/requests", "/api/v1/requests/*",
                                "/api/v1/requests/*/history").hasAnyRole(ANY_ROLE)
                        .requestMatchers("/api/v1/auto-approval-rules", "/api/v1/auto-approval-rules/**")
                        .hasRole(ADMIN)
                        .requestMatchers("/api/v1/webhooks", "/api/v1/webhooks/**").hasRole(ADMIN)
                        .requestMatchers("/actuator/**").hasRole(ADMIN)
                        .anyRequest().authenticated())
                .build();
    }
}
