/**
 * Regulators' reporting duties: the regimes (GDPR, NIS2, DORA, SEC 8-K, HIPAA) as versioned data that an admin may
 * override, the deadline calculator that turns a regime's clock and the instants of its facts into a due instant, and
 * the legal entities whose regulatory profile says which regimes apply, and each incident's regime facts and decision
 * records; {@link io.cairn.compliance.ComplianceManagement}
 * is its entry point.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "federation",
            "identity",
            "identity::system",
            "incidents",
            "incidents::system",
            "handling::calendars",
            "shared"
        })
@org.jspecify.annotations.NullMarked
package io.cairn.compliance;
