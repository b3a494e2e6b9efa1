/**
 * Evidence items of incidents with their chain of custody (ISO/IEC 27037): what was collected, where, how and by whom,
 * its SHA-256, who holds it and where it is kept, and an append-only custody log of its transfers, integrity checks and
 * corrections. The module's internals; other modules see only its events.
 */
@org.jspecify.annotations.NullMarked
package io.cairn.isms.evidence;
