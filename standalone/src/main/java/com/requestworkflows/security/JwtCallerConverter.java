package com.requestworkflows.security;

import com.requestworkflows.api.error.InvalidRequestException;
import com.requestworkflows.api.identity.Caller;
import com.requestworkflows.api.identity.Role;
import com.requestworkflows.api.request.RequestType;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the caller from a verified JWT: {@code sub} is the numeric user id, {@code org} the org id, {@code roles}
 * the role names, and the optional {@code requestTypes} limits what the user may decide as a checker. A token that
 * lacks them is refused like a bad token (401). Role names this service does not know are ignored.
 */
class JwtCallerConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        long userId = number(jwt.getSubject(), "sub");
        long orgId = number(jwt.getClaims().get("org"), "org");
        Set<Role> roles = names(jwt, "roles").stream()
                .map(name -> Arrays.stream(Role.values()).filter(role -> role.name().equals(name)).findFirst()
                        .orElse(null))
                .filter(Objects::nonNull)
                .collect(Collectors.toSet());
        Set<RequestType> decidable;
        try {
            decidable = names(jwt, "requestTypes").stream()
                    .map(type -> RequestType.parse("requestTypes", type))
                    .collect(Collectors.toSet());
        } catch (InvalidRequestException unknownType) {
            throw new InvalidBearerTokenException("The token's requestTypes claim names an unknown request type");
        }
        String username = jwt.hasClaim("preferred_username") ? jwt.getClaimAsString("preferred_username")
                : jwt.getSubject();
        return new CallerAuthentication(new Caller(userId, orgId, username, roles, decidable));
    }

    private static long number(Object claim, String name) {
        if (claim instanceof Number number) {
            return number.longValue();
        }
        if (claim instanceof String text && text.matches("\\d{1,18}")) {
            return Long.parseLong(text);
        }
        throw new InvalidBearerTokenException("The token's " + name + " claim must be a numeric id");
    }

    private static List<String> names(Jwt jwt, String claim) {
        List<String> names = jwt.hasClaim(claim) ? jwt.getClaimAsStringList(claim) : null;
        return names == null ? List.of() : names;
    }
}
