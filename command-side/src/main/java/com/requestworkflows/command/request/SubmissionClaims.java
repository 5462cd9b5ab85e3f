package com.requestworkflows.command.request;

import com.requestworkflows.api.error.DuplicatePendingRequestException;
import com.requestworkflows.api.error.DuplicateReferenceIdException;
import com.requestworkflows.api.error.RequestWorkflowException;
import com.requestworkflows.api.request.SubmitRequestCommand;
import com.requestworkflows.command.duplicatepending.DuplicatePendingRule;
import com.requestworkflows.command.duplicatepending.PendingRequestKeys;
import com.requestworkflows.command.numbering.RequestNumbers;
import org.springframework.stereotype.Component;

import java.util.Set;

/**
 * What a submission takes in the event store's database, in the transaction that stores its events, so that it
 * commits or rolls back with them and the database's keys decide races: its reference id, the keys of the
 * duplicate-pending rule, and its number.
 */
@Component
public class SubmissionClaims {

    private final ReferenceIdRegistry referenceIds;
    private final DuplicatePendingRule duplicatePending;
    private final PendingRequestKeys pendingKeys;
    private final RequestNumbers numbers;

    public SubmissionClaims(ReferenceIdRegistry referenceIds, DuplicatePendingRule duplicatePending,
                            PendingRequestKeys pendingKeys, RequestNumbers numbers) {
        this.referenceIds = referenceIds;
        this.duplicatePending = duplicatePending;
        this.pendingKeys = pendingKeys;
        this.numbers = numbers;
    }

    /**
     * Claims all of them and answers the request's number.
     *
     * @throws DuplicateReferenceIdException    the reference id is taken
     * @throws DuplicatePendingRequestException the same change is pending
     */
    long claim(SubmitRequestCommand command) {
        if (command.referenceId() != null) {
            referenceIds.claim(command.orgId(), command.referenceId(), command.requestId());
        }
        Set<String> keys = keysOf(command);
        if (!keys.isEmpty()) {
            pendingKeys.claim(command.orgId(), keys, command.requestId());
        }
        return numbers.assign(command.orgId(), command.requestId());
    }

    /**
     * A refusal of {@link #claim} with the request that holds what was claimed, looked up once the submission's
     * transaction has ended (on PostgreSQL the failed insert leaves the transaction unusable); other refusals as
     * they are.
     */
    public RequestWorkflowException explained(RequestWorkflowException refusal, SubmitRequestCommand command) {
        if (refusal instanceof DuplicateReferenceIdException duplicate) {
            String holder = referenceIds.holderOf(duplicate.orgId(), duplicate.referenceId()).orElse(null);
            return new DuplicateReferenceIdException(duplicate.orgId(), duplicate.referenceId(),
                    holder == null ? "unknown" : holder, holder == null ? null : numbers.numberOf(holder).orElse(null));
        }
        if (refusal instanceof DuplicatePendingRequestException) {
            String holder = pendingKeys.holderOf(command.orgId(), keysOf(command)).orElse(null);
            return new DuplicatePendingRequestException(holder,
                    holder == null ? null : numbers.numberOf(holder).orElse(null));
        }
        return refusal;
    }

    private Set<String> keysOf(SubmitRequestCommand command) {
        return duplicatePending.keysOf(command.requestType(), command.baseType(), command.requestAttributes());
    }
}
