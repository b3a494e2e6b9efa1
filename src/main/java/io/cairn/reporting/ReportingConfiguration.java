package io.cairn.reporting;

import java.io.IOException;
import java.io.InputStream;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.ObjectMapper;

/** Binds reporting's settings ({@code cairn.reporting.*}) and reads the maturity model they name. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReportingSettings.class)
class ReportingConfiguration {

    @Bean
    MaturityModel maturityModel(ReportingSettings settings, ObjectMapper json) throws IOException {
        try (InputStream in = settings.maturityModel().getInputStream()) {
            return MaturityModel.read(json.readTree(in));
        }
    }
}
