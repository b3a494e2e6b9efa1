package io.cairn.reporting;

import java.time.Instant;
import java.time.LocalDate;

/** A week whose incident count fell far outside the forecast made before it. */
public record AnomalyView(
        String dimension,
        String series,
        String label,
        LocalDate week,
        long actual,
        double expected,
        double lower,
        double upper,
        Instant detectedAt) {}
