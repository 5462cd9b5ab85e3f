package com.requestworkflows.api.request;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Map;

/**
 * The action a request carries, as the reference sends it: query parameters and a JSON body for the downstream
 * call. Kept exactly as submitted.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RequestAttributes(Map<String, Object> queryParams, Map<String, Object> body) {
}
