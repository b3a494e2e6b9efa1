package io.cairn.identity;

import org.jspecify.annotations.Nullable;

/** A user just created, with the one-time password Cairn made when none was given (shown once). */
record CreatedUser(UserView user, @Nullable String oneTimePassword) {}
