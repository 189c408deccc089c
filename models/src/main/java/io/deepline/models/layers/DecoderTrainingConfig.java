package io.deepline.models.layers;

import java.util.List;
import org.deeplearning4j.nn.api.TrainingConfig;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.regularization.L2Regularization;
import org.nd4j.linalg.learning.regularization.Regularization;

/**
 * What the graph's updater asks of an {@link AttentiveGruDecoder}'s parameters: its updater, L2 on the weights (not
 * the bias, as DL4J's {@code .l2()}), no gradient normalisation. The name must be the vertex's: the updater files
 * gradients under "vertexName_param".
 */
final class DecoderTrainingConfig implements TrainingConfig {
    private final String name;
    private final IUpdater updater;
    private final List<Regularization> weightRegularization;

    DecoderTrainingConfig(String name, AttentiveGruDecoder conf) {
        this.name = name;
        this.updater = conf.updater();
        this.weightRegularization = conf.l2() > 0 ? List.of(new L2Regularization(conf.l2())) : List.of();
    }

    @Override
    public String getLayerName() {
        return name;
    }

    @Override
    public List<Regularization> getRegularizationByParam(String paramName) {
        return AttentiveGruDecoderParams.isWeight(paramName) ? weightRegularization : List.of();
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
