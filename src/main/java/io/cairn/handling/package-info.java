/**
 * Handling incidents on time and by procedure: business-hour calendars, SLA policies and the SLA clocks that run on
 * them with their warnings, breaches and escalations ({@code sla}); playbooks whose steps become an incident's tasks,
 * and tasks for other teams ({@code procedures}); routing rules that give a new incident its team and owner
 * ({@code routing}). The sub-packages are the module's internals; this package holds what other modules use: the
 * module's events, such as {@link io.cairn.handling.SlaBreached}, and the kinds of SLA clock.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"incidents", "incidents::system", "identity", "identity::system", "shared"})
@org.jspecify.annotations.NullMarked
package io.cairn.handling;
