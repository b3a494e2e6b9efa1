package io.cairn.platform;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description's title, and the personal API token as its security scheme (Swagger UI "Authorize"). */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI cairnOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Cairn API").version("v1")
                        .description("Security incident management. Authenticate with a personal API token "
                                + "(Account - API tokens) as 'Authorization: Bearer cairn_...'. Errors are RFC 9457 "
                                + "problem details that name the field and the problem.")
                        .license(new License().name("Apache-2.0")))
                .components(new Components().addSecuritySchemes("token", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").description("a personal API token")))
                .addSecurityItem(new SecurityRequirement().addList("token"));
    }
}
