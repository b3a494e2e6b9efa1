/**
 * ISMS: security procedures beyond incidents, and the evidence of incidents with its chain of custody.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"incidents", "incidents::system", "identity", "identity::system", "shared"})
@org.jspecify.annotations.NullMarked
package io.cairn.isms;
