package io.cairn.compliance;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the compliance settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ComplianceSettings.class, NoticeSettings.class, NoticeBounceSettings.class})
class ComplianceConfiguration {}
