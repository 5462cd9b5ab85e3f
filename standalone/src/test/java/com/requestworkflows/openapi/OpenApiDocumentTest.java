package com.requestworkflows.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.requestworkflows.support.ServiceTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document names every endpoint of both API generations, with the method it answers, and shows the
 * reference's payloads as examples; its UI is served by the service itself.
 */
class OpenApiDocumentTest extends ServiceTest {

    @TempDir
    static Path dataDirectory;

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        registry.add("requests.data-dir", () -> dataDirectory.toString());
    }

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyEndpointOfBothApisIsDocumented() {
        JsonNode paths = api.get(null, "/v3/api-docs").json().path("paths");
        List<String> endpoints = new ArrayList<>();
        mappings.getHandlerMethods().keySet().forEach(mapping -> mapping.getPatternValues().stream()
                .filter(pattern -> pattern.startsWith("/api/") || pattern.startsWith("/v1.1/"))
                .forEach(pattern -> mapping.getMethodsCondition().getMethods()
                        .forEach(method -> endpoints.add(method.name() + " " + pattern))));

        assertThat(endpoints).hasSizeGreaterThan(25);
        assertThat(endpoints).allSatisfy(endpoint -> {
            String[] parts = endpoint.split(" ");
            assertThat(paths.path(parts[1]).has(parts[0].toLowerCase(Locale.ROOT)))
                    .as("%s is in the OpenAPI document", endpoint).isTrue();
        });
    }

    @Test
    void theReferencePayloadsAreItsExamples() {
        JsonNode paths = api.get(null, "/v3/api-docs").json().path("paths");

        JsonNode submit = paths.at("/~1api~1v1~1requests/post/requestBody/content").elements().next();
        assertThat(submit.path("examples").path("submit-points-redemption").at("/value/requestAttributes/body/root"
                + "/redeem/points_redeemed").asText()).isEqualTo("100");
        JsonNode add = paths.at("/~1v1.1~1request~1add/post/requestBody/content").elements().next();
        assertThat(add.at("/examples/membercare-add/value/root/request").size()).isEqualTo(5);
        assertThat(api.get(null, "/swagger-ui/index.html").status()).isEqualTo(200);
    }
}
