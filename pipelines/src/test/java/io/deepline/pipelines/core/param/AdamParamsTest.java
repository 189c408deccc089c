package io.deepline.pipelines.core.param;

import static io.deepline.pipelines.testing.StageContract.assertFailsNaming;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.deepline.models.optim.SeedAdam;
import io.deepline.models.spec.AdamMoments;
import io.deepline.pipelines.classification.DeepClassificationModel;
import io.deepline.pipelines.classification.DeepClassifier;
import io.deepline.pipelines.generative.AutoEncoder;
import io.deepline.pipelines.generative.VariationalAutoEncoder;
import io.deepline.pipelines.core.persist.ModelFixtures;
import io.deepline.pipelines.regression.DeepRegressor;
import io.deepline.pipelines.sequence.Seq2Seq;
import io.deepline.pipelines.sequence.SequenceClassifier;
import io.deepline.pipelines.sequence.TransformerClassifier;
import io.deepline.pipelines.testing.SparkSessionExtension;
import io.deepline.pipelines.vision.ImageClassifier;
import java.nio.file.Paths;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The training Params adamBeta1, adamBeta2, adamEpsilon and gradientNormStop: defaults as before they existed,
 * validated with a message naming the Param, passed to the Adam updater of every stage family, and absent from
 * models saved before them (which load with the defaults).
 */
@ExtendWith(SparkSessionExtension.class)
class AdamParamsTest {
    private static final AdamMoments CUSTOM = new AdamMoments(0.8, 0.99, 1e-6);

    @Test
    void defaultsAreTheMomentsEveryNetworkUsedBefore() {
        DeepClassifier stage = new DeepClassifier();
        assertEquals(AdamMoments.DEFAULT, stage.getAdamMoments());
        assertEquals(0.9, stage.getOrDefault(stage.adamBeta1()));
        assertEquals(0.999, stage.getOrDefault(stage.adamBeta2()));
        assertEquals(1e-8, stage.getOrDefault(stage.adamEpsilon()));
        assertEquals(0.0, stage.getGradientNormStop());
    }

    @Test
    void badValuesAreRefusedNamingTheParam() {
        assertFailsNaming(IllegalArgumentException.class, () -> new DeepClassifier().setAdamBeta1(1.0), "adamBeta1");
        assertFailsNaming(IllegalArgumentException.class, () -> new DeepRegressor().setAdamBeta2(-0.5), "adamBeta2");
        assertFailsNaming(IllegalArgumentException.class, () -> new AutoEncoder().setAdamEpsilon(0.0), "adamEpsilon");
        assertFailsNaming(IllegalArgumentException.class, () -> new Seq2Seq().setGradientNormStop(-1e-3),
                "gradientNormStop");
        assertFailsNaming(IllegalArgumentException.class,
                () -> new DeepClassifier().setGradientNormStop(Double.POSITIVE_INFINITY), "gradientNormStop");
    }

    @Test
    void everyStageFamilyPassesTheMomentsToItsNetwork() {
        DeepClassifier mlp = custom(new DeepClassifier()).setHiddenLayers(new int[] {4});
        List<NeuralNetConfiguration> layers = mlp.toMlpSpec().toConfiguration(3, 2).getConfs();
        assertEquals(2, layers.size());
        for (NeuralNetConfiguration layer : layers) {
            SeedAdam adam = assertInstanceOf(SeedAdam.class, ((BaseLayer) layer.getLayer()).getIUpdater());
            assertEquals(0.8, adam.getBeta1());
            assertEquals(0.99, adam.getBeta2());
            assertEquals(1e-6, adam.getEpsilon());
        }
        assertEquals(CUSTOM, custom(new ImageClassifier()).setImageShape(new int[] {1, 8, 8}).toCnnSpec().training()
                .adam());
        assertEquals(CUSTOM, custom(new AutoEncoder()).toAutoEncoderSpec().training().adam());
        assertEquals(CUSTOM, custom(new VariationalAutoEncoder()).toVaeSpec().training().adam());
        assertEquals(CUSTOM, custom(new SequenceClassifier()).toNetworkTraining().adam());
        assertEquals(CUSTOM, custom(new TransformerClassifier()).toNetworkTraining().adam());
        assertEquals(CUSTOM, custom(new Seq2Seq()).setSourceVocabularySize(10).setTargetVocabularySize(10)
                .toSeq2SeqSpec().training().adam());
    }

    @Test
    void aModelSavedBeforeTheseParamsLoadsWithTheirDefaults(SparkSession spark) throws Exception {
        String path = Paths.get(AdamParamsTest.class.getResource("/fixtures/" + ModelFixtures.CLASSIFIER_FORMAT_1)
                .toURI()).resolve("model").toString();
        DeepClassificationModel model = DeepClassificationModel.load(path);
        assertFalse(model.isSet(model.adamBeta1()) || model.isSet(model.gradientNormStop()),
                "the fixture predates the Params, so nothing sets them");
        assertEquals(AdamMoments.DEFAULT, model.getAdamMoments());
        assertEquals(0.0, model.getGradientNormStop());
    }

    private static <S extends HasTrainingParams<S>> S custom(S stage) {
        return stage.setUpdater("adam").setAdamBeta1(0.8).setAdamBeta2(0.99).setAdamEpsilon(1e-6);
    }
}
