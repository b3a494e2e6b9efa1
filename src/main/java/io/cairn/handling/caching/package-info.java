/**
 * Settings of the handling module that every reported incident reads (SLA policies, routing rules), kept for a few
 * seconds so that each report does not read them again.
 */
@org.jspecify.annotations.NullMarked
package io.cairn.handling.caching;
