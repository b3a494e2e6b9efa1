package io.cairn.identity;

import org.springframework.data.relational.core.mapping.Table;

/** A role held by a user. */
@Table("user_role")
record RoleGrant(Role role) {}
