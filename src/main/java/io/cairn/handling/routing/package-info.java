/**
 * Routing of the handling module: the ordered routing rules that give a newly reported incident its team and owner;
 * {@link io.cairn.handling.routing.RoutingRuleManagement} is its entry point.
 */
@org.jspecify.annotations.NullMarked
package io.cairn.handling.routing;
