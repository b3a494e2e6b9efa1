package io.cairn.platform;

import io.cairn.shared.Refusal;
import io.cairn.shared.RefusedException;
import java.net.URI;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * Turns every failure of an API call into an RFC 9457 problem detail that names the field and the problem: refusals,
 * malformed or oversized bodies, unknown, missing or doubled fields, wrong types, invalid values, stale writes, wrong
 * methods and content types. Unexpected failures are a 500 with a reference to the log, never a stack trace.
 *
 * <p>Failures before a controller is chosen (no controller takes the address, the method or the content type) go to
 * the error page, which answers an API call in the same shape: see {@link ErrorPages}.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiProblemAdvice {

    private static final Log log = LogFactory.getLog(ApiProblemAdvice.class);

    /** Jackson's words for a field given twice (StreamReadFeature.STRICT_DUPLICATE_DETECTION). */
    private static final Pattern DUPLICATE = Pattern.compile("^Duplicate Object property \"(.*)\"");

    /** The most characters of a refused value a problem repeats. */
    private static final int MAX_ECHO = 80;

    private final UnreadableRequests unreadableRequests;

    ApiProblemAdvice(UnreadableRequests unreadableRequests) {
        this.unreadableRequests = unreadableRequests;
    }

    @ExceptionHandler(RefusedException.class)
    ResponseEntity<ProblemDetail> refused(RefusedException refused) {
        Refusal refusal = refused.refusal();
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(refusal.kind().status());
        refusal.retryAfter()
                .ifPresent(
                        wait -> answer.header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, wait.toSeconds()))));
        return answer.body(Problems.of(refusal));
    }

    /**
     * Two writers at once: the other one's change was stored first (a stale version, a row locked by the other
     * writer, or a deadlock between them). Nothing of this request was stored: its transaction rolled back.
     */
    @ExceptionHandler(ConcurrencyFailureException.class)
    ResponseEntity<ProblemDetail> concurrent(ConcurrencyFailureException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Problems.concurrentChange());
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> conflict(DataIntegrityViolationException e) {
        log.info("Refused a write that broke a database constraint: "
                + e.getMostSpecificCause().getMessage());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Problems.conflictWithStoredData());
    }

    @ExceptionHandler(BodyTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(BodyTooLargeException e) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                .body(Problems.of(
                        HttpStatus.CONTENT_TOO_LARGE, "too-large", String.valueOf(e.getMessage()), List.of()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadableBody(HttpMessageNotReadableException e) {
        BodyTooLargeException tooLarge = causeOfType(e, BodyTooLargeException.class);
        if (tooLarge != null) {
            return tooLarge(tooLarge);
        }
        return ResponseEntity.badRequest().body(unreadable(e));
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalid(MethodArgumentNotValidException e) {
        List<Refusal.FieldProblem> fields = e.getBindingResult().getFieldErrors().stream()
                .map(error -> Problems.field(error.getField(), messageOf(error)))
                .sorted(Comparator.comparing(Refusal.FieldProblem::field))
                .toList();
        return ResponseEntity.badRequest().body(Problems.invalid(fields));
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ProblemDetail> invalid(HandlerMethodValidationException e) {
        List<Refusal.FieldProblem> fields = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> Problems.field(
                                String.valueOf(result.getMethodParameter().getParameterName()),
                                String.valueOf(error.getDefaultMessage()))))
                .toList();
        return ResponseEntity.badRequest().body(Problems.invalid(fields));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        Throwable cause = e.getMostSpecificCause();
        Class<?> type = e.getRequiredType();
        String message;
        if (type != null && (type == UUID.class || type.getSimpleName().endsWith("Id"))) {
            message = quoted(e.getValue()) + " is not a valid id (a UUID)";
        } else if (cause instanceof IllegalArgumentException && cause.getMessage() != null) {
            message = cause.getMessage();
        } else {
            message = quoted(e.getValue()) + " is not a valid " + simpleType(type);
        }
        return ResponseEntity.badRequest().body(Problems.invalid(e.getName(), message));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e) {
        return ResponseEntity.badRequest()
                .body(Problems.invalid(e.getParameterName(), "is required (a query parameter)"));
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<ProblemDetail> missingPart(MissingServletRequestPartException e) {
        return ResponseEntity.badRequest()
                .body(Problems.invalid(e.getRequestPartName(), "is required (a part of the multipart/form-data body)"));
    }

    /**
     * A wrong method, content type or Accept header, once a controller was chosen; before that (no controller takes
     * the request) the error page says the same, see {@link ErrorPages}.
     */
    @ExceptionHandler({
        HttpRequestMethodNotSupportedException.class,
        HttpMediaTypeNotSupportedException.class,
        HttpMediaTypeNotAcceptableException.class
    })
    ResponseEntity<ProblemDetail> notThisWay(ErrorResponse e) {
        return ResponseEntity.status(e.getStatusCode())
                .headers(e.getHeaders())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.sentTheWrongWay((Exception) e).orElseThrow());
    }

    /** The client went away while the answer was written: there is no one to answer. */
    @ExceptionHandler(AsyncRequestNotUsableException.class)
    void clientGone() {
        // nothing to write
    }

    /**
     * Anything else: a body that cannot be read as parameters (a malformed upload), a failure Spring MVC reports with
     * its own status (an unknown address, a missing header), or an unexpected failure, logged under a reference.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        Optional<ProblemDetail> unreadable = unreadableRequests.problemOf(e);
        if (unreadable.isPresent()) {
            return ResponseEntity.status(unreadable.get().getStatus()).body(unreadable.get());
        }
        if (e instanceof ErrorResponse known && known.getStatusCode().value() < 500) {
            return ResponseEntity.status(known.getStatusCode())
                    .headers(known.getHeaders())
                    .body(ourShape(known.getBody(), known.getStatusCode()));
        }
        String reference = UUID.randomUUID().toString();
        log.error("Unexpected failure " + reference, e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .body(Problems.of(
                        HttpStatus.INTERNAL_SERVER_ERROR,
                        "unexpected",
                        "something went wrong on our side; the log has the details under reference " + reference,
                        List.of()));
    }

    private static ProblemDetail ourShape(ProblemDetail problem, HttpStatusCode status) {
        if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
            problem.setType(URI.create("urn:cairn:problem:" + status.value()));
        }
        HttpStatus known = HttpStatus.resolve(status.value());
        if (problem.getDetail() == null || problem.getDetail().isBlank()) {
            problem.setDetail(known == null ? "the request failed" : known.getReasonPhrase());
        }
        return problem;
    }

    private static ProblemDetail unreadable(HttpMessageNotReadableException e) {
        JacksonException json = causeOfType(e, JacksonException.class);
        if (json == null) {
            return Problems.of(
                    HttpStatus.BAD_REQUEST, "unreadable", "the request body is missing or unreadable", List.of());
        }
        String field = path(json);
        ProblemDetail binding = bindingProblem(json, field);
        return binding != null ? binding : syntaxProblem(json, field);
    }

    /** The problem of a body that is JSON but does not fit the request's type; null for any other failure. */
    private static @Nullable ProblemDetail bindingProblem(JacksonException json, String field) {
        if (json instanceof UnrecognizedPropertyException unknown) {
            return Problems.invalid(field, "is not a known field; known fields are " + unknown.getKnownPropertyIds());
        }
        if (json instanceof ValueInstantiationException instantiation && instantiation.getCause() != null) {
            return Problems.invalid(field, rootMessage(instantiation));
        }
        if (json instanceof InvalidFormatException format) {
            return Problems.invalid(
                    field,
                    format.getValue() instanceof String
                            ? quoted(format.getValue()) + " is not a valid " + simpleType(format.getTargetType())
                                    + detailOf(format)
                            : "has the wrong type; expected " + simpleType(format.getTargetType()));
        }
        if (json instanceof MismatchedInputException mismatch) {
            if (field.isEmpty()) {
                return Problems.of(
                        HttpStatus.BAD_REQUEST, "invalid", "the request body must be a JSON object", List.of());
            }
            if (String.valueOf(mismatch.getOriginalMessage()).startsWith("Cannot map `null`")) {
                // Jackson's words for a primitive that is missing or null (FAIL_ON_NULL_FOR_PRIMITIVES)
                return Problems.invalid(field, "is required");
            }
            return Problems.invalid(field, "has the wrong type; expected " + simpleType(mismatch.getTargetType()));
        }
        if (json instanceof InputCoercionException number && !field.isEmpty()) {
            return Problems.invalid(field, "is out of range for " + simpleType(number.getTargetType()));
        }
        return null;
    }

    /** The problem of a body that is not valid JSON, or of a failure the binding problems do not name. */
    private static ProblemDetail syntaxProblem(JacksonException json, String field) {
        Matcher duplicate = DUPLICATE.matcher(String.valueOf(json.getOriginalMessage()));
        if (json instanceof StreamReadException && duplicate.find()) {
            return Problems.invalid(
                    field.isEmpty() || field.endsWith(duplicate.group(1))
                            ? duplicate.group(1)
                            : field + "." + duplicate.group(1),
                    "appears more than once; give each field once");
        }
        if (json instanceof StreamReadException read) {
            return Problems.of(
                    HttpStatus.BAD_REQUEST,
                    "malformed-json",
                    "the request body is not valid JSON"
                            + (read.getLocation() == null
                                    ? ""
                                    : " (line " + read.getLocation().getLineNr() + ", column "
                                            + read.getLocation().getColumnNr() + ")")
                            + ": " + read.getOriginalMessage(),
                    List.of());
        }
        return Problems.invalid(field.isEmpty() ? "body" : field, json.getOriginalMessage());
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
        return cause instanceof IllegalArgumentException && cause.getMessage() != null ? ": " + cause.getMessage() : "";
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? "is invalid" : root.getMessage();
    }

    /** A refused value in quotes, shortened: a problem need not repeat 100 kB of it. */
    private static String quoted(@Nullable Object value) {
        String text = String.valueOf(value);
        return "'" + (text.length() > MAX_ECHO ? text.substring(0, MAX_ECHO) + "..." : text) + "'";
    }

    private static String simpleType(@Nullable Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (type.isEnum()) {
            return "value (one of "
                    + Arrays.stream(type.getEnumConstants())
                            .map(c -> c.toString().toLowerCase(Locale.ROOT))
                            .toList() + ")";
        }
        return switch (type.getSimpleName()) {
            case "Instant" -> "time (ISO 8601, for example 2026-11-22T10:15:00Z)";
            case "LocalDate" -> "day (ISO 8601, for example 2026-11-22)";
            case "Long", "long", "Integer", "int", "Short", "short" -> "whole number";
            case "Boolean", "boolean" -> "boolean (true or false)";
            case "String" -> "text";
            case "UUID" -> "id (a UUID)";
            default ->
                type.getSimpleName().endsWith("Id")
                        ? "id (a UUID)"
                        : type.getSimpleName()
                                .replaceAll("([a-z])([A-Z])", "$1 $2")
                                .toLowerCase(Locale.ROOT);
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
