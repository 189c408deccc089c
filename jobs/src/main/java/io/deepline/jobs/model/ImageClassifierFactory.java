package io.deepline.jobs.model;

import io.deepline.pipelines.vision.ImageClassificationModel;
import io.deepline.pipelines.vision.ImageClassifier;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.Transformer;

/** {@code model.type: ImageClassifier}: a convolutional network over pixel columns, trained by parameter averaging. */
public final class ImageClassifierFactory implements ModelFactory {

    @Override
    public String type() {
        return "ImageClassifier";
    }

    @Override
    public Estimator<?> newEstimator() {
        return new ImageClassifier();
    }

    @Override
    public Map<String, Object> facts(Transformer fitted) {
        Map<String, Object> facts = new LinkedHashMap<>();
        if (fitted instanceof ImageClassificationModel m) {
            facts.put("numClasses", m.numClasses());
            facts.put("imageShape", m.getImageShape().toArray());
            facts.put("architecture", m.getArchitecture());
            facts.put("numParams", m.networkSnapshot().params().length);
        }
        return facts;
    }
}
