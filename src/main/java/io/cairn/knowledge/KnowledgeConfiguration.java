package io.cairn.knowledge;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the settings of reviews and recurrence detection. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({KnowledgeSettings.Review.class, KnowledgeSettings.Recurrence.class})
class KnowledgeConfiguration {}
