/**
 * Taking in the incidents that provider peers publish to this instance, as reports, without a signed-in user and
 * without the checks of who may see an incident. Only modules that declare {@code intake::providers} among their
 * allowed dependencies may use it (federation, after it verified the provider's signed message), and no web controller
 * may (see {@code ModuleStructureTest}).
 */
@org.springframework.modulith.NamedInterface("providers")
@org.jspecify.annotations.NullMarked
package io.cairn.intake.providers;
