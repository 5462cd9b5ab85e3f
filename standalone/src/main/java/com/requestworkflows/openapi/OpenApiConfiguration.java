package com.requestworkflows.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The OpenAPI document of both API generations ({@code /v3/api-docs}, its UI at {@code /swagger-ui.html}): the JSON
 * API under {@code /api/v1} and the member-care API under {@code /v1.1}, with examples taken from the reference's
 * payloads ({@code openapi/examples.json}).
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    private static final String BASIC = "basic";
    private static final String BEARER = "bearer";

    @Bean
    OpenAPI requestWorkflowsApi() {
        return new OpenAPI()
                .info(new Info().title("Request Workflows").version("v1 and v1.1").description(
                        "Maker-checker requests for member care. /api/v1: the JSON API (RFC 9457 problems on refusal). "
                                + "/v1.1: the member-care request API (batches with a status per item). HTTP Basic "
                                + "in the embedded default, JWT bearer tokens under the prod profile."))
                .components(new Components()
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList(BASIC))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    /** Each example where it belongs: a request body of an operation, or its answer (200). */
    @Bean
    OpenApiCustomizer referenceExamples() {
        JsonNode examples = read("openapi/examples.json");
        return openApi -> {
            body(openApi, "/api/v1/requests", PathItem.HttpMethod.POST, examples, "submit-points-redemption",
                    "submit-customer-status-change", "submit-goodwill-points", "submit-earn-badge",
                    "submit-issue-badge");
            body(openApi, "/api/v1/decisions", PathItem.HttpMethod.POST, examples, "decisions");
            body(openApi, "/v1.1/request/add", PathItem.HttpMethod.POST, examples, "membercare-add");
            body(openApi, "/v1.1/request/approve", PathItem.HttpMethod.POST, examples, "membercare-approve");
            body(openApi, "/v1.1/request/reject", PathItem.HttpMethod.POST, examples, "membercare-reject");
            Operation history = operation(openApi, "/api/v1/requests/{requestId}/history", PathItem.HttpMethod.GET);
            ApiResponse ok = history.getResponses().get("200");
            ok.getContent().values().forEach(type -> type.addExamples("reference", example(examples, "history")));
        };
    }

    private static void body(OpenAPI openApi, String path, PathItem.HttpMethod method, JsonNode examples,
                             String... names) {
        Operation operation = operation(openApi, path, method);
        Content content = operation.getRequestBody().getContent();
        MediaType json = content.values().iterator().next();
        for (String name : names) {
            json.addExamples(name, example(examples, name));
        }
    }

    private static Operation operation(OpenAPI openApi, String path, PathItem.HttpMethod method) {
        PathItem item = openApi.getPaths().get(path);
        Map<PathItem.HttpMethod, Operation> operations = item == null ? Map.of() : item.readOperationsMap();
        Operation operation = operations.get(method);
        if (operation == null) {
            throw new IllegalStateException("No operation " + method + " " + path + " to add an example to");
        }
        return operation;
    }

    private static Example example(JsonNode examples, String name) {
        JsonNode value = examples.get(name);
        if (value == null) {
            throw new IllegalStateException("No example " + name + " in openapi/examples.json");
        }
        return new Example().value(value);
    }

    private static JsonNode read(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }
}
