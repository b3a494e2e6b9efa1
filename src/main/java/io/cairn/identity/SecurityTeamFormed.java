package io.cairn.identity;

import java.time.Instant;

/**
 * A new instance formed its security team, once, together with the first admin: other modules give it what a new
 * install needs (the handling module a routing rule that sends it every incident no other rule routes).
 */
public record SecurityTeamFormed(TeamId team, String name, Instant at) {}
