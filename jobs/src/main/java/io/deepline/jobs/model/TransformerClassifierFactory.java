package io.deepline.jobs.model;

import io.deepline.pipelines.sequence.TransformerClassificationModel;
import io.deepline.pipelines.sequence.TransformerClassifier;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.Transformer;

/**
 * {@code model.type: TransformerClassifier}: a Transformer encoder classifier of one class per sequence, read from
 * {@code data.text} (as word ids) or {@code data.sequence}.
 */
public final class TransformerClassifierFactory implements ModelFactory {

    @Override
    public String type() {
        return "TransformerClassifier";
    }

    @Override
    public Estimator<?> newEstimator() {
        return new TransformerClassifier();
    }

    @Override
    public boolean readsSequences() {
        return true;
    }

    @Override
    public Map<String, Object> facts(Transformer fitted) {
        Map<String, Object> facts = new LinkedHashMap<>();
        if (fitted instanceof TransformerClassificationModel m) {
            facts.put("numClasses", m.numClasses());
            facts.putAll(SequenceFacts.ofTransformer(m, m.sequenceInput(), m.numFeatures()));
        }
        return facts;
    }
}
