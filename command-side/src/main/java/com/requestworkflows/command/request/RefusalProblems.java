package com.requestworkflows.command.request;

import com.requestworkflows.api.error.RequestWorkflowException;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * A refusal as an RFC 9457 problem: its status and title as they are, its message as {@code detail}, its error code
 * as {@code code} and its properties as extension members. For whole answers and for the items of batches alike.
 */
public final class RefusalProblems {

    private RefusalProblems() {
    }

    public static ProblemDetail of(RequestWorkflowException refusal) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(refusal.status()),
                refusal.getMessage());
        problem.setTitle(refusal.title());
        problem.setProperty("code", refusal.code());
        refusal.properties().forEach(problem::setProperty);
        return problem;
    }
}
