package io.cairn;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

/**
 * A {@link ServerTest} with mail: Cairn polls the intake mailbox of {@link MailServers} and sends through its outbound
 * server. Polling and the outbox wait an hour on their own, so tests call them directly; a failed delivery is tried
 * again after 0.2 s, 0.4 s, and dead-lettered at the third attempt. Attachments above 64 KB are not kept.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ServerTest
@ContextConfiguration(initializers = MailServers.Initializer.class)
@TestPropertySource(properties = {
    "cairn.base-url=https://cairn.test",
    "cairn.mail.from=" + MailServers.CAIRN_ADDRESS,
    "cairn.mail.intake.enabled=true",
    "cairn.mail.intake.protocol=imap",
    "cairn.mail.intake.poll-interval=PT1H",
    "cairn.notification.drain-interval=PT1H",
    "cairn.notification.max-attempts=3",
    "cairn.notification.first-retry-delay=PT0.2S",
    "cairn.intake.max-attachment-size=64KB"})
public @interface WithMailServers {}
