package io.cairn.platform;

import io.cairn.shared.Refusal;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** RFC 9457 problem details as Cairn writes them: a type per kind of problem, and the fields at fault. */
final class Problems {

    private Problems() {}

    static ProblemDetail of(HttpStatus status, String type, String detail, List<Refusal.FieldProblem> fields) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:cairn:problem:" + type));
        problem.setTitle(status.getReasonPhrase());
        if (!fields.isEmpty()) {
            problem.setProperty("errors", fields.stream()
                    .map(f -> Map.of("field", f.field(), "message", f.message())).toList());
        }
        return problem;
    }

    static ProblemDetail of(Refusal refusal) {
        return of(HttpStatus.valueOf(refusal.kind().status()), refusal.kind().name().toLowerCase(Locale.ROOT)
                .replace('_', '-'), refusal.message(), refusal.fields());
    }

    /**
     * Writes a problem straight to a response, for filters that answer before Spring MVC does; the same JSON shape
     * as the problems that controllers return.
     */
    static void write(jakarta.servlet.http.HttpServletResponse response, ProblemDetail problem)
            throws java.io.IOException {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        response.setStatus(problem.getStatus());
        response.setContentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), body);
    }

    private static final tools.jackson.databind.json.JsonMapper json =
            tools.jackson.databind.json.JsonMapper.builder().build();

    static ProblemDetail invalid(String field, String message) {
        return of(HttpStatus.BAD_REQUEST, "invalid", field + ": " + message,
                List.of(new Refusal.FieldProblem(field, message)));
    }
}
