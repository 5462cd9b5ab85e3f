package com.requestworkflows.query.webhook;

import com.requestworkflows.api.error.ErrorCodes;
import com.requestworkflows.api.error.RequestWorkflowException;

import java.util.Map;

/** Only a parked delivery (every attempt failed) can be sent again by hand; the others are sent or under way. */
public class DeliveryNotParkedException extends RequestWorkflowException {

    private final DeliveryStatus status;

    public DeliveryNotParkedException(String id, DeliveryStatus status) {
        super(409, "Delivery is not parked", ErrorCodes.INVALID_STATUS,
                "Webhook delivery " + id + " is " + status + "; only a parked delivery can be redelivered");
        this.status = status;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("deliveryStatus", status.name());
    }
}
