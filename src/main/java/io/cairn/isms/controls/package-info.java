/**
 * The evidence of ISO/IEC 27001:2022 Annex A controls for auditors: the runs of security procedures that evidence a
 * control in a period, with their timelines and their exceptions (late, missed, rejected, cancelled, skipped, approved
 * by the requester), as JSON, CSV, PDF and a page; {@link io.cairn.isms.controls.ControlEvidence} is its entry point.
 */
@org.jspecify.annotations.NullMarked
package io.cairn.isms.controls;
