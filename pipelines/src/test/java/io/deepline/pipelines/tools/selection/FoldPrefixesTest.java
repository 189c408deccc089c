package io.deepline.pipelines.tools.selection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.deepline.pipelines.classification.DeepClassificationModel;
import io.deepline.pipelines.classification.DeepClassifier;
import io.deepline.pipelines.testing.DataSamples;
import io.deepline.pipelines.testing.SparkSessionExtension;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.StandardScaler;
import org.apache.spark.ml.feature.StandardScalerModel;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.tuning.ParamGridBuilder;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The untuned leading stages fitted once per fold: the same pipeline models as fitting each candidate whole. */
@ExtendWith(SparkSessionExtension.class)
class FoldPrefixesTest {
    private final StandardScaler scaler = new StandardScaler().setInputCol("features").setOutputCol("scaled")
            .setWithMean(true);
    private final DeepClassifier net = new DeepClassifier().setFeaturesCol("scaled").setHiddenLayers(new int[] {6})
            .setMaxEpochs(3).setBatchSize(16).setSeed(2);
    private final Pipeline pipeline = new Pipeline().setStages(new PipelineStage[] {scaler, net});

    @Test
    void sharesTheLeadingStagesNoGridPointSets() {
        ParamMap[] byRate = new ParamGridBuilder().addGrid(net.learningRate(), new double[] {0.01, 0.001}).build();
        assertEquals(1, FoldPrefixes.sharedStages(pipeline, byRate));
        ParamMap[] byScaler = new ParamGridBuilder().addGrid(scaler.withStd()).build();
        assertEquals(0, FoldPrefixes.sharedStages(pipeline, byScaler), "a tuned scaler is fitted per candidate");
        assertEquals(0, FoldPrefixes.sharedStages(net, byRate), "a lone estimator has nothing to share");
        Pipeline transformersOnly = new Pipeline().setStages(new PipelineStage[] {
                new VectorAssembler().setInputCols(new String[] {"features"}).setOutputCol("scaled"), net});
        assertEquals(0, FoldPrefixes.sharedStages(transformersOnly, byRate), "nothing to fit, nothing to share");
    }

    @Test
    void everyCandidateGetsTheModelItsOwnPipelineFitGivesWithTheScalerFittedOnce(SparkSession spark) {
        Dataset<Row> fold = DataSamples.iris(spark).filter(functions.rand(3).lt(0.8)).cache();
        ParamMap[] grid = new ParamGridBuilder().addGrid(net.learningRate(), new double[] {0.01, 0.001}).build();
        FoldPrefixes prefixes = FoldPrefixes.of(pipeline, grid);

        Pipeline first = pipeline.copy(grid[0]);
        PipelineModel shared = prefixes.fit(first, fold);
        PipelineModel whole = first.fit(fold);
        PipelineModel second = prefixes.fit(pipeline.copy(grid[1]), fold);

        assertEquals(whole.uid(), shared.uid());
        assertEquals(whole.stages().length, shared.stages().length);
        assertEquals(((StandardScalerModel) whole.stages()[0]).mean(), ((StandardScalerModel) shared.stages()[0]).mean());
        assertArrayEquals(((DeepClassificationModel) whole.stages()[1]).fittedNetwork().snapshot().params(),
                ((DeepClassificationModel) shared.stages()[1]).fittedNetwork().snapshot().params(),
                "the candidate trains on the same scaled rows");
        assertSame(shared.stages()[0], second.stages()[0], "the fold's scaler is fitted once");
        assertEquals(0.001, ((DeepClassificationModel) second.stages()[1]).getLearningRate());
    }
}
