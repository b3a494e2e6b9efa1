package io.cairn;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.cairn.incidents.IncidentId;
import io.cairn.incidents.system.IncidentsForSystem;
import io.cairn.shared.WithoutAccessChecks;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.RestController;

class ModuleStructureTest {

    /** The named interfaces of calls without the access checks that the modules' entry points make. */
    private static final Set<String> UNCHECKED_INTERFACES = Set.of("system", "channels", "providers");

    private final ApplicationModules modules = ApplicationModules.of(CairnApplication.class);

    @Test
    void modulesDependOnlyOnWhatDesignAllows() {
        modules.verify();
    }

    @Test
    void everyModuleOfTheFoundationIsThere() {
        assertThat(modules.stream().map(module -> module.getIdentifier().toString()))
                .contains("shared", "platform", "identity", "incidents", "audit", "delivery");
    }

    /**
     * The calls without access checks (reading incidents and users for schedulers and reactions, acting for a reporter
     * whom a channel identified) are named interfaces that a module reaches only if its package-info names them, so
     * that {@link #modulesDependOnlyOnWhatDesignAllows} refuses any other module that uses them.
     */
    @Test
    void onlyTheModulesThatNeedThemMayUseTheCallsWithoutAccessChecks() {
        Map<String, Set<String>> allowed = new TreeMap<>();
        modules.forEach(module -> module.getAllowedDependencies(modules).stream()
                .filter(dependency -> UNCHECKED_INTERFACES.contains(
                        dependency.getTargetNamedInterface().getName()))
                .forEach(dependency -> allowed.computeIfAbsent(
                                module.getIdentifier().toString(), name -> new TreeSet<>())
                        .add(dependency.getTargetModule().getIdentifier() + "::"
                                + dependency.getTargetNamedInterface().getName())));

        assertThat(allowed)
                .isEqualTo(Map.of(
                        "compliance", Set.of("identity::system", "incidents::system"),
                        "federation", Set.of("incidents::system", "intake::providers"),
                        "handling", Set.of("identity::system", "incidents::system"),
                        "intake", Set.of("identity::system", "incidents::channels", "incidents::system"),
                        "isms", Set.of("identity::system", "incidents::system"),
                        "knowledge", Set.of("incidents::system"),
                        "notification", Set.of("identity::system", "intake::system"),
                        "risks", Set.of("incidents::system")));
    }

    /** Every type of those named interfaces says that it skips the access checks, for the rule on controllers. */
    @Test
    void everyTypeOfTheNamedInterfacesWithoutAccessChecksIsMarked() {
        assertThat(mainClasses().stream()
                        .filter(type ->
                                type.getPackageName().matches("io\\.cairn\\.\\w+\\.(system|channels|providers)"))
                        .filter(JavaClass::isInterface)
                        .filter(type -> !type.getSimpleName().equals("package-info"))
                        .filter(type -> !type.isAnnotatedWith(WithoutAccessChecks.class))
                        .map(JavaClass::getName))
                .isEmpty();
    }

    /**
     * A web controller acts for the signed-in user, so it never holds a call without access checks: not a type marked
     * {@link WithoutAccessChecks} (the named interfaces {@code system} and {@code channels}), not a class that
     * implements one, and not a method so marked (those an entry point keeps for its own package).
     */
    @Test
    void noWebControllerReachesACallWithoutAccessChecks() {
        noControllerReachesACallWithoutAccessChecks().check(mainClasses());
    }

    /**
     * The rule above refuses a controller that holds a system interface or calls a method without access checks, and
     * lets one pass that calls the checked methods of the same class.
     */
    @Test
    void theRuleOnControllersRefusesAControllerThatReachesACallWithoutAccessChecks() {
        ArchRule rule = noControllerReachesACallWithoutAccessChecks();

        assertThatThrownBy(() -> rule.check(new ClassFileImporter().importClasses(LeakyController.class)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(IncidentsForSystem.class.getName());
        assertThatThrownBy(() ->
                        rule.check(new ClassFileImporter().importClasses(CallingController.class, Unchecked.class)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Unchecked.read()");
        rule.check(new ClassFileImporter().importClasses(CheckedController.class, Unchecked.class));
    }

    private static ArchRule noControllerReachesACallWithoutAccessChecks() {
        DescribedPredicate<JavaClass> unchecked = JavaClass.Predicates.resideInAnyPackage(
                        "io.cairn.*.system..", "io.cairn.*.channels..", "io.cairn.*.providers..")
                .or(DescribedPredicate.describe(
                        "marked @WithoutAccessChecks", type -> type.isAnnotatedWith(WithoutAccessChecks.class)));
        return noClasses()
                .that()
                .areMetaAnnotatedWith(Controller.class)
                .or()
                .areMetaAnnotatedWith(ControllerAdvice.class)
                .should()
                .dependOnClassesThat(unchecked.or(JavaClass.Predicates.assignableTo(unchecked)))
                .orShould()
                .callMethodWhere(DescribedPredicate.describe(
                        "the method is marked @WithoutAccessChecks",
                        (JavaMethodCall call) -> call.getTarget()
                                .resolveMember()
                                .map(method -> method.isAnnotatedWith(WithoutAccessChecks.class))
                                .orElse(false)))
                .because("a controller acts for the signed-in user, whose rights the modules' entry points check");
    }

    /**
     * Spring names a component after its simple class name, so two modules' package-private services of one name (a
     * {@code Reporting} in incidents and in intake) stop the server at start-up; this finds them without starting it.
     */
    @Test
    void noTwoComponentsShareABeanName() {
        Map<String, Set<String>> byBeanName = new TreeMap<>();
        mainClasses().stream()
                .filter(type -> type.isMetaAnnotatedWith(org.springframework.stereotype.Component.class))
                .filter(type ->
                        !type.isAnnotatedWith(org.springframework.boot.autoconfigure.SpringBootApplication.class))
                .forEach(type -> byBeanName
                        .computeIfAbsent(
                                java.beans.Introspector.decapitalize(type.getSimpleName()), name -> new TreeSet<>())
                        .add(type.getName()));

        assertThat(byBeanName.entrySet().stream()
                        .filter(entry -> entry.getValue().size() > 1)
                        .map(entry -> entry.getKey() + ": " + entry.getValue()))
                .isEmpty();
    }

    private static JavaClasses mainClasses() {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.cairn");
    }

    // Inner (not static) classes, so that component scanning never takes these controllers for real ones.

    /** A controller that holds a read without access checks. */
    @Controller
    class LeakyController {

        private final IncidentsForSystem incidents;

        LeakyController(IncidentsForSystem incidents) {
            this.incidents = incidents;
        }

        Object show(IncidentId id) {
            return incidents.incident(id);
        }
    }

    /** A class whose one method skips the access checks. */
    class Unchecked {

        @WithoutAccessChecks
        Object read() {
            return "everything";
        }

        Object readChecked() {
            return "what you may see";
        }
    }

    /** A controller that calls that method. */
    @RestController
    class CallingController {

        Object show(Unchecked source) {
            return source.read();
        }
    }

    /** A controller that calls only the checked method. */
    @RestController
    class CheckedController {

        Object show(Unchecked source) {
            return source.readChecked();
        }
    }
}
