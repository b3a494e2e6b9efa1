package io.cairn.assets;

/**
 * A service this organisation offers and has not retired, as it shows it to others: the customers that subscribe to
 * incidents on it.
 */
public record OfferedService(ServiceId id, String name, String description) {}
