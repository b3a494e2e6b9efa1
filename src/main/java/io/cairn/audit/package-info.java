/** The append-only, hash-chained audit trail: recording every auditable event, verification and export. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"identity", "shared"})
@org.jspecify.annotations.NullMarked
package io.cairn.audit;
