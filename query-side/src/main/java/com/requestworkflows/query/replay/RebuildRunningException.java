package com.requestworkflows.query.replay;

import com.requestworkflows.api.error.ErrorCodes;
import com.requestworkflows.api.error.RequestWorkflowException;

class RebuildRunningException extends RequestWorkflowException {

    RebuildRunningException() {
        super(409, "A rebuild is running", ErrorCodes.INVALID_STATUS, "Only one rebuild runs at a time; follow the running one to its end");
    }
}
