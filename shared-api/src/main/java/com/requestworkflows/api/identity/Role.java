package com.requestworkflows.api.identity;

public enum Role {
    /** Submits requests and withdraws its own pending ones. */
    MAKER,
    /** Approves or rejects other people's requests. */
    CHECKER,
    /** Reads requests, history and searches, changes nothing. */
    AUDITOR,
    /** Manages auto-approval rules and operations. */
    ADMIN
}
