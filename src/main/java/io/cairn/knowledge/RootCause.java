package io.cairn.knowledge;

/**
 * One entry of the controlled vocabulary of root causes that reviews choose from.
 *
 * @param key the stable name reviews store, such as {@code phishing}
 * @param label the name people read; admins may rename it
 * @param retired whether it can no longer be chosen (reviews that chose it keep it)
 */
public record RootCause(String key, String label, boolean retired, int position, long version) {}
