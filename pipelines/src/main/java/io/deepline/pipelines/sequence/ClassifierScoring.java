package io.deepline.pipelines.sequence;

import io.deepline.models.state.NetworkSnapshot;
import io.deepline.pipelines.classification.ClassProbabilities;
import io.deepline.pipelines.core.data.sequence.SequenceReader;
import io.deepline.pipelines.core.inference.HasFittedNetwork;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.shared.HasFeaturesCol;
import org.apache.spark.ml.param.shared.HasPredictionCol;
import org.apache.spark.ml.param.shared.HasProbabilityCol;
import org.apache.spark.ml.param.shared.HasRawPredictionCol;
import org.apache.spark.ml.param.shared.HasThresholds;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * The scoring every many-to-one sequence classification model shares, whatever its network (recurrent or
 * Transformer): MLlib's {@code rawPrediction} (log class probabilities), {@code probability} and {@code prediction}
 * from a network whose output is the class probabilities, in padded batches on the executors or one sequence on
 * the driver.
 */
final class ClassifierScoring {

    private ClassifierScoring() {
    }

    /** Appends the classifier columns to {@code dataset}; {@code outputSchema} is the model's transformSchema. */
    static <M extends HasFittedNetwork & HasSequenceInputParams<?> & HasFeaturesCol & HasRawPredictionCol
            & HasProbabilityCol & HasPredictionCol & HasThresholds> Dataset<Row> transform(M model, Dataset<?> dataset, StructType outputSchema, SequenceReader reader) {
        Broadcast<NetworkSnapshot> bc = model.fittedNetwork()
                .broadcastForScoring(dataset.sparkSession().sparkContext());
        List<String> inputs = List.of(dataset.schema().fieldNames());
        return dataset.toDF().mapPartitions(new Scorer(bc, inputs.indexOf(model.getFeaturesCol()), reader,
                model.getInferenceBatchSize(), model.getRawPredictionCol(), model.getProbabilityCol(),
                model.getPredictionCol(), model.isDefined(model.thresholds()) ? model.getThresholds() : null),
                Encoders.row(outputSchema));
    }

    /** Log class probabilities of one sequence, read by {@code reader}, on the driver. */
    static Vector predictRaw(TrainedSequence trained, SequenceReader reader, Object sequence) {
        float[] output = trained.outputs(reader.read(sequence, "value passed to predict"))[0];
        return Vectors.dense(ClassProbabilities.raw(output));
    }

    /** Appends the classifier columns that are set, in the order of the output schema. */
    private static final class Scorer extends SequenceScorer {
        private static final long serialVersionUID = 1L;

        private final boolean raw;
        private final boolean probability;
        private final boolean prediction;
        private final double[] thresholds;

        Scorer(Broadcast<NetworkSnapshot> network, int featuresIndex, SequenceReader reader, int batchSize,
               String rawCol, String probabilityCol, String predictionCol, double[] thresholds) {
            super(network, featuresIndex, reader, batchSize);
            this.raw = !rawCol.isEmpty();
            this.probability = !probabilityCol.isEmpty();
            this.prediction = !predictionCol.isEmpty();
            this.thresholds = thresholds == null ? null : thresholds.clone();
        }

        @Override
        protected List<Object> outputs(float[][] networkOutputs) {
            double[] rawValues = ClassProbabilities.raw(networkOutputs[0]);
            double[] p = ClassProbabilities.probability(rawValues);
            List<Object> values = new ArrayList<>(3);
            if (raw) {
                values.add(Vectors.dense(rawValues));
            }
            if (probability) {
                values.add(Vectors.dense(p));
            }
            if (prediction) {
                values.add(ClassProbabilities.prediction(rawValues, p, thresholds));
            }
            return values;
        }
    }
}
