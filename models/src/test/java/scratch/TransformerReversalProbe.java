package scratch;

import io.deepline.models.seq2seq.*;
import io.deepline.models.spec.*;
import io.deepline.models.state.Network;
import java.util.*;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class TransformerReversalProbe {
    @Test
    void probe() {
        int d = Integer.getInteger("d", 32), layers = Integer.getInteger("layers", 1), ff = Integer.getInteger("ff", 64);
        int batch = Integer.getInteger("batch", 256), iters = Integer.getInteger("iters", 200);
        double lr = Double.parseDouble(System.getProperty("lr", "0.003"));
        Seq2SeqSpec spec = Seq2SeqSpec.builder().architecture(Seq2SeqArchitecture.TRANSFORMER)
                .sourceVocabularySize(ReversalTask.VOCABULARY).targetVocabularySize(ReversalTask.VOCABULARY)
                .modelDim(d).numHeads(4).ffDim(ff).numLayers(layers).learningRate(lr).seed(7).build();
        Network network = Network.of(spec.buildGraph());
        Seq2SeqSpec rnn = Seq2SeqSpec.builder().sourceVocabularySize(ReversalTask.VOCABULARY)
                .targetVocabularySize(ReversalTask.VOCABULARY).embeddingSize(16).hiddenSize(48).encoderCell("gru").build();
        System.out.println("transformer params " + spec.buildGraph().params().length() + " rnn params " + rnn.buildGraph().params().length());
        Random training = new Random(1);
        long start = System.nanoTime();
        for (int i = 0; i < iters; i++) {
            network.fit(ReversalTask.batch(ReversalTask.sources(training, batch, 3, 8)));
            if (i % 50 == 49) {
                System.out.printf("iter %d loss %.4f exact %.3f %.1f s%n", i + 1, network.score(), exact(network), (System.nanoTime() - start) / 1e9);
            }
        }
    }

    static double exact(Network network) {
        List<int[]> heldOut = ReversalTask.sources(new Random(2), 200, 3, 8);
        INDArray[] padded = ReversalTask.padded(heldOut, 8);
        List<int[]> decoded = new GreedyDecoder(network, 9).decode(padded[0], padded[1]);
        int correct = 0;
        for (int i = 0; i < heldOut.size(); i++) {
            correct += Arrays.equals(decoded.get(i), ReversalTask.reversed(heldOut.get(i))) ? 1 : 0;
        }
        return correct / 200.0;
    }
}
