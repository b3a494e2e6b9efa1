package io.cairn.intake;

/**
 * A report template as stored: its key, place in the list, whether it is retired, and its current version.
 *
 * @param revision the template's current version number; every edit adds one
 * @param version the stored row's version, for optimistic locking of reorder and retire
 */
record ReportTemplate(String key, int position, boolean retired, int revision, TemplateContent content, long version) {}
