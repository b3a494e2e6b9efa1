package io.cairn.identity;

import java.util.UUID;
import org.springframework.data.relational.core.mapping.Table;

/** A user's membership of a team. */
@Table("team_member")
record TeamMembership(UUID teamId) {}
