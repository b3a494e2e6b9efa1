/**
 * The incident exchange between Cairn instances: this instance's signing keys, its peers and how they authenticate,
 * and the signed exchange format.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"assets", "identity", "incidents", "audit", "audit::witnessing", "shared"})
@org.jspecify.annotations.NullMarked
package io.cairn.federation;
