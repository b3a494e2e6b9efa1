package io.cairn.platform;

import io.cairn.shared.Refusal;
import io.cairn.shared.SharedRefusals;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;

/** RFC 9457 problem details as Cairn writes them: a type per kind of problem, and the fields at fault. */
final class Problems {

    private Problems() {}

    static ProblemDetail of(HttpStatus status, String type, String detail, List<Refusal.FieldProblem> fields) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:cairn:problem:" + type));
        problem.setTitle(status.getReasonPhrase());
        if (!fields.isEmpty()) {
            problem.setProperty(
                    "errors",
                    fields.stream()
                            .map(f -> Map.of("field", f.field(), "message", f.message()))
                            .toList());
        }
        return problem;
    }

    static ProblemDetail of(Refusal refusal) {
        return of(
                HttpStatus.valueOf(refusal.kind().status()),
                refusal.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                refusal.message(),
                refusal.fields());
    }

    /**
     * Writes a problem straight to a response, for filters that answer before Spring MVC does; the same JSON shape
     * as the problems that controllers return.
     */
    static void write(jakarta.servlet.http.HttpServletResponse response, ProblemDetail problem)
            throws java.io.IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(json(problem).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The problem as JSON text, in the shape controllers write it. */
    static String json(ProblemDetail problem) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("type", String.valueOf(problem.getType()));
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        return json.writeValueAsString(body);
    }

    private static final tools.jackson.databind.json.JsonMapper json =
            tools.jackson.databind.json.JsonMapper.builder().build();

    static ProblemDetail invalid(String field, String message) {
        return invalid(List.of(field(field, message)));
    }

    /**
     * A problem of a field that no rule of a module refused: the framework's words for a malformed or missing value,
     * which only the API answers.
     */
    static Refusal.FieldProblem field(String field, String message) {
        return Refusal.FieldProblem.of(field, SharedRefusals.GIVEN_TEXT, message);
    }

    /** A 400 naming each field at fault and its problem. */
    static ProblemDetail invalid(List<Refusal.FieldProblem> fields) {
        return of(
                HttpStatus.BAD_REQUEST,
                "invalid",
                fields.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; ")),
                fields);
    }

    /**
     * The problem with a request sent the wrong way, if the failure is one: a method, a content type or an Accept
     * header the address does not take; it names what the address does take.
     */
    static Optional<ProblemDetail> sentTheWrongWay(Exception failure) {
        if (failure instanceof HttpRequestMethodNotSupportedException e) {
            String supported = e.getSupportedHttpMethods() == null
                    ? ""
                    : e.getSupportedHttpMethods().stream().map(HttpMethod::name).collect(Collectors.joining(", "));
            return Optional.of(of(
                    HttpStatus.METHOD_NOT_ALLOWED,
                    "method-not-allowed",
                    "this address does not accept " + e.getMethod()
                            + (supported.isEmpty() ? "" : "; it accepts " + supported),
                    List.of()));
        }
        if (failure instanceof HttpMediaTypeNotSupportedException e) {
            MediaType sent = e.getContentType();
            return Optional.of(of(
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "unsupported-media-type",
                    (sent == null || sent.getSubtype().isEmpty()
                                    ? "the request names no Content-Type"
                                    : "the body is sent as " + sent.getType() + "/" + sent.getSubtype())
                            + "; send it as " + typesOf(e.getSupportedMediaTypes(), " or "),
                    List.of()));
        }
        if (failure instanceof HttpMediaTypeNotAcceptableException e) {
            return Optional.of(of(
                    HttpStatus.NOT_ACCEPTABLE,
                    "not-acceptable",
                    "this address answers "
                            + "only with " + typesOf(e.getSupportedMediaTypes(), ", ")
                            + "; the Accept header allows none "
                            + "of them",
                    List.of()));
        }
        return Optional.empty();
    }

    /** The media types, without parameters, wildcards and suffix patterns ({@code application/*+json}). */
    private static String typesOf(List<MediaType> types, String separator) {
        return types.stream()
                .filter(type -> !type.isWildcardSubtype() && !type.getSubtype().startsWith("*+"))
                .map(type -> type.getType() + "/" + type.getSubtype())
                .distinct()
                .collect(Collectors.joining(separator));
    }

    /** A 409 for a write that broke a database constraint: a duplicate, or a reference to something absent. */
    static ProblemDetail conflictWithStoredData() {
        return of(
                HttpStatus.CONFLICT,
                "conflict",
                "the change conflicts with stored data (a duplicate or a " + "reference to something absent)",
                List.of());
    }

    /** A 409 for a write that lost a race with another writer of the same object; nothing of it was stored. */
    static ProblemDetail concurrentChange() {
        return of(
                HttpStatus.CONFLICT,
                "stale",
                "version: someone else changed this at the same time; reload and " + "try again",
                List.of(field("version", "is no longer the stored version")));
    }
}
