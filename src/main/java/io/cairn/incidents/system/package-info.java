/**
 * Reads of incidents without a signed-in user and without access checks, for other modules' schedulers and reactions
 * (SLA clocks, playbooks, recurrence); never to show to a user. Only modules that declare {@code incidents::system}
 * among their allowed dependencies may use it, and no web controller may (see {@code ModuleStructureTest}).
 */
@org.springframework.modulith.NamedInterface("system")
@org.jspecify.annotations.NullMarked
package io.cairn.incidents.system;
