package io.deepline.models.spec;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.IUpdater;

/** The network-wide DL4J settings every spec shares: seed, float32 parameters, optimizer, weight init, l2. */
final class GlobalSettings {
    private GlobalSettings() {
    }

    static NeuralNetConfiguration.Builder of(long seed, IUpdater updater, WeightInit weightInit, double l2) {
        NeuralNetConfiguration.Builder global = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .updater(updater)
                .weightInit(weightInit);
        if (l2 > 0) {
            // DL4J's L2 adds (c/2)·Σw² to the loss (gradient c·w), so the course's λ·Σ‖W‖² is c = 2λ.
            global.l2(2 * l2);
        }
        return global;
    }
}
