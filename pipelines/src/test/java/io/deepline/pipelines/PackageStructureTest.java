package io.deepline.pipelines;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The package layering of the main code, as docs/ARCHITECTURE.md draws it: {@code core} (data, training,
 * persistence, inference, Params) below the stage packages (classification, regression, sequence, vision,
 * generative, text, ensemble, eval, and stage, their shared bases), below {@code tools} (selection, report); no
 * cycle among the packages of one level, and the library never reaches up into the command-line jobs built on it.
 * Bytecode only (ArchUnit), main classes only.
 */
class PackageStructureTest {
    private static final String[] STAGES = {
        "io.deepline.pipelines.classification..", "io.deepline.pipelines.regression..",
        "io.deepline.pipelines.sequence..", "io.deepline.pipelines.vision..", "io.deepline.pipelines.generative..",
        "io.deepline.pipelines.text..", "io.deepline.pipelines.ensemble..", "io.deepline.pipelines.eval..",
        "io.deepline.pipelines.stage.."};

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.deepline.pipelines");

    @Test
    void layersOnlyDependDownwards() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("core").definedBy("io.deepline.pipelines.core..")
                .layer("stages").definedBy(STAGES)
                .layer("tools").definedBy("io.deepline.pipelines.tools..")
                .whereLayer("tools").mayNotBeAccessedByAnyLayer()
                .whereLayer("stages").mayOnlyBeAccessedByLayers("tools")
                .whereLayer("core").mayOnlyBeAccessedByLayers("stages", "tools")
                .because("core knows no stage and stages know no tool, so each layer reads and tests on its own")
                .check(MAIN);
    }

    @Test
    void topLevelPackagesAreFreeOfCycles() {
        slices().matching("io.deepline.pipelines.(*)..").namingSlices("pipelines.$1")
                .should().beFreeOfCycles()
                .because("a cycle ties packages into one unit; move the shared type into a lower package")
                .check(MAIN);
    }

    @Test
    void packagesInsideEachLayerAreFreeOfCycles() {
        slices().matching("io.deepline.pipelines.(core|tools).(*)..").namingSlices("pipelines.$1.$2")
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
