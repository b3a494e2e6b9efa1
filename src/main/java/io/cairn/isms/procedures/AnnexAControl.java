package io.cairn.isms.procedures;

/**
 * A control of ISO/IEC 27001:2022 Annex A as a reader sees it: its number, such as {@code 5.18}, and its short title in
 * the reader's language.
 */
public record AnnexAControl(String number, String title) {}
