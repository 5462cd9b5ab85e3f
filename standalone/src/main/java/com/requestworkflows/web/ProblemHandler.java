package com.requestworkflows.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.requestworkflows.api.error.ConcurrentChangeException;
import com.requestworkflows.api.error.RequestNotFoundException;
import com.requestworkflows.api.error.RequestWorkflowException;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every refusal as an RFC 9457 problem. Details are written for the caller: they name the field or the rule, never
 * a class, a stack trace or SQL. Reference error codes travel as the {@code code} member.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(RequestWorkflowException.class)
    ResponseEntity<ProblemDetail> refused(RequestWorkflowException exception) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(exception.status()),
                exception.getMessage());
        problem.setTitle(exception.title());
        if (exception.code() != null) {
            problem.setProperty("code", exception.code());
        }
        exception.properties().forEach(problem::setProperty);
        return problem(problem);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> unknownRequest(AggregateNotFoundException exception) {
        return refused(new RequestNotFoundException(String.valueOf(exception.getAggregateIdentifier())));
    }

    /** An id of another kind of aggregate: as unknown as any other id. */
    @ExceptionHandler(IncompatibleAggregateException.class)
    ResponseEntity<ProblemDetail> notARequest(IncompatibleAggregateException exception) {
        return refused(new RequestNotFoundException("(not a request id)"));
    }

    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<ProblemDetail> concurrentChange(ConcurrencyException exception) {
        return refused(new ConcurrentChangeException("(reload it)"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception exception) {
        log.error("Unexpected failure", exception);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "The service could not complete the call; retry later");
        problem.setTitle("Internal error");
        problem.setProperty("code", 9009);
        return problem(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException exception,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        Throwable cause = exception.getCause();
        String detail;
        if (cause instanceof RequestWorkflowException refusal) {
            return new ResponseEntity<>(refused(refusal).getBody(), HttpStatusCode.valueOf(refusal.status()));
        } else if (cause instanceof JsonParseException parse) {
            detail = "Malformed JSON at line " + parse.getLocation().getLineNr() + ", column "
                    + parse.getLocation().getColumnNr() + ": " + parse.getOriginalMessage();
        } else if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            detail = path(mismatch) + " has the wrong type: expected " + describe(mismatch.getTargetType());
        } else if (cause instanceof JsonProcessingException) {
            detail = "The body is not valid JSON for this endpoint";
        } else {
            detail = "A JSON body is required";
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Unreadable request body");
        return new ResponseEntity<>(problem, problemHeaders(), HttpStatus.BAD_REQUEST);
    }

    private static String path(JsonMappingException exception) {
        return exception.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "another JSON type";
        }
        if (CharSequence.class.isAssignableFrom(type)) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a JSON array";
        }
        return Map.class.isAssignableFrom(type) || type.isRecord() ? "a JSON object" : "another JSON type";
    }

    private static ResponseEntity<ProblemDetail> problem(ProblemDetail problem) {
        return new ResponseEntity<>(problem, problemHeaders(), problem.getStatus());
    }

    private static HttpHeaders problemHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return headers;
    }
}
