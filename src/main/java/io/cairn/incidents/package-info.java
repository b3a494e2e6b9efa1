/** The Incident aggregate: classification, impact, urgency, priority, markings, lifecycle, timeline and links. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"assets", "identity", "shared"})
@org.jspecify.annotations.NullMarked
package io.cairn.incidents;
