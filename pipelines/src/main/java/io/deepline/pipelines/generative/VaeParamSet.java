package io.deepline.pipelines.generative;

import io.deepline.models.spec.HiddenActivation;
import io.deepline.models.spec.ReconstructionKind;
import io.deepline.models.spec.WeightInitScheme;
import io.deepline.pipelines.core.param.Validators;
import java.io.Serializable;
import java.util.Arrays;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntArrayParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.Params;

/** The Param objects of the variational autoencoder stages, owned by one stage; exposed through {@link HasVaeParams}. */
public final class VaeParamSet implements Serializable {
    private static final long serialVersionUID = 1L;

    final Param<String> featuresCol;
    final Param<String> latentMeanCol;
    final Param<String> reconstructionLogProbCol;
    final IntArrayParam encoderLayers;
    final IntArrayParam decoderLayers;
    final IntParam latentSize;
    final Param<String> activation;
    final Param<String> reconstructionDistribution;
    final IntParam trainingSamples;
    final IntParam numSamples;
    final DoubleParam l2;
    final Param<String> weightInit;

    /** At least one size, each &gt; 0. */
    private static scala.Function1<int[], Object> nonEmptyPositive() {
        return Validators.of((int[] a) -> a.length > 0 && Arrays.stream(a).allMatch(v -> v > 0));
    }

    public VaeParamSet(Params owner) {
        featuresCol = new Param<>(owner, "featuresCol", "Vector column of the data x (default features)",
                Validators.of(v -> !((String) v).isEmpty()));
        latentMeanCol = new Param<>(owner, "latentMeanCol",
                "output Vector column: the mean μ(x) of q(z|x), the row's latent code (default latentMean)",
                Validators.of(v -> !((String) v).isEmpty()));
        reconstructionLogProbCol = new Param<>(owner, "reconstructionLogProbCol",
                "output double column: the Monte-Carlo estimate of E_q(z|x)[log p(x|z)] over numSamples draws of z"
                        + " (default reconstructionLogProb)", Validators.of(v -> !((String) v).isEmpty()));
        encoderLayers = new IntArrayParam(owner, "encoderLayers",
                "hidden layer sizes of the encoder, input side first, at least one (default [256])",
                nonEmptyPositive());
        decoderLayers = new IntArrayParam(owner, "decoderLayers",
                "hidden layer sizes of the decoder, latent side first, at least one (default [256])",
                nonEmptyPositive());
        latentSize = new IntParam(owner, "latentSize", "dimension of the latent z, > 0 (default 8)",
                Validators.positiveInt());
        activation = new Param<>(owner, "activation",
                "activation of the encoder and decoder hidden layers: " + String.join(", ", HiddenActivation.names())
                        + " (default relu)", Validators.oneOfIgnoringCase(HiddenActivation.names()));
        reconstructionDistribution = new Param<>(owner, "reconstructionDistribution",
                "p(x|z): bernoulli (features in [0, 1], e.g. pixel intensities) or gaussian (any real features)"
                        + " (default bernoulli)", Validators.oneOfIgnoringCase(ReconstructionKind.names()));
        trainingSamples = new IntParam(owner, "trainingSamples",
                "draws of z per example for the ELBO while training, > 0 (default 1, as Kingma & Welling)",
                Validators.positiveInt());
        numSamples = new IntParam(owner, "numSamples",
                "draws of z per row for the reconstruction log-probability that transform writes, > 0 (default 16)",
                Validators.positiveInt());
        l2 = new DoubleParam(owner, "l2",
                "weight decay λ >= 0 of the penalty λ·Σ‖W‖² on the weights, not the biases (default 0)",
                Validators.nonNegativeFinite());
        weightInit = new Param<>(owner, "weightInit",
                "initial weights: xavier, he or auto (xavier for sigmoid/tanh, he for relu/leakyrelu) (default auto)",
                Validators.oneOfIgnoringCase(WeightInitScheme.names()));
    }
}
