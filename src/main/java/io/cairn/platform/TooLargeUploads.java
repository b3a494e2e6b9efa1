package io.cairn.platform;

import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * Recognises an upload over {@code spring.servlet.multipart.max-file-size}. Spring reports it as a
 * {@link MaxUploadSizeExceededException} when it reads the parts; the servlet container reports it as its own
 * exception when something reads a parameter first (the CSRF filter, the language switch), so its causes are named
 * as the container names them.
 */
final class TooLargeUploads {

    private TooLargeUploads() {}

    static boolean causedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MaxUploadSizeExceededException
                    || cause.getClass().getSimpleName().endsWith("SizeLimitExceededException")) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
