/**
 * Reporting and answering for a reporter whom an intake channel identified (a mail from their address, an alert
 * source's account, a follow-up code), without a signed-in user. Only modules that declare
 * {@code incidents::channels} among their allowed dependencies may use it (intake), and no web controller may (see
 * {@code ModuleStructureTest}).
 */
@org.springframework.modulith.NamedInterface("channels")
@org.jspecify.annotations.NullMarked
package io.cairn.incidents.channels;
