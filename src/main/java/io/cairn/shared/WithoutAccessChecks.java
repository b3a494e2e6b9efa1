package io.cairn.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a type or method that reads or writes without a signed-in user and without the access checks of the module's
 * entry point: calls for schedulers, reactions to events, and intake channels that established who is writing. No
 * web controller may depend on such a type or call such a method ({@code ModuleStructureTest} checks it), since a
 * controller acts for the signed-in user and one such call by mistake would show them what they may not see.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface WithoutAccessChecks {}
