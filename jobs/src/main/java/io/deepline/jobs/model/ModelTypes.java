package io.deepline.jobs.model;

import io.deepline.jobs.config.JobConfigException;
import io.deepline.jobs.config.ModelSection;
import io.deepline.jobs.config.Suggestions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.ml.Estimator;

/** The model types a job file may name, by {@code model.type}. */
public final class ModelTypes {

    private final Map<String, ModelFactory> byType = new LinkedHashMap<>();

    /** Exactly these factories; two with the same type are a programming error. */
    public ModelTypes(List<? extends ModelFactory> factories) {
        for (ModelFactory f : factories) {
            if (byType.putIfAbsent(f.type(), f) != null) {
                throw new IllegalStateException("two model factories for type " + f.type());
            }
        }
    }

    /** Every model type Deepline ships. */
    public static ModelTypes standard() {
        return new ModelTypes(List.of(new DeepClassifierFactory(), new DeepRegressorFactory(),
                new PerceptronClassifierFactory(), new SequenceClassifierFactory(), new SequenceRegressorFactory(),
                new SequenceTaggerFactory(), new SequenceGeneratorFactory(), new Seq2SeqFactory(),
                new TransformerClassifierFactory(), new ImageClassifierFactory(), new AutoEncoderFactory(),
                new VariationalAutoEncoderFactory()));
    }

    /** The known types, in registration order. */
    public Set<String> types() {
        return Collections.unmodifiableSet(byType.keySet());
    }

    /**
     * The factory for {@code type}.
     *
     * @param keyPath where the type was written, e.g. {@code model.type}, for the error message
     * @throws JobConfigException if no factory has that type; the message lists the known ones
     */
    public ModelFactory lookup(String type, String keyPath) {
        ModelFactory f = byType.get(type);
        if (f == null) {
            List<String> known = new ArrayList<>(byType.keySet());
            known.add(ModelSection.ENSEMBLE);
            throw new JobConfigException(keyPath, "unknown model type '" + type + "'",
                    Suggestions.fix(type, known, "Known model types"));
        }
        return f;
    }

    /**
     * Makes the estimator a {@code model:} section describes and sets its params. Runs before Spark starts, so a
     * bad param fails in a second rather than after the data is read.
     *
     * @param sectionKey where the section is in the job file, e.g. {@code model}
     */
    public ConfiguredModel configure(ModelSection section, String sectionKey) {
        if (section.isEnsemble()) {
            return EnsembleFactory.configure(this, section, sectionKey);
        }
        ModelFactory factory = lookup(section.type(), JobConfigException.join(sectionKey, "type"));
        Estimator<?> estimator = factory.newEstimator();
        ParamBinder.bind(estimator, section.params(), JobConfigException.join(sectionKey, "params"));
        return new ConfiguredModel(factory, estimator);
    }
}
