package io.cairn.risks;

import org.jspecify.annotations.Nullable;

/** How the risk pages write values that are not plain text. */
final class RiskTexts {

    private RiskTexts() {}

    /** A resolution duration in whole days, hours and minutes. */
    record Span(long days, long hours, long minutes) {}

    /** The span of so many minutes; none for none. */
    static @Nullable Span duration(@Nullable Long minutes) {
        if (minutes == null) {
            return null;
        }
        return new Span(minutes / (24 * 60), minutes / 60 % 24, minutes % 60);
    }
}
