package io.tienda.platform.testing.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

/**
 * Checks a service against {@link ServiceShape}. A service adopts the rules with one line in its
 * unit tests, in its root package:
 *
 * <pre>{@code class ArchitectureTest extends ServiceShapeTest {}}</pre>
 *
 * The production classes of the subclass's package and everything below it are checked, one test
 * per rule, so that a failing build names the rule, its reason and every offending line.
 */
public abstract class ServiceShapeTest {

    @TestFactory
    Stream<DynamicTest> followsTheServiceShape() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(getClass().getPackageName());
        return ServiceShape.rules().stream()
                .map(rule -> DynamicTest.dynamicTest(rule.getDescription(), () -> rule.check(classes)));
    }
}
