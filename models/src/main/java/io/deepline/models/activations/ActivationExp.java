package io.deepline.models.activations;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.BaseActivationFunction;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * a = exp(z): the inverse of the log link, which makes a Poisson GLM's mean positive (course §1.4). DL4J
 * 1.0.0-M2.1 has no exponential activation. Together with DL4J's {@code LossPoisson} (ŷ − y·log ŷ) the gradient
 * with respect to z is exp(z) − y, the Poisson GLM's score.
 */
public class ActivationExp extends BaseActivationFunction {
    private static final long serialVersionUID = 1L;

    @Override
    public INDArray getActivation(INDArray in, boolean training) {
        // In place, as DL4J's own activations do.
        return Transforms.exp(in, false);
    }

    @Override
    public Pair<INDArray, INDArray> backprop(INDArray in, INDArray epsilon) {
        assertShape(in, epsilon);
        INDArray dLdz = Transforms.exp(in, false).muli(epsilon);
        return new Pair<>(dLdz, null);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ActivationExp;
    }

    @Override
    public int hashCode() {
        return ActivationExp.class.hashCode();
    }

    @Override
    public String toString() {
        return "exp";
    }
}
