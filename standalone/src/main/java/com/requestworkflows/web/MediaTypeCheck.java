package com.requestworkflows.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpMethod;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.accept.ContentNegotiationManager;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import java.util.List;
import java.util.Set;

/**
 * Refuses a call that could not be served before its handler runs, so that nothing is written behind a refusal: a
 * body whose {@code Content-Type} is unreadable or a wildcard (415), and, for every call that changes something, an
 * {@code Accept} that no answer of the handler can meet, such as {@code application/json;charset=latin1} (406).
 * Spring would otherwise find the latter only when writing the answer, after the command was stored.
 */
final class MediaTypeCheck implements HandlerInterceptor {

    private static final Set<String> SAFE_METHODS = Set.of(HttpMethod.GET.name(), HttpMethod.HEAD.name(),
            HttpMethod.OPTIONS.name());

    private final ContentNegotiationManager negotiation;
    private final List<HttpMessageConverter<?>> converters;

    MediaTypeCheck(ContentNegotiationManager negotiation, List<HttpMessageConverter<?>> converters) {
        this.negotiation = negotiation;
        this.converters = converters;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        if (handler instanceof HandlerMethod method) {
            requireReadableContentType(request.getContentType());
            if (!SAFE_METHODS.contains(request.getMethod())) {
                requireWritableAnswer(request, method);
            }
        }
        return true;
    }

    private static void requireReadableContentType(String contentType) throws HttpMediaTypeNotSupportedException {
        if (contentType == null) {
            return;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            if (!type.isWildcardType() && !type.isWildcardSubtype()) {
                return;
            }
        } catch (InvalidMediaTypeException unreadable) {
            // answered below
        }
        throw new HttpMediaTypeNotSupportedException("Content-Type '" + contentType
                + "' names no concrete media type; send application/json");
    }

    private void requireWritableAnswer(HttpServletRequest request, HandlerMethod method)
            throws HttpMediaTypeNotAcceptableException {
        Class<?> answer = answerType(method.getReturnType());
        if (answer == null) {
            return;
        }
        List<MediaType> acceptable = negotiation.resolveMediaTypes(new ServletWebRequest(request));
        for (MediaType type : acceptable) {
            for (HttpMessageConverter<?> converter : converters) {
                if (converter.canWrite(answer, type)) {
                    return;
                }
            }
        }
        throw new HttpMediaTypeNotAcceptableException(List.of(MediaType.APPLICATION_JSON));
    }

    /** The type of the answer's body (unwrapped from a {@link ResponseEntity}), or null when it has none. */
    private static Class<?> answerType(MethodParameter returnType) {
        ResolvableType type = ResolvableType.forMethodParameter(returnType);
        if (ResponseEntity.class.isAssignableFrom(type.toClass())) {
            type = type.as(ResponseEntity.class).getGeneric(0);
        }
        Class<?> body = type.toClass();
        return body == void.class || body == Void.class ? null : body;
    }
}
