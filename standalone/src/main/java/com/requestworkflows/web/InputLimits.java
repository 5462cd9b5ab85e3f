package com.requestworkflows.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Bounds on what a caller may send ({@code requests.input.*}), so that hostile input is refused before it costs
 * anything.
 *
 * @param maxBodySize     a larger body is refused with 413
 * @param maxNestingDepth deeper JSON is refused with 400
 * @param maxStringLength a longer JSON string is refused with 400
 */
@ConfigurationProperties("requests.input")
public record InputLimits(DataSize maxBodySize, Integer maxNestingDepth, Integer maxStringLength) {

    public InputLimits {
        maxBodySize = maxBodySize == null ? DataSize.ofKilobytes(256) : maxBodySize;
        maxNestingDepth = maxNestingDepth == null ? 32 : maxNestingDepth;
        maxStringLength = maxStringLength == null ? 100_000 : maxStringLength;
    }
}
