package io.cairn.handling.sla;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the settings of the SLA scanner. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SlaSettings.class)
class SlaConfiguration {}
