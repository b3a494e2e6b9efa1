/**
 * Reporting: how well incidents are handled, from one query layer over the other modules' stored records (their read
 * models): the metrics of MET-1 to MET-9 through the API and as CSV, with the same numbers the dashboards show.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"incidents", "identity", "shared"})
@org.jspecify.annotations.NullMarked
package io.cairn.reporting;
