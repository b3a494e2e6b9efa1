/** Configuration items, starting with the device registry: devices, their identifiers, and who held each when. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"identity", "shared"})
@org.jspecify.annotations.NullMarked
package io.cairn.assets;
