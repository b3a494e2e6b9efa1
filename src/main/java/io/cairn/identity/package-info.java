/** Users, teams, business units, roles, API tokens, sign-in throttling and who is acting. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
@org.jspecify.annotations.NullMarked
package io.cairn.identity;
