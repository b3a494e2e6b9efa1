/**
 * Knowledge: articles for handlers and self-help for reporters, post-incident reviews with root causes and
 * corrective actions, and the detection of recurring incidents.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"incidents", "incidents::system", "identity", "shared"})
@org.jspecify.annotations.NullMarked
package io.cairn.knowledge;
