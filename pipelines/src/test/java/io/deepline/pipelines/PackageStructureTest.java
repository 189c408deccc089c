package io.deepline.pipelines;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The package layering of the main code: the packages directly under {@code io.deepline.pipelines} (with their
 * sub-packages) form no dependency cycle, so each can be read and changed knowing only the packages below it, and
 * the library never reaches up into the command-line jobs built on it. Bytecode only (ArchUnit), main classes only.
 */
class PackageStructureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.deepline.pipelines");

    @Test
    void topLevelPackagesAreFreeOfCycles() {
        slices().matching("io.deepline.pipelines.(*)..").namingSlices("pipelines.$1")
                .should().beFreeOfCycles()
                .because("a cycle ties packages into one unit; move the shared type into a lower package")
                .check(MAIN);
    }

    @Test
    void theLibraryNeverDependsOnTheJobs() {
        noClasses().that().resideInAPackage("io.deepline.pipelines..")
                .should().dependOnClassesThat().resideInAPackage("io.deepline.jobs..")
                .because("jobs is the command-line layer built on the pipelines library, not the other way round")
                .check(MAIN);
    }
}
