package io.deepline.models.layers;

import java.util.List;
import java.util.function.Predicate;
import org.deeplearning4j.nn.api.TrainingConfig;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.regularization.L2Regularization;
import org.nd4j.linalg.learning.regularization.Regularization;

/**
 * What the graph's updater asks of a hand-written vertex's parameters ({@link AttentiveGruDecoder},
 * {@link MultiHeadAttention}): its updater, L2 on the weights (not the biases, as DL4J's {@code .l2()}), no gradient
 * normalisation. The name must be the vertex's: the updater files gradients under "vertexName_param".
 */
final class VertexTrainingConfig implements TrainingConfig {
    private final String name;
    private final IUpdater updater;
    private final List<Regularization> weightRegularization;

    private final Predicate<String> isWeight;

    /**
     * @param l2       DL4J's L2 coefficient on the weights; 0 for none
     * @param isWeight which parameter keys are weights (the rest are biases, without L2)
     */
    VertexTrainingConfig(String name, IUpdater updater, double l2, Predicate<String> isWeight) {
        this.name = name;
        this.updater = updater;
        this.weightRegularization = l2 > 0 ? List.of(new L2Regularization(l2)) : List.of();
        this.isWeight = isWeight;
    }

    @Override
    public String getLayerName() {
        return name;
    }

    @Override
    public List<Regularization> getRegularizationByParam(String paramName) {
        return isWeight.test(paramName) ? weightRegularization : List.of();
    }

    @Override
    public boolean isPretrainParam(String paramName) {
        return false;
    }

    @Override
    public IUpdater getUpdaterByParam(String paramName) {
        return updater;
    }

    @Override
    public GradientNormalization getGradientNormalization() {
        return GradientNormalization.None;
    }

    @Override
    public double getGradientNormalizationThreshold() {
        return 1.0;
    }

    @Override
    public void setDataType(DataType dataType) {
        // parameters take the graph's data type; nothing to store
    }
}
