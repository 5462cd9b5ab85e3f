package com.requestworkflows.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.requestworkflows.api.error.ErrorCodes;
import com.requestworkflows.api.error.RequestWorkflowException;
import com.requestworkflows.command.request.CommandRefusals;
import com.requestworkflows.command.request.RefusalProblems;
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
import org.springframework.http.converter.HttpMessageNotWritableException;
import org.springframework.security.web.firewall.RequestRejectedException;
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
    ResponseEntity<Object> refused(RequestWorkflowException exception) {
        return answer(RefusalProblems.of(exception));
    }

    /** An unknown id (or another aggregate's), a lost race: what the command side's refusals say they mean. */
    @ExceptionHandler({AggregateNotFoundException.class, IncompatibleAggregateException.class,
            ConcurrencyException.class})
    ResponseEntity<Object> commandRefused(Exception exception) {
        String requestId = exception instanceof AggregateNotFoundException notFound
                ? String.valueOf(notFound.getAggregateIdentifier())
                : exception instanceof IncompatibleAggregateException ? "(not a request id)" : "(reload it)";
        return refused(CommandRefusals.refusalOf(exception, requestId).orElseThrow());
    }

    /**
     * The firewall checks headers and parameters when they are first read, which may be in a handler: the caller's
     * mistake, answered as {@link ProblemRequestRejectedHandler} answers the rejections it sees first.
     */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<Object> rejected(RequestRejectedException exception) {
        log.debug("Request refused by the firewall: {}", exception.getMessage());
        return answer(ProblemRequestRejectedHandler.problem());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception exception) {
        log.error("Unexpected failure", exception);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "The service could not complete the call; retry later");
        problem.setTitle("Internal error");
        problem.setProperty("code", ErrorCodes.INTERNAL_ERROR);
        return answer(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException exception,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        BodySizeLimitFilter.BodyTooLargeException tooLarge =
                causeOf(exception, BodySizeLimitFilter.BodyTooLargeException.class);
        if (tooLarge != null) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, tooLarge.getMessage());
            problem.setTitle("Request body too large");
            return answer(problem);
        }
        RequestWorkflowException refusal = causeOf(exception, RequestWorkflowException.class);
        if (refusal != null) {
            return refused(refusal);
        }
        String detail = describe(exception);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Unreadable request body");
        return answer(problem);
    }

    /**
     * Spring finds that no converter can write the answer in what the caller accepts (such as JSON in
     * {@code charset=latin1}) only while writing it: that is the caller's 406, not a failure. Calls that change
     * something are refused before they run ({@link MediaTypeCheck}); this catches the reads.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotWritable(HttpMessageNotWritableException exception,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        if (exception.getCause() != null) {
            return super.handleHttpMessageNotWritable(exception, headers, status, request);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_ACCEPTABLE,
                "The answer can be given as application/json (UTF-8) only");
        problem.setTitle("Not Acceptable");
        return answer(problem);
    }

    /** What is wrong with an unreadable body, in the caller's terms. */
    private static String describe(HttpMessageNotReadableException exception) {
        StreamConstraintsException limit = causeOf(exception, StreamConstraintsException.class);
        if (limit != null) {
            return "The body goes beyond what is accepted: " + limit.getOriginalMessage();
        }
        JsonParseException parse = causeOf(exception, JsonParseException.class);
        if (parse != null) {
            String problem = parse.getOriginalMessage();
            return (problem.startsWith("Duplicate field") ? "Duplicate member in JSON" : "Malformed JSON")
                    + " at line " + parse.getLocation().getLineNr() + ", column " + parse.getLocation().getColumnNr()
                    + ": " + problem;
        }
        MismatchedInputException mismatch = causeOf(exception, MismatchedInputException.class);
        if (mismatch != null && !mismatch.getPath().isEmpty()) {
            return path(mismatch) + " has the wrong type: expected " + describe(mismatch.getTargetType());
        }
        return causeOf(exception, JsonProcessingException.class) != null
                ? "The body is not valid JSON for this endpoint" : "A JSON body is required";
    }

    private static <T extends Throwable> T causeOf(Throwable exception, Class<T> type) {
        int depth = 0;
        for (Throwable cause = exception; cause != null && depth < 16; cause = cause.getCause(), depth++) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
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

    /** Every answer of Spring's own handlers (media types, missing parameters, ...) goes out as the others do. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
                                                          WebRequest request) {
        return answer(body instanceof ProblemDetail problem ? problem : ProblemDetail.forStatus(status));
    }

    /** How a problem is answered: as itself ({@code application/problem+json}). */
    ResponseEntity<Object> answer(ProblemDetail problem) {
        return new ResponseEntity<>(problem, problemHeaders(), problem.getStatus());
    }

    private static HttpHeaders problemHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return headers;
    }
}
