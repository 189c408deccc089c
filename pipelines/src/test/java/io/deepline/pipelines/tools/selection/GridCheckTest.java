package io.deepline.pipelines.tools.selection;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.pipelines.classification.DeepClassifier;
import io.deepline.pipelines.core.interop.ScalaCollections;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.StandardScaler;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.tuning.ParamGridBuilder;
import org.junit.jupiter.api.Test;

/** Grids are checked against their estimator, and described by the params that vary. No Spark jobs. */
class GridCheckTest {

    @Test
    void aParamOfAnotherInstanceIsRejectedBecauseMllibWouldIgnoreIt() {
        DeepClassifier tuned = new DeepClassifier();
        DeepClassifier other = new DeepClassifier();
        ParamMap[] grid = new ParamGridBuilder().addGrid(other.learningRate(), new double[] {0.5, 0.1}).build();
        assertEquals(tuned.getLearningRate(), tuned.copy(grid[0]).getLearningRate(),
                "MLlib's copy(extra) silently drops a foreign param: the reason for GridCheck");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GridCheck.requireOwnedParams(tuned, grid));
        assertTrue(e.getMessage().contains("'learningRate'") && e.getMessage().contains(other.uid())
                && e.getMessage().contains(tuned.uid()) && e.getMessage().contains("DeepClassifier"), e.getMessage());
    }

    @Test
    void paramsOfPipelineStagesAreOwnedAndEmptyGridsAreNot() {
        DeepClassifier clf = new DeepClassifier();
        StandardScaler scaler = new StandardScaler();
        Pipeline inner = new Pipeline().setStages(new PipelineStage[] {clf});
        Pipeline pipeline = new Pipeline().setStages(new PipelineStage[] {scaler, inner});
        ParamMap[] grid = new ParamGridBuilder().addGrid(scaler.withMean()).addGrid(clf.maxEpochs(), new int[] {1, 2})
                .build();
        assertDoesNotThrow(() -> GridCheck.requireOwnedParams(pipeline, grid));
        IllegalArgumentException outside = assertThrows(IllegalArgumentException.class,
                () -> GridCheck.requireOwnedParams(new Pipeline().setStages(new PipelineStage[] {scaler}), grid));
        assertTrue(outside.getMessage().contains("'maxEpochs'") && outside.getMessage().contains(scaler.uid()),
                outside.getMessage());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> GridCheck.requireOwnedParams(clf, new ParamMap[0]));
        assertTrue(empty.getMessage().contains("grid is empty"), empty.getMessage());
    }

    @Test
    void descriptionsShowOnlyVaryingParamsWithReadableValues() {
        DeepClassifier clf = new DeepClassifier();
        ParamMap[] grid = new ParamGridBuilder()
                .addGrid(clf.hiddenLayers(), ScalaCollections.asScalaIterable(List.of(new int[] {16}, new int[] {32, 16})))
                .addGrid(clf.activation(), ScalaCollections.asScalaIterable(List.of("relu", "tanh")))
                .baseOn(clf.maxEpochs().w(7))
                .build();
        List<Map<String, String>> described = ParamGridDescription.describe(grid);
        assertEquals(4, described.size());
        for (Map<String, String> d : described) {
            assertEquals(List.of("activation", "hiddenLayers"), List.copyOf(d.keySet()), "maxEpochs is fixed: " + d);
        }
        assertTrue(described.stream().map(ParamGridDescription::text).anyMatch("activation=tanh, hiddenLayers=[32,16]"::equals),
                described.toString());

        ParamMap[] same = new ParamGridBuilder().baseOn(clf.maxEpochs().w(7)).build();
        assertEquals("maxEpochs=7", ParamGridDescription.text(ParamGridDescription.describe(same).get(0)),
                "a grid of one point shows what it sets");
        assertEquals("(defaults)", ParamGridDescription.text(ParamGridDescription.describe(new ParamMap[] {
                ParamMap.empty()}).get(0)));

        ParamMap[] clash = new ParamGridBuilder().addGrid(clf.learningRate(), new double[] {0.1, 0.2})
                .addGrid(new DeepClassifier("other").learningRate(), new double[] {0.3, 0.4}).build();
        assertTrue(ParamGridDescription.describe(clash).get(0).containsKey("other.learningRate"),
                "params of two stages with one name are told apart by the stage uid");
    }
}
