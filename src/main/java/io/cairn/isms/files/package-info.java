/**
 * Files that the isms module holds (the evidence items of incidents, the attachments of procedure steps): an upload is
 * received streamed, its SHA-256 computed and its size limited as it arrives, its type told from its first bytes, and
 * it is spooled to a temporary file, never held in memory, from which its store streams it into the database.
 */
@org.jspecify.annotations.NullMarked
package io.cairn.isms.files;
