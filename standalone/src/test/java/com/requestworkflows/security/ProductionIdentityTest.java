package com.requestworkflows.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.requestworkflows.RequestWorkflowsApplication;
import com.requestworkflows.support.ApiClient;
import com.requestworkflows.support.ApiClient.Response;
import com.requestworkflows.support.Payloads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static com.requestworkflows.support.Requests.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Under the {@code prod} profile only signed JWTs get in, and the caller is what their claims say. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("prod")
class ProductionIdentityTest {

    private static final KeyPair SIGNING_KEY = rsaKeyPair();
    private static final KeyPair OTHER_KEY = rsaKeyPair();

    @TempDir
    static Path directory;

    @DynamicPropertySource
    static void configure(DynamicPropertyRegistry registry) {
        registry.add("requests.data-dir", () -> directory.resolve("data").toString());
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location",
                () -> "file:" + publicKeyFile(directory));
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theCallerIsWhatTheTokenSaysAndTheBodyCannotChangeIt() {
        Map<String, Object> submit = Payloads.earnBadge();
        submit.put("requesterId", 1);
        Response submitted = call(token("232134", 0, List.of("MAKER")), "POST", "/api/v1/requests", submit);
        assertThat(submitted.status()).isEqualTo(201);
        assertThat(submitted.json().path("requesterId").asLong()).isEqualTo(232134);
        String id = submitted.field("requestId");

        Response approved = call(token("233253", 0, List.of("CHECKER")), "POST",
                "/api/v1/requests/" + id + "/approve", Map.of("comment", "approving"));
        assertThat(approved.json().path("checkerId").asLong()).isEqualTo(233253);
        assertProblem(call(token("233253", 0, List.of("CHECKER")), "POST", "/api/v1/requests", Payloads.earnBadge()),
                403);
        assertProblem(call(token("999", 5, List.of("CHECKER")), "POST", "/api/v1/requests/" + id + "/reject",
                Map.of("comment", "other org")), 404);
    }

    @Test
    void aCheckerTokenMayLimitTheTypesItDecides() {
        String id = call(token("232134", 0, List.of("MAKER")), "POST", "/api/v1/requests", Payloads.pointsRedemption())
                .field("requestId");
        String badgesOnly = token("233253", 0, List.of("CHECKER"), Map.of("requestTypes", List.of("earn-badge")));

        assertProblem(call(badgesOnly, "POST", "/api/v1/requests/" + id + "/approve", Map.of()), 403);
    }

    @Test
    void anythingButAValidTokenIsRefused() throws Exception {
        String valid = token("232134", 0, List.of("MAKER"));
        String path = "/api/v1/requests";

        assertProblem(send("Basic " + Base64.getEncoder().encodeToString("maker1:maker1".getBytes()), path), 401);
        assertProblem(send(null, path), 401);
        assertProblem(send("Bearer " + valid.substring(0, valid.length() - 4) + "AAAA", path), 401);
        assertProblem(send("Bearer " + sign(OTHER_KEY, claims("232134", 0, List.of("MAKER")).build()), path), 401);
        assertProblem(send("Bearer " + sign(SIGNING_KEY, claims("232134", 0, List.of("MAKER"))
                .expirationTime(Date.from(Instant.now().minusSeconds(600))).build()), path), 401);
        assertProblem(send("Bearer " + token("alice", 0, List.of("MAKER")), path), 401);
        assertProblem(send("Bearer " + sign(SIGNING_KEY, new JWTClaimsSet.Builder().subject("232134")
                .claim("roles", List.of("MAKER")).expirationTime(Date.from(Instant.now().plusSeconds(600))).build()),
                path), 401);
        assertThat(send("Bearer " + valid, path).status()).isEqualTo(200);
        assertThat(send(null, "/actuator/health").status()).isEqualTo(200);
    }

    @Test
    void productionRefusesToStartWithPasswordUsersOrWithoutAKeyToVerifyTokens() {
        assertThatThrownBy(() -> start("--requests.security.users[0].username=demo",
                "--requests.security.users[0].password={noop}demo", "--requests.security.users[0].id=1",
                "--spring.security.oauth2.resourceserver.jwt.public-key-location=file:" + publicKeyFile(directory)))
                .hasStackTraceContaining("remove the configured HTTP Basic users");
        assertThatThrownBy(this::start).hasStackTraceContaining("needs a key to verify JWTs");
    }

    private void start(String... arguments) {
        List<String> all = new ArrayList<>(List.of(arguments));
        all.addAll(List.of("--server.port=0", "--requests.data-dir=" + directory.resolve("refused")));
        new SpringApplicationBuilder(RequestWorkflowsApplication.class).profiles("prod")
                .run(all.toArray(String[]::new)).close();
    }

    private Response call(String token, String method, String path, Object body) {
        return new ApiClient("http://localhost:" + port, "Bearer " + token).send(method, path, body);
    }

    private Response send(String authorization, String path) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.body(), response.headers());
    }

    private static String token(String subject, long org, List<String> roles) {
        return token(subject, org, roles, Map.of());
    }

    private static String token(String subject, long org, List<String> roles, Map<String, Object> extra) {
        JWTClaimsSet.Builder claims = claims(subject, org, roles);
        extra.forEach(claims::claim);
        return sign(SIGNING_KEY, claims.build());
    }

    private static JWTClaimsSet.Builder claims(String subject, long org, List<String> roles) {
        return new JWTClaimsSet.Builder().subject(subject).claim("org", org).claim("roles", roles)
                .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(600)));
    }

    private static String sign(KeyPair key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
            jwt.sign(new RSASSASigner((RSAPrivateKey) key.getPrivate()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path publicKeyFile(Path directory) {
        Path file = directory.resolve("jwt-public.pem");
        try {
            if (!Files.exists(file)) {
                Files.writeString(file, "-----BEGIN PUBLIC KEY-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(SIGNING_KEY.getPublic().getEncoded())
                        + "\n-----END PUBLIC KEY-----\n");
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
