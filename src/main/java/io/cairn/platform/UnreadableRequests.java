package io.cairn.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.apache.tomcat.util.http.fileupload.FileUploadException;
import org.apache.tomcat.util.http.fileupload.InvalidFileNameException;
import org.apache.tomcat.util.http.fileupload.impl.FileSizeLimitExceededException;
import org.apache.tomcat.util.http.fileupload.impl.SizeLimitExceededException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * Says what is wrong with a request body that could not be read as parameters: a {@code multipart/form-data} upload
 * with a file over {@code spring.servlet.multipart.max-file-size}, a file name too long or holding a NUL, no
 * boundary, a truncated or malformed body; or a query or form body Tomcat cannot parse. Spring reports upload
 * failures while reading the parts; Tomcat reports them as its own exceptions when something reads a request
 * parameter first (the CSRF filter, the language switch), so they are recognised in the causes of whatever failure
 * they surface in.
 */
@Component
class UnreadableRequests {

    private final String fileLimit;

    UnreadableRequests(@Value("${spring.servlet.multipart.max-file-size:25MB}") DataSize maxFileSize) {
        this.fileLimit = maxFileSize.toBytes() % (1024 * 1024) == 0
                ? maxFileSize.toMegabytes() + " MB"
                : maxFileSize.toBytes() + " bytes";
    }

    /** The problem with the request, if the failure is one of reading its parts or parameters. */
    Optional<ProblemDetail> problemOf(Throwable failure) {
        List<Throwable> causes = new ArrayList<>();
        for (Throwable cause = failure; cause != null && !causes.contains(cause); cause = cause.getCause()) {
            causes.add(cause);
        }
        // Tomcat's own cause first: Spring wraps some of them in a MaxUploadSizeExceededException that says less
        for (Throwable cause : causes) {
            Optional<ProblemDetail> problem = uploadProblem(cause);
            if (problem.isPresent()) {
                return problem;
            }
        }
        if (causes.stream().anyMatch(MaxUploadSizeExceededException.class::isInstance)) {
            return Optional.of(tooLarge());
        }
        if (causes.stream()
                .anyMatch(cause -> cause instanceof MultipartException || cause instanceof FileUploadException)) {
            return Optional.of(malformed("it is truncated or malformed"));
        }
        return causes.stream()
                .filter(InvalidParameterException.class::isInstance)
                .findFirst()
                .map(cause -> unreadableParameters((InvalidParameterException) cause));
    }

    /** The problem with the upload when the failure is one of Tomcat's own that says which it is. */
    private Optional<ProblemDetail> uploadProblem(Throwable cause) {
        if (cause instanceof FileSizeLimitExceededException) {
            return Optional.of(tooLarge());
        }
        if (cause instanceof SizeLimitExceededException sizeLimit) {
            // Tomcat's limit on the headers of one part (maxPartHeaderSize) has the same type as the request's
            return Optional.of(
                    String.valueOf(sizeLimit.getMessage()).startsWith("Header section")
                            ? Problems.invalid(
                                    "file",
                                    "the headers of a part, its file name among them, are longer "
                                            + "than the limit of " + sizeLimit.getPermittedSize()
                                            + " bytes; give the file a "
                                            + "shorter name")
                            : tooLarge());
        }
        if (cause instanceof InvalidFileNameException) {
            return Optional.of(Problems.invalid("file", "the file name holds a NUL character"));
        }
        if (cause instanceof FileUploadException
                && String.valueOf(cause.getMessage()).contains("boundary")) {
            return Optional.of(
                    malformed("its Content-Type names no boundary (such as " + "'multipart/form-data; boundary=...')"));
        }
        return Optional.empty();
    }

    /** Tomcat could not read the query or a form body: too many parameters, or one not encoded as it should be. */
    private static ProblemDetail unreadableParameters(InvalidParameterException e) {
        HttpStatus status = e.getErrorCode() == 413 ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST;
        return Problems.of(
                status, "unreadable", "the request's parameters (its query or form body) cannot be read", List.of());
    }

    private ProblemDetail tooLarge() {
        return Problems.of(
                HttpStatus.CONTENT_TOO_LARGE,
                "too-large",
                "file: is larger than the limit of " + fileLimit + " (spring.servlet.multipart.max-file-size)",
                List.of(Problems.field("file", "is larger than the limit of " + fileLimit)));
    }

    private static ProblemDetail malformed(String why) {
        return Problems.of(
                HttpStatus.BAD_REQUEST, "unreadable", "the multipart/form-data body cannot be read: " + why, List.of());
    }
}
