package io.deepline.pipelines.core.data.sequence;

import io.deepline.models.state.NativeFloats;
import io.deepline.models.state.Network;
import io.deepline.pipelines.core.data.BatchContents;
import io.deepline.pipelines.core.data.TrainingBatch;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;

/**
 * One mini-batch of (source, target) token sequences for an encoder-decoder graph, each side padded to its own
 * longest sequence, as plain arrays (Spark caches and ships these). Targets are kept as ids; the one-hot labels
 * are built only when fitting, so a large target vocabulary does not bloat the cache.
 *
 * <p>Teacher forcing: for targets y_1 … y_n (ending with the end token) the decoder reads begin, y_1 … y_{n−1} and
 * learns to emit y_1 … y_n; both share the target mask.
 */
public final class Seq2SeqBatch implements TrainingBatch {
    private static final long serialVersionUID = 1L;

    private final int rows;
    private final int sourceLength;
    private final int targetLength;
    private final int targetVocabularySize;
    private final float[] sources;
    private final float[] sourceMask;
    private final float[] decoderInputs;
    private final int[] targets;
    private final float[] targetMask;

    /**
     * @param sources       source ids {@code rows × sourceLength}, padded with 0
     * @param sourceMask    {@code rows × sourceLength}, 1 on real steps
     * @param decoderInputs decoder input ids {@code rows × targetLength} (begin, y_1 …), padded with 0
     * @param targets       target ids {@code rows × targetLength}, padded with 0
     * @param targetMask    {@code rows × targetLength}, 1 on real steps
     */
    public Seq2SeqBatch(int rows, int sourceLength, int targetLength, int targetVocabularySize, float[] sources,
                        float[] sourceMask, float[] decoderInputs, int[] targets, float[] targetMask) {
        if (rows <= 0 || sourceLength <= 0 || targetLength <= 0 || targetVocabularySize <= 0) {
            throw new IllegalArgumentException("a sequence-to-sequence batch needs rows, lengths and a vocabulary > 0,"
                    + " got " + rows + ", " + sourceLength + ", " + targetLength + ", " + targetVocabularySize);
        }
        if (sources.length != rows * sourceLength || sourceMask.length != sources.length
                || decoderInputs.length != rows * targetLength || targets.length != decoderInputs.length
                || targetMask.length != decoderInputs.length) {
            throw new IllegalArgumentException("sequence-to-sequence batch arrays do not match " + rows + " rows × "
                    + sourceLength + " source / " + targetLength + " target steps");
        }
        this.rows = rows;
        this.sourceLength = sourceLength;
        this.targetLength = targetLength;
        this.targetVocabularySize = targetVocabularySize;
        this.sources = sources;
        this.sourceMask = sourceMask;
        this.decoderInputs = decoderInputs;
        this.targets = targets;
        this.targetMask = targetMask;
    }

    @Override
    public void writeContents(BatchContents out) {
        out.sizes(rows, sourceLength, targetLength, targetVocabularySize);
        out.floats(sources);
        out.floats(decoderInputs);
        out.ints(targets);
        out.floats(sourceMask);
        out.floats(targetMask);
    }

    @Override
    public int rows() {
        return rows;
    }

    public int sourceLength() {
        return sourceLength;
    }

    public int targetLength() {
        return targetLength;
    }

    /**
     * Inputs source [rows, 1, T] and decoder ids [rows, 1, T'] with their masks; labels one-hot [rows, V, T']
     * masked by the target mask, so padded steps carry no loss.
     */
    public MultiDataSet toMultiDataSet() {
        INDArray source = NativeFloats.array(sources, rows, 1, sourceLength);
        INDArray decoder = NativeFloats.array(decoderInputs, rows, 1, targetLength);
        float[] oneHot = new float[rows * targetVocabularySize * targetLength];
        for (int b = 0; b < rows; b++) {
            for (int t = 0; t < targetLength; t++) {
                if (targetMask[b * targetLength + t] > 0) {
                    oneHot[(b * targetVocabularySize + targets[b * targetLength + t]) * targetLength + t] = 1f;
                }
            }
        }
        INDArray labels = NativeFloats.array(oneHot, rows, targetVocabularySize, targetLength);
        INDArray srcMask = NativeFloats.array(sourceMask, rows, sourceLength);
        INDArray tgtMask = NativeFloats.array(targetMask, rows, targetLength);
        return new MultiDataSet(new INDArray[] {source, decoder}, new INDArray[] {labels},
                new INDArray[] {srcMask, tgtMask}, new INDArray[] {tgtMask.dup()});
    }

    @Override
    public void fitOn(Network net) {
        net.fit(toMultiDataSet());
    }
}
