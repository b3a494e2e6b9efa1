/** Web and security configuration, layout, error pages, languages and the embedded database. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"identity", "shared"})
@org.jspecify.annotations.NullMarked
package io.cairn.platform;
