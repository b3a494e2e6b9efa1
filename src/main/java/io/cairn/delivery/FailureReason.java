package io.cairn.delivery;

/** The text a delivery log keeps of a failed attempt: the failure and its causes in one line, 1,000 characters at most. */
final class FailureReason {

    private static final int LIMIT = 1000;

    private FailureReason() {}

    static String of(Throwable failure) {
        StringBuilder reason = new StringBuilder();
        for (Throwable cause = failure; cause != null && reason.length() < LIMIT; cause = cause.getCause()) {
            if (reason.length() > 0) {
                reason.append(" <- ");
            }
            reason.append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage());
            if (cause.getCause() == cause) {
                break;
            }
        }
        String text = reason.toString().replaceAll("\\s+", " ");
        return text.length() <= LIMIT ? text : text.substring(0, LIMIT - 1) + "\u2026";
    }
}
