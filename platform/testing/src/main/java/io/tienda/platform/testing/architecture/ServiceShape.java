package io.tienda.platform.testing.architecture;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The one shape every Tienda service has (docs/architecture.md), as rules a build enforces.
 * A service lives in {@code io.tienda.<service>}; each package below it is a feature
 * ({@code io.tienda.order.checkout}); inside a feature, {@code api/} is the web layer,
 * {@code domain/} plain Java, {@code persistence/} and {@code messaging/} the adapters, and the
 * application services sit at the feature's root. Each rule says why it exists, and that reason is
 * what a failing build prints.
 */
public final class ServiceShape {

    /** {@code io.tienda.<service>.<feature>...}: group 1 is the service, group 2 the feature. */
    private static final Pattern FEATURE = Pattern.compile("io\\.tienda\\.([^.]+)\\.([^.]+)(\\..*)?");

    private ServiceShape() {
    }

    public static final ArchRule DOMAIN_IS_PLAIN_JAVA = noClasses()
            .that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "jakarta..", "javax.servlet..",
                    "com.fasterxml.jackson..", "tools.jackson..",
                    "io.tienda.platform.web..", "io.tienda.platform.security..")
            .because("the domain holds the business rules in plain Java: no framework, no web and no JSON "
                    + "library, so that rules are tested without Spring and survive a change of adapters "
                    + "(use io.tienda.platform.core.Page and io.tienda.platform.problem.DomainException)");

    public static final ArchRule DOMAIN_KNOWS_NO_ADAPTER = noClasses()
            .that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.tienda.*.*.api..", "io.tienda.*.*.persistence..", "io.tienda.*.*.messaging..")
            .because("adapters depend on the domain, never the other way round: the domain declares "
                    + "the ports (e.g. an Orders interface) and persistence/ or messaging/ implements them");

    public static final ArchRule WEB_STAYS_IN_API = noClasses()
            .that().resideOutsideOfPackage("..api..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "jakarta.servlet..", "org.springframework.web.bind..", "org.springframework.web.servlet..",
                    "org.springframework.web.method..", "org.springframework.web.multipart..",
                    "org.springframework.web.context.request..", "io.tienda.platform.web..")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("org.springframework.http.ResponseEntity")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("org.springframework.http.ProblemDetail")
            .because("HTTP is one adapter among several: requests, responses, headers and servlet filters "
                    + "belong in a feature's api/ package; application services signal a refusal with "
                    + "io.tienda.platform.problem.DomainException, which the starter maps to problem+json in "
                    + "one place (calling another service over HTTP, org.springframework.web.client, is fine "
                    + "in an adapter)");

    public static final ArchRule FEATURES_KEEP_THEIR_PERSISTENCE = classes()
            .should(notReachIntoAnotherFeaturesPersistence())
            .because("a feature's tables and collections are its own: another feature asks it through its "
                    + "application service or a domain port, so that the owner can change its storage alone");

    public static final ArchRule CONTROLLERS_ARE_RESOURCES = classes()
            .that().areAnnotatedWith("org.springframework.web.bind.annotation.RestController")
            .or().areAnnotatedWith("org.springframework.stereotype.Controller")
            .should().haveSimpleNameEndingWith("Resource")
            .andShould().notBePublic()
            .andShould().resideInAPackage("..api..")
            .because("every service names its controllers the same way (*Resource, package-private, in "
                    + "the feature's api/ package), so a newcomer finds the HTTP surface of any feature at once");

    public static final ArchRule NO_FIELD_INJECTION = NO_CLASSES_SHOULD_USE_FIELD_INJECTION
            .because("dependencies come through the constructor: a class shows what it needs, can be "
                    + "built in a unit test without Spring, and its fields can be final");

    public static final ArchRule NO_CYCLES_BETWEEN_FEATURES = slices()
            .matching("io.tienda.(*).(*)..").namingSlices("feature $2 of $1")
            .should().beFreeOfCycles()
            .because("features depend on each other in one direction only; when two need each other, what "
                    + "they share is a feature of its own that both depend on");

    /** Every rule, in the order a failing build should report them. */
    public static List<ArchRule> rules() {
        return List.of(DOMAIN_IS_PLAIN_JAVA, DOMAIN_KNOWS_NO_ADAPTER, WEB_STAYS_IN_API,
                FEATURES_KEEP_THEIR_PERSISTENCE, CONTROLLERS_ARE_RESOURCES, NO_FIELD_INJECTION,
                NO_CYCLES_BETWEEN_FEATURES);
    }

    private static ArchCondition<JavaClass> notReachIntoAnotherFeaturesPersistence() {
        return new ArchCondition<>("not depend on another feature's persistence package") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                Optional<String[]> from = feature(origin.getPackageName());
                if (from.isEmpty()) {
                    return;
                }
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    String target = dependency.getTargetClass().getPackageName();
                    Optional<String[]> to = feature(target);
                    boolean otherFeaturesStore = to.isPresent()
                            && to.get()[0].equals(from.get()[0])
                            && !to.get()[1].equals(from.get()[1])
                            && (target.endsWith(".persistence") || target.contains(".persistence."));
                    if (otherFeaturesStore) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    private static Optional<String[]> feature(String packageName) {
        Matcher matcher = FEATURE.matcher(packageName);
        if (!matcher.matches() || "platform".equals(matcher.group(1))) {
            return Optional.empty();
        }
        return Optional.of(new String[] {matcher.group(1), matcher.group(2)});
    }
}
