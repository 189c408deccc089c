package io.deepline.pipelines.sequence;

import io.deepline.pipelines.core.data.BatchStorage;
import io.deepline.models.spec.Seq2SeqSpec;
import io.deepline.pipelines.core.data.sequence.Seq2SeqBatch;
import io.deepline.pipelines.core.data.sequence.SequenceDataCheck;
import io.deepline.pipelines.core.data.sequence.SequenceDataProfile;
import io.deepline.pipelines.core.data.sequence.SequenceInput;
import io.deepline.pipelines.core.data.sequence.SequenceLabel;
import io.deepline.pipelines.core.data.sequence.SequenceReader;
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

/** {@link Seq2Seq}'s fit: check both token columns in one pass each, build teacher-forced batches, train. */
final class Seq2SeqFitting {
    private Seq2SeqFitting() {
    }

    static FittedNetwork fit(Seq2Seq stage, Dataset<?> dataset, TrainingListener listener) {
        Instant started = Instant.now();
        SequenceFitting.refuseTabularOnlyParams(stage, "Seq2Seq");
        Seq2SeqSpec spec = stage.toSeq2SeqSpec();
        String sourceCol = stage.getFeaturesCol();
        String targetCol = stage.getLabelCol();
        Dataset<Row> rows = dataset.select(functions.col(sourceCol), functions.col(targetCol));
        SequenceDataCheck.Summary sources = SequenceDataCheck.forRegression(SequenceDataProfile.of(
                rows.select(functions.col(sourceCol), functions.lit(0.0)), SequenceInput.TOKEN_IDS,
                SequenceLabel.PER_SEQUENCE, stage.getSourceVocabularySize()), sourceCol, "(none)");
        SequenceDataCheck.forTargets(SequenceDataProfile.of(rows.select(functions.col(targetCol),
                functions.lit(0.0)), SequenceInput.TOKEN_IDS, SequenceLabel.PER_SEQUENCE,
                stage.getTargetVocabularySize()), targetCol);
        SparkSession spark = dataset.sparkSession();
        int workers = WorkerChoice.resolve(stage, "Seq2Seq", spark, sources.rows());
        SequenceReader reader = new SequenceReader(SequenceInput.TOKEN_IDS, 1, stage.getSourceVocabularySize(),
                stage.getMaxSequenceLength(), stage.getTruncation(), sourceCol);
        JavaRDD<Seq2SeqBatch> batches = rows.javaRDD().repartition(workers)
                .mapPartitionsWithIndex(new Seq2SeqBatcher(reader, stage.getMaxOutputLength() + 1,
                        stage.getTargetVocabularySize(), stage.getBatchSize(), stage.getSeed()), true)
                .persist(BatchStorage.LEVEL);
        try {
            TrainingSettings settings = TrainingSettings.of(stage, "Seq2Seq", workers);
            TrainingResult result = new ParameterAveragingTrainer(settings, listener)
                    .train(batches, spec.initialState());
            Provenance provenance = Provenance.of(spark, sources.rows(), Map.of(), workers, stage.getSeed(), started);
            return new FittedNetwork(result.network(), 1, result.history(), provenance);
        } finally {
            batches.unpersist(false);
        }
    }
}
