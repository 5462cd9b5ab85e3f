package com.requestworkflows.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

import java.io.IOException;

/**
 * A call that Spring Security's firewall refuses (a header value or parameter name with characters it does not allow,
 * an encoded slash in the path, ...) is the caller's mistake: 400 with a problem body, not the 500 that an unhandled
 * rejection becomes. Spring Security picks this bean up by its type.
 */
@Component
public class ProblemRequestRejectedHandler implements RequestRejectedHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemRequestRejectedHandler.class);

    private final ObjectMapper objectMapper;

    public ProblemRequestRejectedHandler(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    static ProblemDetail problem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request carries characters or a form that is not accepted in its path, headers or parameters");
        problem.setTitle("Request refused");
        return problem;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
                       RequestRejectedException rejected) throws IOException {
        log.debug("Request refused by the firewall: {}", rejected.getMessage());
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        objectMapper.writeValue(response.getOutputStream(), problem());
    }
}
