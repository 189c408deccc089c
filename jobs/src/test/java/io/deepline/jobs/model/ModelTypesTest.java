package io.deepline.jobs.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.IntNode;
import io.deepline.jobs.config.JobConfigException;
import io.deepline.jobs.config.ModelSection;
import io.deepline.pipelines.classification.DeepClassifier;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ModelTypesTest {

    @Test
    void configuresADeepClassifierFromItsSection() {
        ConfiguredModel m = ModelTypes.standard()
                .configure(new ModelSection("DeepClassifier", Map.of("maxEpochs", IntNode.valueOf(3))), "model");

        DeepClassifier c = assertInstanceOf(DeepClassifier.class, m.estimator());
        assertEquals(3, c.getOrDefault(c.getParam("maxEpochs")));
        assertEquals("DeepClassifier", m.factory().type());
    }

    @Test
    void anUnknownTypeIsNamedWithTheKnownOnes() {
        JobConfigException e = assertThrows(JobConfigException.class,
                () -> ModelTypes.standard().configure(new ModelSection("deepclassifier", Map.of()), "model"));

        assertEquals("model.type", e.keyPath());
        assertTrue(e.fix().contains("Did you mean 'DeepClassifier'?"), e.fix());
    }

    @Test
    void typesAreUnique() {
        assertEquals(Set.of("DeepClassifier", "DeepRegressor", "PerceptronClassifier", "SequenceClassifier",
                "SequenceRegressor", "SequenceTagger", "SequenceGenerator", "Seq2Seq", "TransformerClassifier",
                "ImageClassifier", "AutoEncoder", "VariationalAutoEncoder"),
                ModelTypes.standard().types());
        assertThrows(IllegalStateException.class,
                () -> new ModelTypes(List.of(new DeepClassifierFactory(), new DeepClassifierFactory())));
    }
}
