package io.cairn.intake.system;

import org.jspecify.annotations.Nullable;

/**
 * What intake knows about reaching the reporter of an incident.
 *
 * @param language the language they reported in ({@code en} or {@code nl}), when they reported through intake
 * @param anonymousAddress the address a reporter without an account mailed their report from, where the
 *     acknowledgement went; empty for reporters with an account and for reports made on the web
 */
public record ReporterContact(
        @Nullable String language, @Nullable String anonymousAddress) {}
