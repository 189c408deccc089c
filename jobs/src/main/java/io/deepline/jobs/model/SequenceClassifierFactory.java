package io.deepline.jobs.model;

import io.deepline.pipelines.sequence.SequenceClassificationModel;
import io.deepline.pipelines.sequence.SequenceClassifier;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.Transformer;

/**
 * {@code model.type: SequenceClassifier}: a recurrent (rnn, lstm or gru) classifier of one class per sequence, read
 * from {@code data.text} (as word ids) or {@code data.sequence}.
 */
public final class SequenceClassifierFactory implements ModelFactory {

    @Override
    public String type() {
        return "SequenceClassifier";
    }

    @Override
    public Estimator<?> newEstimator() {
        return new SequenceClassifier();
    }

    @Override
    public boolean readsSequences() {
        return true;
    }

    @Override
    public Map<String, Object> facts(Transformer fitted) {
        Map<String, Object> facts = new LinkedHashMap<>();
        if (fitted instanceof SequenceClassificationModel m) {
            facts.put("numClasses", m.numClasses());
            facts.putAll(SequenceFacts.of(m, m.sequenceInput(), m.numFeatures()));
        }
        return facts;
    }
}
