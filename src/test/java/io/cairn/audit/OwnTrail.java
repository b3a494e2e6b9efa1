package io.cairn.audit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;

/**
 * Runs a server test on a server (and database) of the audit tests' own: other modules' tests may change incidents
 * behind Cairn's back to set up their cases (a back-dated report), which verification rightly names, and these tests
 * expect a trail that only they tamper with, and restore. Background work that appends records on its own
 * (recurrence detection, the SLA scanner) and the scheduled checkpoints stay off, so that what a test rewrites is
 * not chained onto meanwhile.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@TestPropertySource(
        properties = {
            "cairn.audit.checkpoint-interval=PT1H",
            "cairn.recurrence.detect-interval=PT1H",
            "cairn.sla.scanner-enabled=false"
        })
@interface OwnTrail {}
