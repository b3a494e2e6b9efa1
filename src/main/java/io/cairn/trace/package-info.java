/**
 * The chain auditor's walk: the {@code trace} command of the jar, which follows an incident received through the
 * exchange back hop by hop to its origin with the auditor's own key, and the check of a walked trail, which needs no
 * key and which the command and the auditor's page both run.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit", "identity", "shared"})
@org.jspecify.annotations.NullMarked
package io.cairn.trace;
