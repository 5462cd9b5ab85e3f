package com.requestworkflows.web;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.http.HttpMessageConverters;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.accept.ContentNegotiationManager;
import org.springframework.web.servlet.handler.MappedInterceptor;

@Configuration(proxyBeanMethods = false)
public class WebConfiguration {

    /** On every handler: the handler mappings pick up interceptors declared as {@link MappedInterceptor} beans. */
    @Bean
    MappedInterceptor mediaTypeCheck(@Qualifier("mvcContentNegotiationManager") ContentNegotiationManager negotiation,
                                     HttpMessageConverters converters) {
        return new MappedInterceptor(null, new MediaTypeCheck(negotiation, converters.getConverters()));
    }
}
