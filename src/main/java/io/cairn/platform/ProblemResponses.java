package io.cairn.platform;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.beans.BeanUtils;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;

/**
 * Gives each API operation the error responses it can answer, by rule from its handler method, each an RFC 9457
 * problem ({@code application/problem+json}, the {@code Problem} schema): any input → 400; a body → 413 and 415;
 * signed-in only → 401 and 403; an id in the path → 404; a version to compare with the stored one → 409 (not on a
 * POST that creates, which ignores it). Refusals no rule can see (a state that does not allow the change, a duplicate
 * name, a throttle) are declared on the handler method with {@code @ApiResponse}; they keep their words and get the
 * problem content. A method's own {@code @Tag} replaces its controller's, so that a controller can hold operations of
 * more than one resource.
 */
final class ProblemResponses implements OperationCustomizer {

    static final String PROBLEM = "Problem";
    private static final String PROBLEM_JSON = "application/problem+json";

    /** Open to anyone: see SecurityConfiguration, which permits every request under this path. */
    private static final String PUBLIC_API = "/api/v1/public/";

    /**
     * Reads every signed-in account may make, even before it has changed a one-time password (SecurityConfiguration's
     * AccountGuard): they answer no 403.
     */
    private static final Set<String> ALWAYS_ALLOWED_READS = Set.of("/api/v1/me");

    private static final Set<RequestMethod> SAFE = Set.of(RequestMethod.GET, RequestMethod.HEAD, RequestMethod.OPTIONS);

    /** The problem responses that rules give, shared as components/responses. */
    enum Shared {
        INVALID(
                400,
                "Invalid",
                "The request is malformed or breaks a rule: a missing, malformed or out-of-range "
                        + "value, an unknown field, a wrong type. `errors` names each field at fault."),
        UNAUTHENTICATED(
                401,
                "Unauthenticated",
                "No valid credentials: sign in, or send a personal API token as "
                        + "`Authorization: Bearer <token>`. Also when the token is unknown, revoked or expired, or the account "
                        + "was disabled."),
        FORBIDDEN(
                403,
                "Forbidden",
                "The caller may not do this: a role it lacks, a one-time password it must change "
                        + "first (POST /api/v1/me/password), or, with a session, a change without its CSRF token."),
        NOT_FOUND(404, "NotFound", "The object does not exist, or the caller may not know that it does."),
        STALE(
                409,
                "Stale",
                "`version` is no longer the stored version: someone else changed it first; reload and " + "try again."),
        TOO_LARGE(
                413,
                "ContentTooLarge",
                "The body is larger than the limit: `cairn.api.max-body-size` (1 MB by "
                        + "default) for JSON and text, `spring.servlet.multipart.max-file-size` for a file."),
        UNSUPPORTED_MEDIA_TYPE(415, "UnsupportedMediaType", "The body is not of a media type this operation reads.");

        final String status;
        final String name;
        final String description;

        Shared(int status, String name, String description) {
            this.status = String.valueOf(status);
            this.name = name;
            this.description = description;
        }

        ApiResponse reference() {
            return new ApiResponse().$ref("#/components/responses/" + name);
        }
    }

    /** The shared problem responses by their component names. */
    static Map<String, ApiResponse> shared() {
        Map<String, ApiResponse> responses = new LinkedHashMap<>();
        for (Shared shared : Shared.values()) {
            responses.put(shared.name, problem(new ApiResponse().description(shared.description)));
        }
        return responses;
    }

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        @Nullable
        RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
        String path = pathOf(handler, mapping);
        if (path.startsWith(PUBLIC_API)) {
            operation.setSecurity(List.of());
        }
        ownTagsOnly(operation, handler);
        Map<String, ApiResponse> responses = new TreeMap<>();
        if (operation.getResponses() != null) {
            operation
                    .getResponses()
                    .forEach((status, response) ->
                            responses.put(status, isProblem(status) ? declaredProblem(status, response) : response));
        }
        Set<RequestMethod> methods = mapping == null ? Set.of() : Set.of(mapping.method());
        for (Shared shared : byRule(operation, handler, path, methods)) {
            ApiResponse declared = responses.putIfAbsent(shared.status, shared.reference());
            if (declared != null && shared == Shared.STALE && declared.get$ref() == null) {
                declared.setDescription(declared.getDescription() + " Also when " + Shared.STALE.description);
            }
        }
        ApiResponses sorted = new ApiResponses();
        responses.forEach(sorted::addApiResponse);
        return operation.responses(sorted);
    }

    /** The shared problems an operation can answer, by rule from its input and who may call it. */
    private static List<Shared> byRule(
            Operation operation, HandlerMethod handler, String path, Set<RequestMethod> methods) {
        boolean body = operation.getRequestBody() != null;
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        boolean inPath = parameters.stream().anyMatch(parameter -> "path".equals(parameter.getIn()));
        List<Shared> problems = new ArrayList<>();
        if (body || !parameters.isEmpty()) {
            problems.add(Shared.INVALID);
        }
        if (!path.startsWith(PUBLIC_API)) {
            problems.add(Shared.UNAUTHENTICATED);
            if (!(SAFE.containsAll(methods) && ALWAYS_ALLOWED_READS.contains(path))) {
                problems.add(Shared.FORBIDDEN);
            }
        }
        if (inPath) {
            problems.add(Shared.NOT_FOUND);
        }
        boolean creates = !inPath && methods.contains(RequestMethod.POST);
        if (versioned(handler) && !creates) {
            problems.add(Shared.STALE);
        }
        if (body) {
            problems.add(Shared.TOO_LARGE);
            problems.add(Shared.UNSUPPORTED_MEDIA_TYPE);
        }
        return problems;
    }

    private static boolean isProblem(String status) {
        return status.startsWith("4");
    }

    /**
     * A problem response the method declares: the shared one when it has only the status's phrase for words, else its
     * own words with the problem content.
     */
    private static ApiResponse declaredProblem(String status, ApiResponse response) {
        if (response.get$ref() != null) {
            return response;
        }
        @Nullable HttpStatus known = status.matches("\\d{3}") ? HttpStatus.resolve(Integer.parseInt(status)) : null;
        boolean wordless = response.getDescription() == null
                || known != null && response.getDescription().equals(known.getReasonPhrase());
        return Arrays.stream(Shared.values())
                .filter(shared -> wordless && shared.status.equals(status))
                .findFirst()
                .map(Shared::reference)
                .orElseGet(() -> problem(response));
    }

    private static ApiResponse problem(ApiResponse response) {
        return response.content(new Content()
                .addMediaType(
                        PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    }

    /** The method's own tags, when it has any, instead of its controller's. */
    private static void ownTagsOnly(Operation operation, HandlerMethod handler) {
        List<String> own = AnnotatedElementUtils.findAllMergedAnnotations(handler.getMethod(), Tag.class).stream()
                .map(Tag::name)
                .toList();
        if (!own.isEmpty()) {
            operation.setTags(own);
        }
    }

    /** Whether the caller sends the version it saw, as a field of the body or a query parameter. */
    private static boolean versioned(HandlerMethod handler) {
        for (MethodParameter parameter : handler.getMethodParameters()) {
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (param != null
                    && "version".equals(param.name().isEmpty() ? parameter.getParameterName() : param.name())) {
                return true;
            }
            if (parameter.hasParameterAnnotation(RequestBody.class) && hasVersion(parameter.getParameterType())) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasVersion(Class<?> type) {
        if (type.isRecord()) {
            return Arrays.stream(type.getRecordComponents())
                    .map(RecordComponent::getName)
                    .anyMatch("version"::equals);
        }
        return BeanUtils.getPropertyDescriptor(type, "version") != null;
    }

    private static String pathOf(HandlerMethod handler, @Nullable RequestMapping mapping) {
        @Nullable
        RequestMapping controller =
                AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), RequestMapping.class);
        return first(controller) + first(mapping);
    }

    private static String first(@Nullable RequestMapping mapping) {
        return mapping == null || mapping.path().length == 0 ? "" : mapping.path()[0];
    }
}
