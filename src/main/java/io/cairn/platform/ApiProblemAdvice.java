package io.cairn.platform;

import io.cairn.shared.Refusal;
import io.cairn.shared.RefusedException;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * Turns every failure of an API call into an RFC 9457 problem detail that names the field and the problem: refusals,
 * malformed or oversized bodies, unknown fields, wrong types, invalid values, stale writes. Unexpected failures are a
 * 500 with a reference to the log, never a stack trace.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Log log = LogFactory.getLog(ApiProblemAdvice.class);

    private final DataSize maxFileSize;

    ApiProblemAdvice(@Value("${spring.servlet.multipart.max-file-size:25MB}") DataSize maxFileSize) {
        this.maxFileSize = maxFileSize;
    }

    /** A file larger than the multipart limit: Spring refuses it while reading the upload. */
    @Override
    protected @Nullable ResponseEntity<Object> handleMaxUploadSizeExceededException(
            MaxUploadSizeExceededException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return uploadTooLarge();
    }

    private ResponseEntity<Object> uploadTooLarge() {
        String limit = maxFileSize.toBytes() % (1024 * 1024) == 0 ? maxFileSize.toMegabytes() + " MB"
                : maxFileSize.toBytes() + " bytes";
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(Problems.of(HttpStatus.CONTENT_TOO_LARGE,
                "too-large", "file: is larger than the limit of " + limit + " (spring.servlet.multipart.max-file-size)",
                List.of(new Refusal.FieldProblem("file", "is larger than the limit of " + limit))));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(Problems.invalid(e.getRequestPartName(),
                "is required (a part of the multipart/form-data body)"));
    }

    @ExceptionHandler(RefusedException.class)
    ResponseEntity<ProblemDetail> refused(RefusedException refused) {
        Refusal refusal = refused.refusal();
        return ResponseEntity.status(refusal.kind().status()).body(Problems.of(refusal));
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> stale(OptimisticLockingFailureException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Problems.of(HttpStatus.CONFLICT, "stale",
                "version: someone else changed this first; reload and try again",
                List.of(new Refusal.FieldProblem("version", "is no longer the stored version"))));
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> conflict(DataIntegrityViolationException e) {
        log.info("Refused a write that broke a database constraint: " + e.getMostSpecificCause().getMessage());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Problems.of(HttpStatus.CONFLICT, "conflict",
                "the change conflicts with stored data (a duplicate or a reference to something absent)",
                List.of()));
    }

    @ExceptionHandler(BodyTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(BodyTooLargeException e) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(Problems.of(HttpStatus.CONTENT_TOO_LARGE,
                "too-large", e.getMessage(), List.of()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<?> unexpected(Exception e) {
        if (TooLargeUploads.causedBy(e)) {
            return uploadTooLarge();
        }
        String reference = UUID.randomUUID().toString();
        log.error("Unexpected failure " + reference, e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(Problems.of(
                HttpStatus.INTERNAL_SERVER_ERROR, "unexpected",
                "something went wrong on our side; the log has the details under reference " + reference,
                List.of()));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        BodyTooLargeException tooLarge = causeOfType(e, BodyTooLargeException.class);
        if (tooLarge != null) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(Problems.of(
                    HttpStatus.CONTENT_TOO_LARGE, "too-large", tooLarge.getMessage(), List.of()));
        }
        return ResponseEntity.badRequest().body(unreadable(e));
    }

    private static ProblemDetail unreadable(HttpMessageNotReadableException e) {
        JacksonException json = causeOfType(e, JacksonException.class);
        if (json == null) {
            return Problems.of(HttpStatus.BAD_REQUEST, "unreadable", "the request body is missing or unreadable",
                    List.of());
        }
        String field = path(json);
        if (json instanceof UnrecognizedPropertyException unknown) {
            return Problems.invalid(field, "is not a known field; known fields are "
                    + unknown.getKnownPropertyIds());
        }
        if (json instanceof ValueInstantiationException instantiation && instantiation.getCause() != null) {
            return Problems.invalid(field, rootMessage(instantiation));
        }
        if (json instanceof InvalidFormatException format) {
            return Problems.invalid(field, "'" + format.getValue() + "' is not a valid "
                    + simpleType(format.getTargetType()) + detailOf(format));
        }
        if (json instanceof MismatchedInputException mismatch) {
            if (field.isEmpty()) {
                return Problems.of(HttpStatus.BAD_REQUEST, "invalid",
                        "the request body must be a JSON object", List.of());
            }
            return Problems.invalid(field, "has the wrong type; expected " + simpleType(mismatch.getTargetType()));
        }
        if (json instanceof StreamReadException read) {
            return Problems.of(HttpStatus.BAD_REQUEST, "malformed-json", "the request body is not valid JSON"
                    + (read.getLocation() == null ? "" : " (line " + read.getLocation().getLineNr() + ", column "
                    + read.getLocation().getColumnNr() + ")") + ": " + read.getOriginalMessage(), List.of());
        }
        return Problems.invalid(field.isEmpty() ? "body" : field, json.getOriginalMessage());
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Refusal.FieldProblem> fields = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new Refusal.FieldProblem(error.getField(), messageOf(error)))
                .sorted(java.util.Comparator.comparing(Refusal.FieldProblem::field))
                .toList();
        String detail = fields.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, "invalid", detail, fields));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Refusal.FieldProblem> fields = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> new Refusal.FieldProblem(
                        result.getMethodParameter().getParameterName(), String.valueOf(error.getDefaultMessage()))))
                .toList();
        String detail = fields.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, "invalid", detail, fields));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        Throwable cause = e.getMostSpecificCause();
        String message = cause instanceof IllegalArgumentException && cause.getMessage() != null
                ? cause.getMessage() : "'" + e.getValue() + "' is not a valid " + simpleType(e.getRequiredType());
        return ResponseEntity.badRequest().body(Problems.invalid(e.getName(), message));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, @Nullable Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail detail ? detail
                : ProblemDetail.forStatusAndDetail(status, e.getMessage());
        if (problem.getType().toString().equals("about:blank")) {
            problem.setType(java.net.URI.create("urn:cairn:problem:" + status.value()));
        }
        return ResponseEntity.status(status).headers(headers).body(problem);
    }

    private static String messageOf(FieldError error) {
        return error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
    }

    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String detailOf(InvalidFormatException e) {
        Throwable cause = e.getCause();
        return cause instanceof IllegalArgumentException && cause.getMessage() != null ? ": " + cause.getMessage()
                : "";
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? "is invalid" : root.getMessage();
    }

    private static String simpleType(@Nullable Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (type.isEnum()) {
            return "value (one of " + java.util.Arrays.stream(type.getEnumConstants())
                    .map(c -> c.toString().toLowerCase(java.util.Locale.ROOT)).toList() + ")";
        }
        return switch (type.getSimpleName()) {
            case "Instant" -> "time (ISO 8601, for example 2026-11-22T10:15:00Z)";
            case "Long", "long", "Integer", "int", "Short", "short" -> "whole number";
            case "Boolean", "boolean" -> "boolean (true or false)";
            case "UUID" -> "id (a UUID)";
            default -> type.getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static <T extends Throwable> @Nullable T causeOfType(Throwable e, Class<T> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }
}
