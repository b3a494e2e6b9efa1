/** Tiny value types used by three or more modules: markings, the acting party of an event, content digests. */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
@org.jspecify.annotations.NullMarked
package io.cairn.shared;
