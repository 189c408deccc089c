package io.deepline.jobs.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.deepline.jobs.config.JobConfigException;
import io.deepline.jobs.config.PreprocessSection;
import io.deepline.pipelines.classification.DeepClassifier;
import java.util.List;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.StandardScaler;
import org.apache.spark.ml.feature.StringIndexer;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** Which stages a job's pipeline gets, and how they are wired; no SparkSession needed. */
class TrainingPipelineTest {

    private static final StructType NAMED = new StructType().add("a", DataTypes.DoubleType)
            .add("b", DataTypes.DoubleType).add("species", DataTypes.StringType);

    @Test
    void stringLabelsAreIndexedAndFeaturesAssembledAndStandardized() {
        DeepClassifier clf = new DeepClassifier();
        InputSchema input = new InputSchema("species", true, List.of("a", "b"), false);

        TrainingPipeline p = TrainingPipeline.build(NAMED, input, new PreprocessSection(true, null), clf, true);

        PipelineStage[] stages = p.pipeline().getStages();
        assertEquals(4, stages.length);
        assertInstanceOf(StringIndexer.class, stages[0]);
        assertInstanceOf(VectorAssembler.class, stages[1]);
        assertInstanceOf(StandardScaler.class, stages[2]);
        assertSame(clf, stages[3]);
        assertEquals(TrainingPipeline.INDEXED_LABEL, clf.getLabelCol());
        assertEquals(TrainingPipeline.STANDARDIZED_FEATURES, clf.getFeaturesCol());
        assertEquals(TrainingPipeline.INDEXED_LABEL, p.labelColumn());
        assertEquals("prediction", p.predictionColumn());
    }

    @Test
    void aVectorColumnNeedsNoAssembler() {
        StructType libsvm = new StructType().add("label", DataTypes.DoubleType)
                .add("features", SQLDataTypes.VectorType());
        DeepClassifier clf = new DeepClassifier();

        TrainingPipeline p = TrainingPipeline.build(libsvm, new InputSchema("label", false, List.of("features"), true),
                PreprocessSection.DEFAULT, clf, true);

        assertEquals(1, p.pipeline().getStages().length);
        assertEquals("features", clf.getFeaturesCol());
        assertEquals("label", clf.getLabelCol());
    }

    @Test
    void anInputColumnThePipelineWouldOverwriteIsAnError() {
        StructType scored = NAMED.add("prediction", DataTypes.DoubleType);
        InputSchema input = new InputSchema("species", true, List.of("a", "b"), false);

        JobConfigException e = assertThrows(JobConfigException.class,
                () -> TrainingPipeline.build(scored, input, PreprocessSection.DEFAULT, new DeepClassifier(), true));

        assertEquals("data.path", e.keyPath());
    }
}
