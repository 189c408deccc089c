package io.deepline.jobs.model;

import io.deepline.pipelines.regression.DeepRegressionModel;
import io.deepline.pipelines.regression.DeepRegressor;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.Transformer;

/** {@code model.type: DeepRegressor}: a Gaussian or Poisson GLM or deep regressor trained by parameter averaging. */
public final class DeepRegressorFactory implements ModelFactory {

    @Override
    public String type() {
        return "DeepRegressor";
    }

    @Override
    public Estimator<?> newEstimator() {
        return new DeepRegressor();
    }

    @Override
    public boolean classifies() {
        return false;
    }

    @Override
    public Map<String, Object> facts(Transformer fitted) {
        Map<String, Object> facts = new LinkedHashMap<>();
        if (fitted instanceof DeepRegressionModel m) {
            facts.put("family", m.getFamily());
            facts.put("numFeatures", m.numFeatures());
            facts.put("numOutputs", m.numOutputs());
        }
        return facts;
    }
}
