package com.requestworkflows.web;

import com.requestworkflows.api.error.ErrorCodes;
import com.requestworkflows.api.membercare.MemberCareResponse;
import com.requestworkflows.command.membercare.MemberCareCommandController;
import com.requestworkflows.query.membercare.MemberCareQueryController;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Refusals of the member-care API (v1.1) in its own answer, {@code {"response": {"status": {"success": false,
 * "code", "message"}}}}, where the JSON API answers with problems: the same refusals as {@link ProblemHandler}
 * makes of every failure, with the same status and the reference's codes. Applies to that API's controllers only,
 * before the problem handler. An unexpected failure is 9009 for a change, 9001 for a listing.
 */
public abstract class MemberCareErrors extends ProblemHandler {

    private final int failureCode;

    MemberCareErrors(int failureCode) {
        this.failureCode = failureCode;
    }

    @Override
    ResponseEntity<Object> answer(ProblemDetail problem) {
        Object code = problem.getProperties() == null ? null : problem.getProperties().get("code");
        int status = problem.getStatus();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        int answerCode = status >= 500 ? failureCode
                : code instanceof Integer given ? given : ErrorCodes.INSUFFICIENT_REQUEST;
        return new ResponseEntity<>(MemberCareResponse.refused(answerCode,
                problem.getDetail() == null ? HttpStatus.valueOf(status).getReasonPhrase() : problem.getDetail()),
                headers, status);
    }

    @RestControllerAdvice(assignableTypes = MemberCareCommandController.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class OfChanges extends MemberCareErrors {

        OfChanges() {
            super(ErrorCodes.INTERNAL_ERROR);
        }
    }

    @RestControllerAdvice(assignableTypes = MemberCareQueryController.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class OfListings extends MemberCareErrors {

        OfListings() {
            super(ErrorCodes.RETRIEVE_FAILED);
        }
    }
}
