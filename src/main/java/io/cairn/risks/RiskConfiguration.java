package io.cairn.risks;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the matrix and scales of the risk register ({@code cairn.risks.*}) and its overdue reminders. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({RiskMatrix.class, RiskOverdueSettings.class})
class RiskConfiguration {}
