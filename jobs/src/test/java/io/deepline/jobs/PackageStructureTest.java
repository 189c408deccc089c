package io.deepline.jobs;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The packages directly under {@code io.deepline.jobs} (with their sub-packages) form no dependency cycle: e.g. the
 * model factories and the train workflow both use the metrics package, and neither depends back on the other's
 * users. Bytecode only (ArchUnit), main classes only.
 */
class PackageStructureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.deepline.jobs");

    @Test
    void subPackagesAreFreeOfCycles() {
        slices().matching("io.deepline.jobs.(*)..").namingSlices("jobs.$1")
                .should().beFreeOfCycles()
                .because("a cycle ties packages into one unit; move the shared type into a lower package")
                .check(MAIN);
    }
}
