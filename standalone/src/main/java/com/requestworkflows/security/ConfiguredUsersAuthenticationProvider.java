package com.requestworkflows.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.requestworkflows.api.identity.Caller;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Checks HTTP Basic credentials against the configured users. A bcrypt check costs tens of milliseconds of CPU,
 * so a successful check is remembered for a short time under a SHA-256 digest of the credentials (never the
 * password itself); a changed or wrong password never matches a remembered digest.
 */
class ConfiguredUsersAuthenticationProvider implements AuthenticationProvider {

    private static final long MAX_REMEMBERED = 10_000;

    private final Map<String, UserProperties.User> users;
    private final PasswordEncoder passwordEncoder;
    private final Cache<String, Caller> verified;

    ConfiguredUsersAuthenticationProvider(UserProperties properties, PasswordEncoder passwordEncoder) {
        this.users = properties.users().stream()
                .collect(Collectors.toUnmodifiableMap(UserProperties.User::username, Function.identity()));
        this.passwordEncoder = passwordEncoder;
        this.verified = Caffeine.newBuilder()
                .expireAfterWrite(properties.credentialCacheTtl())
                .maximumSize(MAX_REMEMBERED)
                .build();
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        String password = String.valueOf(authentication.getCredentials());
        Caller caller = verified.get(digest(username, password), key -> check(username, password));
        if (caller == null) {
            throw new BadCredentialsException("Bad credentials");
        }
        return new CallerAuthentication(caller);
    }

    private Caller check(String username, String password) {
        UserProperties.User user = users.get(username);
        if (user == null || !passwordEncoder.matches(password, user.password())) {
            return null;
        }
        return new Caller(user.id(), user.org(), user.username(), user.roles(), user.requestTypes());
    }

    private static String digest(String username, String password) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(username.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
            return HexFormat.of().formatHex(sha256.digest(password.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
