/** Reporting through every channel; so far machine alerts from monitoring systems, de-duplicated per source. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"incidents", "identity", "shared"})
@org.jspecify.annotations.NullMarked
package io.cairn.intake;
