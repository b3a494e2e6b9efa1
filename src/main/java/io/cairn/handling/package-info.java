/** Handling incidents on time: business-hour calendars and the SLA clocks that run on them. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"incidents", "incidents::system", "identity",
        "identity::system", "shared"})
@org.jspecify.annotations.NullMarked
package io.cairn.handling;
