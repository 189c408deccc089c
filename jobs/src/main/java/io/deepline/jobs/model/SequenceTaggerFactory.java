package io.deepline.jobs.model;

import io.deepline.jobs.metrics.ClassificationMetrics;
import io.deepline.jobs.metrics.StepPredictions;
import io.deepline.jobs.metrics.TestMetrics;
import io.deepline.pipelines.sequence.SequenceTagger;
import io.deepline.pipelines.sequence.SequenceTaggerModel;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.Transformer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code model.type: SequenceTagger}: a recurrent (rnn, lstm or gru) classifier of one class per step (a tag per
 * token), read from {@code data.sequence} or {@code data.text}, with an {@code array<double>} label per row.
 */
public final class SequenceTaggerFactory implements ModelFactory {

    @Override
    public String type() {
        return "SequenceTagger";
    }

    @Override
    public Estimator<?> newEstimator() {
        return new SequenceTagger();
    }

    @Override
    public boolean readsSequences() {
        return true;
    }

    @Override
    public boolean labelsPerStep() {
        return true;
    }

    /** The classification report over every labelled step of the test sequences (the tagger has no probabilities). */
    @Override
    public TestMetrics evaluate(Dataset<Row> scored, String labelColumn, String predictionColumn,
                                String probabilityColumn) {
        return ClassificationMetrics.evaluate(StepPredictions.of(scored, labelColumn, predictionColumn), labelColumn,
                predictionColumn);
    }

    @Override
    public Map<String, Object> facts(Transformer fitted) {
        Map<String, Object> facts = new LinkedHashMap<>();
        if (fitted instanceof SequenceTaggerModel m) {
            facts.put("numClasses", m.numClasses());
            facts.putAll(SequenceFacts.of(m, m.sequenceInput(), m.numFeatures()));
        }
        return facts;
    }
}
