package io.cairn.identity;

/** A token just issued, with its secret: shown once, never stored. */
record IssuedToken(TokenView token, String secret) {}
