package com.requestworkflows.api.request;

/** Keys of the metadata that travels from an API call's command to the events it causes. */
public final class WorkflowMetaData {

    /** Identifies the API call behind an event: the workflow event's {@code apiRequestId}. */
    public static final String API_REQUEST_ID = "apiRequestId";

    private WorkflowMetaData() {
    }
}
