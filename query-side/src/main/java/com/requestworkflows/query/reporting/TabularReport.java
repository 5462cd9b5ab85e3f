package com.requestworkflows.query.reporting;

import java.lang.reflect.ParameterizedType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A report that can also be answered as CSV: one line per row, the components of the row type {@code R} as the
 * columns. (Not JSON properties: these accessors have no getter names.)
 */
interface TabularReport<R extends Record> {

    /** {@code R}, as the report declares it: the columns are known even when there are no rows. */
    default Class<?> rowType() {
        return Arrays.stream(getClass().getGenericInterfaces())
                .filter(ParameterizedType.class::isInstance)
                .map(ParameterizedType.class::cast)
                .filter(type -> type.getRawType() == TabularReport.class)
                .map(type -> (Class<?>) type.getActualTypeArguments()[0])
                .findFirst()
                .orElseThrow();
    }

    /** The rows, then any totals or overall rows, whose grouping cells are empty. */
    List<R> csvRows();

    static <R> List<R> followedBy(List<R> rows, List<R> summaryRows) {
        List<R> all = new ArrayList<>(rows);
        all.addAll(summaryRows);
        return all;
    }
}
