package io.cairn;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;

/**
 * A {@link ServerTest} server whose schedulers stay still (no SLA scans, recurrence checks, outbox drains, federation pushes, pulls or witnessing rounds, obligation warning scans, erasures of notice lists, sending of notices, overdue procedure steps, schedules of procedures, reminders of overdue risks), for
 * tests that compare what is stored before and after a request: only the requests change anything. Test classes
 * with this share one server.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@TestPropertySource(
        properties = {
            "cairn.sla.scanner-enabled=false",
            "cairn.sla.scan-interval=PT24H",
            "cairn.recurrence.detect-interval=PT24H",
            "cairn.notification.drain-interval=PT24H",
            "cairn.federation.push-interval=PT24H",
            "cairn.federation.pull-start-delay=PT24H",
            "cairn.federation.pull-interval=PT24H",
            "cairn.federation.witness-interval=PT24H",
            "cairn.compliance.scan-delay=PT24H",
            "cairn.compliance.scan-interval=PT24H",
            "cairn.compliance.notice-erase-delay=PT24H",
            "cairn.compliance.notice-erase-interval=PT24H",
            "cairn.compliance.notice-send-delay=PT24H",
            "cairn.compliance.notice-send-interval=PT24H",
            "cairn.isms.overdue.scanner-enabled=false",
            "cairn.schedules.scanner-enabled=false",
            "cairn.risks.overdue.scanner-enabled=false"
        })
public @interface QuietServer {}
