package io.cairn.assets;

/** A service as other objects name it: its id, its name, and whether it is retired. */
public record ServiceSummary(ServiceId id, String name, boolean retired) {}
