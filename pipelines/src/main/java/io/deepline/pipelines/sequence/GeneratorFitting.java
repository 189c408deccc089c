package io.deepline.pipelines.sequence;

import io.deepline.pipelines.core.data.BatchStorage;
import io.deepline.models.spec.OutputHead;
import io.deepline.models.spec.SequenceOutput;
import io.deepline.models.spec.SequencePooling;
import io.deepline.models.spec.SequenceSpec;
import io.deepline.pipelines.core.data.LabeledDataProfile;
import io.deepline.pipelines.core.data.RegressionDataCheck;
import io.deepline.pipelines.core.data.sequence.SequenceBatch;
import io.deepline.pipelines.core.data.sequence.SequenceDataCheck;
import io.deepline.pipelines.core.data.sequence.SequenceDataProfile;
import io.deepline.pipelines.core.data.sequence.SequenceInput;
import io.deepline.pipelines.core.data.sequence.SequenceLabel;
import io.deepline.pipelines.core.inference.FittedNetwork;
import io.deepline.pipelines.core.persist.Provenance;
import io.deepline.pipelines.core.train.ParameterAveragingTrainer;
import io.deepline.pipelines.core.train.TrainingListener;
import io.deepline.pipelines.core.train.TrainingResult;
import io.deepline.pipelines.core.train.TrainingSettings;
import io.deepline.pipelines.core.train.WorkerChoice;
import java.time.Instant;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/** {@link SequenceGenerator}'s fit: check vectors and targets, build teacher-forced batches, train, free them. */
final class GeneratorFitting {

    record Fitted(FittedNetwork network, GeneratorLayout layout) {
    }

    private GeneratorFitting() {
    }

    static Fitted fit(SequenceGenerator stage, Dataset<?> dataset, TrainingListener listener) {
        Instant started = Instant.now();
        SequenceFitting.refuseTabularOnlyParams(stage, "SequenceGenerator");
        if (stage.getBidirectional()) {
            throw new IllegalArgumentException("SequenceGenerator does not take bidirectional=true: it generates left"
                    + " to right from its own previous outputs, which a backward direction cannot read; set"
                    + " bidirectional=false");
        }
        String featuresCol = stage.getFeaturesCol();
        String labelCol = stage.getLabelCol();
        GeneratedOutput output = GeneratedOutput.of(dataset.schema(), labelCol, stage.getVocabularySize());
        Dataset<Row> rows = dataset.select(functions.col(featuresCol), functions.col(labelCol));
        int numFeatures = RegressionDataCheck.check(LabeledDataProfile.of(rows.select(functions.col(featuresCol),
                functions.lit(0.0))), featuresCol, labelCol, false).numFeatures();
        SequenceDataProfile targets = SequenceDataProfile.of(rows.select(functions.col(labelCol),
                        functions.lit(0.0)), output == GeneratedOutput.TOKENS ? SequenceInput.TOKEN_IDS
                        : SequenceInput.UNIVARIATE, SequenceLabel.PER_SEQUENCE, stage.getVocabularySize());
        long count = SequenceDataCheck.forTargets(targets, labelCol).rows();
        GeneratorLayout layout = new GeneratorLayout(numFeatures, output, stage.getVocabularySize(),
                stage.getMaxSequenceLength());
        SequenceSpec spec = stage.toSequenceSpec(SequenceInput.STEP_VECTORS, SequenceOutput.PER_STEP,
                SequencePooling.LAST);
        OutputHead head = output == GeneratedOutput.TOKENS ? OutputHead.categorical(layout.outputWidth())
                : OutputHead.gaussian(1);
        SparkSession spark = dataset.sparkSession();
        int workers = WorkerChoice.resolve(stage, "SequenceGenerator", spark, count);
        JavaRDD<SequenceBatch> batches = rows.javaRDD().repartition(workers)
                .mapPartitionsWithIndex(new GeneratorBatcher(layout, stage.getBatchSize(), stage.getSeed()), true)
                .persist(BatchStorage.LEVEL);
        try {
            TrainingSettings settings = TrainingSettings.of(stage, "SequenceGenerator", workers);
            TrainingResult result = new ParameterAveragingTrainer(settings, listener)
                    .train(batches, spec.initialState(layout.stepWidth(), head));
            Provenance provenance = Provenance.of(spark, count, Map.of(), workers, stage.getSeed(), started);
            return new Fitted(new FittedNetwork(result.network(), numFeatures, result.history(), provenance), layout);
        } finally {
            batches.unpersist(false);
        }
    }
}
