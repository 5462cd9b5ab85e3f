package com.requestworkflows.api.request;

/**
 * A checker's change of a request's value as they approve it, such as fewer goodwill points or another coupon
 * series: {@code field} is the value's name in the member-care API ({@code points}, {@code series_id},
 * {@code new_value}) and {@code value} what it was changed to. The approved action is carried out with it.
 */
public record Adjustment(String field, Object value) {
}
