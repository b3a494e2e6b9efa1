/**
 * Reads of users without a signed-in user and without access checks, for other modules' schedulers and reactions
 * that decide whom to notify; never to show to a user. Only modules that declare {@code identity::system} among their
 * allowed dependencies may use it, and no web controller may (see {@code ModuleStructureTest}).
 */
@org.springframework.modulith.NamedInterface("system")
@org.jspecify.annotations.NullMarked
package io.cairn.identity.system;
