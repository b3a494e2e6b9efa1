package io.cairn.reporting;

import org.jspecify.annotations.Nullable;

/** Where a metric writes its rows, one at a time: a table in memory, or a CSV file written as it goes. */
interface MetricRows {

    void row(@Nullable Object... values);
}
