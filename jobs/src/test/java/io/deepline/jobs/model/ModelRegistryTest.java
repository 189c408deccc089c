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

class ModelRegistryTest {

    @Test
    void configuresADeepClassifierFromItsSection() {
        ConfiguredModel m = ModelRegistry.standard()
                .configure(new ModelSection("DeepClassifier", Map.of("maxEpochs", IntNode.valueOf(3))), "model");

        DeepClassifier c = assertInstanceOf(DeepClassifier.class, m.estimator());
        assertEquals(3, c.getOrDefault(c.getParam("maxEpochs")));
        assertEquals("DeepClassifier", m.factory().type());
    }

    @Test
    void anUnknownTypeIsNamedWithTheKnownOnes() {
        JobConfigException e = assertThrows(JobConfigException.class,
                () -> ModelRegistry.standard().configure(new ModelSection("deepclassifier", Map.of()), "model"));

        assertEquals("model.type", e.keyPath());
        assertTrue(e.fix().contains("Did you mean 'DeepClassifier'?"), e.fix());
    }

    @Test
    void typesAreUnique() {
        assertEquals(Set.of("DeepClassifier", "DeepRegressor", "PerceptronClassifier", "SequenceClassifier",
                "SequenceRegressor", "SequenceTagger", "SequenceGenerator", "Seq2Seq", "TransformerClassifier",
                "ImageClassifier", "AutoEncoder", "VariationalAutoEncoder"),
                ModelRegistry.standard().types());
        assertThrows(IllegalStateException.class,
                () -> new ModelRegistry(List.of(new DeepClassifierFactory(), new DeepClassifierFactory())));
    }
}
