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

    static ProblemDetail invalid(String field, String message) {
        return of(HttpStatus.BAD_REQUEST, "invalid", field + ": " + message,
                List.of(new Refusal.FieldProblem(field, message)));
    }
}
