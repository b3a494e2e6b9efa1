/**
 * Reads of what intake knows about reporters, without a signed-in user and without access checks, for other modules'
 * reactions that tell a reporter something; never to show to a user. Only modules that declare
 * {@code intake::system} among their allowed dependencies may use it, and no web controller may (see
 * {@code ModuleStructureTest}).
 */
@org.springframework.modulith.NamedInterface("system")
@org.jspecify.annotations.NullMarked
package io.cairn.intake.system;
