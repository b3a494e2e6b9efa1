/**
 * The incident exchange between Cairn instances: this instance's signing keys, its peers and how they authenticate,
 * the signed exchange format, and receiving what providers publish (the inbox, the pull of their feeds) as reports in
 * intake.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"identity", "incidents", "intake::providers", "assets", "shared"})
@org.jspecify.annotations.NullMarked
package io.cairn.federation;
