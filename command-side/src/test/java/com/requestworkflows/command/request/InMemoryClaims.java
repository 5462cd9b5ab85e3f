package com.requestworkflows.command.request;

import com.requestworkflows.command.duplicatepending.DuplicatePendingProperties;
import com.requestworkflows.command.duplicatepending.DuplicatePendingRule;

/** What submissions claim, kept in memory: reference ids, numbers and, for identifier changes, pending keys. */
final class InMemoryClaims {

    private InMemoryClaims() {
    }

    static SubmissionClaims of(ReferenceIdRegistry referenceIds, InMemoryRequestNumbers numbers) {
        return new SubmissionClaims(referenceIds, new DuplicatePendingRule(new DuplicatePendingProperties(null)),
                new InMemoryPendingRequestKeys(), numbers);
    }
}
