package com.requestworkflows.security;

import com.requestworkflows.api.identity.Role;
import com.requestworkflows.api.request.RequestType;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The users allowed in, from configuration ({@code requests.security.users[n].*}). Passwords are stored encoded,
 * with Spring Security's {@code {id}} prefix ({@code {bcrypt}...}).
 *
 * @param credentialCacheTtl how long a verified user name and password are trusted without hashing again
 */
@ConfigurationProperties("requests.security")
public record UserProperties(List<User> users, Duration credentialCacheTtl) {

    public UserProperties {
        users = users == null ? List.of() : List.copyOf(users);
        credentialCacheTtl = credentialCacheTtl == null ? Duration.ofMinutes(5) : credentialCacheTtl;
    }

    /** @param requestTypes what the user may decide as a checker; none given means every type */
    public record User(String username, String password, long id, long org, Set<Role> roles,
                       Set<RequestType> requestTypes) {
    }
}
