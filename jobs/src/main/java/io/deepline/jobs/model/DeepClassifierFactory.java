package io.deepline.jobs.model;

import io.deepline.pipelines.classification.DeepClassificationModel;
import io.deepline.pipelines.classification.DeepClassifier;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.Transformer;

/** {@code model.type: DeepClassifier}: a multilayer perceptron classifier trained by parameter averaging. */
public final class DeepClassifierFactory implements ModelFactory {

    @Override
    public String type() {
        return "DeepClassifier";
    }

    @Override
    public Estimator<?> newEstimator() {
        return new DeepClassifier();
    }

    @Override
    public Map<String, Object> facts(Transformer fitted) {
        Map<String, Object> facts = new LinkedHashMap<>();
        if (fitted instanceof DeepClassificationModel m) {
            facts.put("numClasses", m.numClasses());
            facts.put("numFeatures", m.numFeatures());
        }
        return facts;
    }
}
