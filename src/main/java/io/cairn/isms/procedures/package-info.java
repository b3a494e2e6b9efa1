/**
 * Security procedures beyond incidents: procedure types as data (their start form, phases and steps, each step with
 * its team, due time, the fields its team may read and the ISO/IEC 27001:2022 Annex A controls it evidences);
 * {@link io.cairn.isms.procedures.SecurityProcedures} is its entry point.
 */
@org.jspecify.annotations.NullMarked
package io.cairn.isms.procedures;
