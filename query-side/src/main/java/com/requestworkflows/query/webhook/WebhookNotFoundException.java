package com.requestworkflows.query.webhook;

import com.requestworkflows.api.error.ErrorCodes;
import com.requestworkflows.api.error.RequestWorkflowException;

/** Unknown, deleted or another org's: all answer the same, so that no org learns about another's webhooks. */
public class WebhookNotFoundException extends RequestWorkflowException {

    private WebhookNotFoundException(String title, String detail) {
        super(404, title, ErrorCodes.NOT_FOUND, detail);
    }

    public static WebhookNotFoundException subscription(String id) {
        return new WebhookNotFoundException("Webhook subscription not found", "No webhook subscription with id " + id);
    }

    public static WebhookNotFoundException delivery(String id) {
        return new WebhookNotFoundException("Webhook delivery not found", "No webhook delivery with id " + id);
    }
}
