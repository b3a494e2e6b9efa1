package io.cairn.incidents;

import org.jspecify.annotations.Nullable;

/**
 * Who or what detected an incident (MET-5).
 *
 * @param source a system, a person inside the organisation, or someone outside it
 * @param by the tool or party, such as {@code EDR}, the alert source's name, or {@code customer}; null when not said
 */
public record Detection(DetectionSource source, @Nullable String by) {}
