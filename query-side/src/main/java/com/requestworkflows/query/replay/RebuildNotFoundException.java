package com.requestworkflows.query.replay;

import com.requestworkflows.api.error.ErrorCodes;
import com.requestworkflows.api.error.RequestWorkflowException;

class RebuildNotFoundException extends RequestWorkflowException {

    RebuildNotFoundException(String id) {
        super(404, "Rebuild not found", ErrorCodes.NOT_FOUND, "No rebuild with id " + id);
    }
}
