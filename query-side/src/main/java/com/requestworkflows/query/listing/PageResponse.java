package com.requestworkflows.query.listing;

import java.util.List;

/** One page of a listing and the total it was cut from. */
public record PageResponse<T>(List<T> content, int page, int size, long totalElements, int totalPages) {

    public static <T> PageResponse<T> of(List<T> content, ListingParameters.Paging paging, long total) {
        return new PageResponse<>(content, paging.page(), paging.size(), total,
                (int) ((total + paging.size() - 1) / paging.size()));
    }
}
