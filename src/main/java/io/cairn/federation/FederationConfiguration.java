package io.cairn.federation;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the settings of the exchange. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FederationSettings.class)
class FederationConfiguration {}
