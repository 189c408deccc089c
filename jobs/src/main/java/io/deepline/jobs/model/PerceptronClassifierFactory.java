package io.deepline.jobs.model;

import io.deepline.pipelines.classification.perceptron.PerceptronClassificationModel;
import io.deepline.pipelines.classification.perceptron.PerceptronClassifier;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.Transformer;

/** {@code model.type: PerceptronClassifier}: Rosenblatt's perceptron for 0/1 labels, by iterative parameter mixing. */
public final class PerceptronClassifierFactory implements ModelFactory {

    @Override
    public String type() {
        return "PerceptronClassifier";
    }

    @Override
    public Estimator<?> newEstimator() {
        return new PerceptronClassifier();
    }

    @Override
    public int epochsTrained(Transformer fitted) {
        return fitted instanceof PerceptronClassificationModel m ? m.mistakesPerEpoch().length : 0;
    }

    @Override
    public Map<String, Object> facts(Transformer fitted) {
        Map<String, Object> facts = new LinkedHashMap<>();
        if (fitted instanceof PerceptronClassificationModel m) {
            facts.put("numFeatures", m.numFeatures());
            facts.put("converged", m.converged());
            facts.put("mistakesPerEpoch", m.mistakesPerEpoch());
        }
        return facts;
    }
}
