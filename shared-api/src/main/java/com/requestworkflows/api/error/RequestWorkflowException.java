package com.requestworkflows.api.error;

import java.util.Map;

/**
 * A refusal the caller can act on. The web layer turns it into an RFC 9457 problem: {@link #status()} and
 * {@link #title()} as they are, the message as {@code detail}, {@link #code()} (one of {@link ErrorCodes}) and
 * {@link #properties()} as extension members.
 */
public abstract class RequestWorkflowException extends RuntimeException {

    private final int status;
    private final String title;
    private final int code;

    protected RequestWorkflowException(int status, String title, int code, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public int code() {
        return code;
    }

    public Map<String, Object> properties() {
        return Map.of();
    }
}
