package io.cairn.intake;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the settings of e-mail intake. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailIntakeSettings.class)
class MailIntakeConfiguration {}
