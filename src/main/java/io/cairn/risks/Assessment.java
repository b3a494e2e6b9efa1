package io.cairn.risks;

/**
 * How likely a risk is and how hard it would hit, as levels of the configured scales counted from 1, with the
 * severity the matrix gave them when they were assessed.
 */
record Assessment(int likelihood, int impact, String severity) {

    Assessment {
        if (likelihood < 1 || impact < 1 || severity.isBlank()) {
            throw new IllegalArgumentException("an assessment needs levels from 1 and a severity");
        }
    }

    /** The assessment of two levels by the matrix. */
    static Assessment of(int likelihood, int impact, RiskMatrix matrix) {
        return new Assessment(likelihood, impact, matrix.severityOf(likelihood, impact));
    }

    @Override
    public String toString() {
        return likelihood + "x" + impact + "=" + severity;
    }
}
