package com.requestworkflows.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;

/**
 * How request bodies are read: duplicate keys are refused (which of two values would count is anybody's guess),
 * and nesting and string length are bounded. Only the HTTP layer reads this strictly: events and tokens keep the
 * application's mapper, so whatever was accepted once can always be read back.
 */
@Configuration(proxyBeanMethods = false)
public class StrictJsonConfiguration {

    @Bean
    MappingJackson2HttpMessageConverter strictJsonConverter(ObjectMapper objectMapper, InputLimits limits) {
        ObjectMapper strict = objectMapper.copy();
        strict.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        strict.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(limits.maxNestingDepth())
                .maxStringLength(limits.maxStringLength())
                .build());
        return new MappingJackson2HttpMessageConverter(strict);
    }
}
