/**
 * Security procedures beyond incidents (procedure types, their runs, schedules and approvals, and the evidence they
 * give per ISO/IEC 27001 control), and the evidence items of incidents with their chain of custody.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "incidents",
            "incidents::system",
            "handling",
            "handling::calendars",
            "identity",
            "identity::system",
            "risks",
            "shared"
        })
@org.jspecify.annotations.NullMarked
package io.cairn.isms;
