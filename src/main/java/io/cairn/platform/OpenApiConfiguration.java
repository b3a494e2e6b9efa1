package io.cairn.platform;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description's words about the whole API: title, licence, server, the two ways to authenticate, and
 * the one {@code Problem} schema that every error response has; {@link ProblemResponses} gives each operation its
 * error responses.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final String TOKEN = "token";
    private static final String SESSION = "session";

    @Bean
    OpenAPI cairnOpenApi() {
        Components components = new Components()
                .addSecuritySchemes(
                        TOKEN,
                        new SecurityScheme()
                                .type(SecurityScheme.Type.HTTP)
                                .scheme("bearer")
                                .description(
                                        "A personal API token (Account - API tokens, or POST /api/v1/me/tokens), sent as "
                                                + "`Authorization: Bearer cairn_...`."))
                .addSecuritySchemes(
                        SESSION,
                        new SecurityScheme()
                                .type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.COOKIE)
                                .name("JSESSIONID")
                                .description(
                                        "The session of a user signed in to the web UI. A request that changes something "
                                                + "also needs the session's CSRF token in the `X-CSRF-TOKEN` header."))
                .addSchemas(ProblemResponses.PROBLEM, problem());
        ProblemResponses.shared().forEach(components::addResponses);
        return new OpenAPI()
                .info(new Info()
                        .title("Cairn API")
                        .version("v1")
                        .description("Security incident management: report incidents, triage and handle them through "
                                + "playbooks and tasks, keep SLAs, learn from reviews, and audit every step.\n\n"
                                + "Authenticate with a personal API token as `Authorization: Bearer cairn_...`. "
                                + "Every error is an RFC 9457 problem detail (`application/problem+json`, the "
                                + "`Problem` schema) that names the fields at fault; each operation lists the problems "
                                + "it can answer.")
                        .contact(new Contact().name("Cairn"))
                        .license(new License().name("Apache License 2.0").identifier("Apache-2.0")))
                .servers(List.of(new Server().url("/").description("This Cairn instance")))
                .components(components)
                .addSecurityItem(new SecurityRequirement().addList(TOKEN))
                .addSecurityItem(new SecurityRequirement().addList(SESSION));
    }

    @Bean
    OperationCustomizer problemResponses() {
        return new ProblemResponses();
    }

    /** RFC 9457 problem details as {@link Problems} writes them. */
    @SuppressWarnings("rawtypes")
    private static Schema<?> problem() {
        Map<String, Schema> fieldProblem = new LinkedHashMap<>();
        fieldProblem.put("field", text("The field's name, such as `impact` or `category.rsitType`."));
        fieldProblem.put("message", text("What is wrong with it, as the user reads it."));
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put(
                "type",
                text("A URI that names the kind of problem, such as `urn:cairn:problem:invalid`, "
                                + "`urn:cairn:problem:not-found`, `urn:cairn:problem:stale`.")
                        .format("uri-reference"));
        properties.put("title", text("The HTTP status's phrase, such as `Bad Request`."));
        properties.put(
                "status",
                new JsonSchema()
                        .types(Set.of("integer"))
                        .format("int32")
                        .minimum(java.math.BigDecimal.valueOf(400))
                        .maximum(java.math.BigDecimal.valueOf(599))
                        .description("The HTTP status code."));
        properties.put("detail", text("What went wrong, in words a user can act on."));
        properties.put(
                "instance", text("The request path the problem occurred at.").format("uri-reference"));
        properties.put(
                "errors",
                new JsonSchema()
                        .types(Set.of("array"))
                        .description(
                                "The fields at fault and what is wrong with each; absent when no one field is to blame.")
                        .items(new JsonSchema()
                                .types(Set.of("object"))
                                .properties(fieldProblem)
                                .required(List.of("field", "message"))));
        return new JsonSchema()
                .types(Set.of("object"))
                .properties(properties)
                .required(List.of("type", "title", "status"))
                .description("An RFC 9457 problem detail: why a request was refused, naming the fields at fault.")
                .examples(List.of(example()));
    }

    /** The example problem, its members in the order the schema names them, the same in every document. */
    private static Map<String, Object> example() {
        Map<String, Object> fieldProblem = new LinkedHashMap<>();
        fieldProblem.put("field", "impact");
        fieldProblem.put("message", "must be one of [high, medium, low]");
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", "urn:cairn:problem:invalid");
        example.put("title", "Bad Request");
        example.put("status", 400);
        example.put("detail", "impact: must be one of [high, medium, low]");
        example.put("errors", List.of(fieldProblem));
        return example;
    }

    private static Schema<?> text(String description) {
        return new JsonSchema().types(Set.of("string")).description(description);
    }
}
