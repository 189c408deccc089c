package io.deepline.jobs.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The job-file keys that reach the course's figures: preprocess.polynomial, model type Ensemble, select, the
 * three-way (stratified) split and row weights. Only parsing and validation; no Spark.
 */
class CourseKeysConfigTest {

    private static final String BASE = """
            name: course
            data: {path: in.csv, label: y%s}
            %s
            model: %s
            output: {model: out/model}
            """;

    private final JobConfigLoader loader = new JobConfigLoader();

    private JobConfig parse(String dataKeys, String sections, String model) {
        return loader.parse(BASE.formatted(dataKeys, sections, model));
    }

    private JobConfigException refused(String dataKeys, String sections, String model, String keyPath,
                                       String... fragments) {
        JobConfigException e = assertThrows(JobConfigException.class, () -> parse(dataKeys, sections, model));
        assertEquals(keyPath, e.keyPath(), e.getMessage());
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), "'" + f + "' not in: " + e.getMessage());
        }
        return e;
    }

    @Test
    void polynomialDegreeIsBetweenOneAndTheMaximum() {
        JobConfig c = parse("", "preprocess: {polynomial: {degree: 3}, standardize: true}", "{type: DeepRegressor}");
        assertEquals(3, c.preprocess().polynomial().degree());

        refused("", "preprocess: {polynomial: {degree: 0}}", "{type: DeepRegressor}",
                "preprocess.polynomial.degree", "between 1 and 10");
        refused("", "preprocess: {polynomial: {degree: 11}}", "{type: DeepRegressor}",
                "preprocess.polynomial.degree", "between 1 and 10");
        refused("", "preprocess: {polynomial: {degre: 2}}", "{type: DeepRegressor}",
                "preprocess.polynomial.degre", "unknown key", "degree");
        refused(", text: body", "preprocess: {polynomial: {degree: 2}}", "{type: SequenceClassifier}",
                "preprocess.polynomial", "feature columns");
    }

    @Test
    void anEnsembleListsMemberSectionsWhoseKeysAreCheckedToo() {
        JobConfig c = parse("", "", """
                {type: Ensemble, kind: hard, members: [{type: DeepClassifier, params: {seed: 1}},
                                                        {type: PerceptronClassifier}]}""");
        assertEquals(2, c.model().members().size());
        assertEquals("hard", c.model().kind());
        assertEquals("PerceptronClassifier", c.model().members().get(1).type());

        refused("", "", "{type: Ensemble, members: [{type: DeepClassifier}, {type: DeepClassifier, parms: {}}]}",
                "model.members[1].parms", "unknown key", "params");
        refused("", "", "{type: Ensemble}", "model.members", "required");
        refused("", "", "{type: Ensemble, members: [{type: Ensemble, members: [{type: DeepClassifier}]}]}",
                "model.members[0].type", "inside an ensemble");
        refused("", "", "{type: DeepClassifier, kind: soft}", "model.kind", "type: Ensemble");
        refused("", "", "{type: Ensemble, kind: median, members: [{type: DeepRegressor}]}", "model.kind",
                "mean, hard, soft");
    }

    @Test
    void theSplitMayHoldValidationRowsForASelectionCurveOnly() {
        JobConfig c = parse("", """
                split: {train: 0.6, validation: 0.2, test: 0.2, stratified: true, seed: 7}
                select: {param: l2, values: [0.0, 0.01], metric: accuracy}""", "{type: DeepClassifier}");
        assertEquals(0.2, c.split().validation());
        assertTrue(c.split().stratified());
        assertEquals("l2", c.select().param());
        // Old split sections mean what they meant.
        assertEquals(new SplitSection(0.7, 0.3, 7L), parse("", "split: {train: 0.7, test: 0.3, seed: 7}",
                "{type: DeepClassifier}").split());

        refused("", "split: {train: 0.6, validation: 0.2, test: 0.3}", "{type: DeepClassifier}", "split",
                "train + validation + test must sum to 1");
        refused("", "split: {train: 0.6, validation: 0.2, test: 0.2}", "{type: DeepClassifier}", "split.validation",
                "only a select section reads");
        refused("", "select: {param: l2, values: [0.0, 0.01]}", "{type: DeepClassifier}", "split.validation",
                "required by select");
        refused("", "split: {holdoutColumn: h, stratified: true}", "{type: DeepClassifier}", "split.stratified",
                "contradicts holdoutColumn");
        refused("", "split: {train: 0.8, test: 0.2, stratified: true}\nregistry: {path: reg}",
                "{type: DeepClassifier}", "split.stratified", "row by row");
    }

    @Test
    void selectAndTuneExcludeEachOtherAndADegreeCurveNeedsPolynomialFeatures() {
        String split = "split: {train: 0.6, validation: 0.2, test: 0.2}\n";
        refused("", split + "select: {param: l2, values: [0.0]}\ntune: {grid: {l2: [0.0, 0.1]}}",
                "{type: DeepClassifier}", "select", "tune both choose");
        refused("", split + "select: {param: polynomial.degree, values: [1, 2]}", "{type: DeepRegressor}",
                "select.param", "preprocess.polynomial");
        refused("", split + "select: {param: l2, values: []}", "{type: DeepRegressor}", "select.values",
                "non-empty list");
    }

    @Test
    void rowWeightsAreAColumnApartAndClassWeightsAreBalanced() {
        JobConfig c = parse(", weight: w, classWeights: Balanced", "", "{type: DeepClassifier}");
        assertEquals("w", c.data().weight());
        assertEquals("balanced", c.data().classWeights());

        refused(", weight: y", "", "{type: DeepClassifier}", "data.weight", "data.label");
        refused(", features: [a, w], weight: w", "", "{type: DeepClassifier}", "data.weight", "data.features");
        refused(", classWeights: inverse", "", "{type: DeepClassifier}", "data.classWeights", "balanced");
    }
}
