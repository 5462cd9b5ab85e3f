package com.requestworkflows.api.request;

/** The sub-type of a member-care request (what identifier changes, which goodwill is issued, ...). */
public enum BaseType {
    MOBILE,
    EMAIL,
    EXTERNAL_ID,
    ADDRESS,
    MERGE,
    MOBILE_REALLOC,
    RETRO,
    POINTS,
    COUPONS
}
