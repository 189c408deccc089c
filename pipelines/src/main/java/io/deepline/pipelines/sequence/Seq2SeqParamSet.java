package io.deepline.pipelines.sequence;

import io.deepline.models.spec.RecurrentCell;
import io.deepline.models.spec.Seq2SeqArchitecture;
import io.deepline.models.spec.WeightInitScheme;
import io.deepline.pipelines.core.data.sequence.SequenceInput;
import io.deepline.pipelines.core.param.Validators;
import java.io.Serializable;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.Params;

/** The Param objects of an encoder-decoder, owned by one stage; exposed through {@link HasSeq2SeqParams}. */
public final class Seq2SeqParamSet implements Serializable {
    private static final long serialVersionUID = 1L;

    final IntParam sourceVocabularySize;
    final IntParam targetVocabularySize;
    final IntParam embeddingSize;
    final IntParam hiddenSize;
    final Param<String> cell;
    final Param<String> context;
    final DoubleParam dropout;
    final DoubleParam l2;
    final Param<String> weightInit;
    final IntParam maxSequenceLength;
    final Param<String> truncate;
    final IntParam maxOutputLength;
    final Param<String> architecture;

    public Seq2SeqParamSet(Params owner) {
        sourceVocabularySize = new IntParam(owner, "sourceVocabularySize", "number of source token ids, ids being"
                + " 0..sourceVocabularySize-1: the 4 reserved ids (0 pad, 1 unknown, 2 begin, 3 end) and the words"
                + " (TokenIndexerModel.vocabularySize()), > 4", vocabulary());
        targetVocabularySize = new IntParam(owner, "targetVocabularySize", "number of target token ids, reserved"
                + " ids included, > 4", vocabulary());
        embeddingSize = new IntParam(owner, "embeddingSize", "dimension of the source and target token embeddings,"
                + " > 0 (default 32)", Validators.positiveInt());
        hiddenSize = new IntParam(owner, "hiddenSize", "units of the encoder and of the decoder (equal, since the"
                + " decoder's state queries the encoder's states), > 0 (default 64)", Validators.positiveInt());
        cell = new Param<>(owner, "cell", "encoder cell: rnn, lstm or gru; the decoder is an attentive GRU (default"
                + " gru)", Validators.oneOfIgnoringCase(RecurrentCell.names()));
        context = new Param<>(owner, "context", "the decoder's context: attention (eq. 36, c_t' = Σ α(s_{t'−1}, h_t)"
                + " h_t over the real source steps) or last (c = h_T, the encoder's last state: the bottleneck)"
                + " (default attention)", Validators.oneOfIgnoringCase("attention", "last"));
        dropout = new DoubleParam(owner, "dropout", "probability of dropping a unit of the embeddings' and"
                + " recurrent outputs while training, in [0, 1) (default 0)", Validators.probabilityBelowOne());
        l2 = new DoubleParam(owner, "l2", "weight decay λ >= 0 (default 0)", Validators.nonNegativeFinite());
        weightInit = new Param<>(owner, "weightInit", "initial weights: xavier, he or auto (default auto)",
                Validators.oneOfIgnoringCase(WeightInitScheme.names()));
        maxSequenceLength = new IntParam(owner, "maxSequenceLength", "longer sources are cut to this many steps"
                + " (see truncate); 0 = no limit (default 0)", Validators.of(v -> ((Number) v).intValue() >= 0));
        truncate = new Param<>(owner, "truncate", "which source steps a cut keeps: head or tail (default head)",
                Validators.oneOfIgnoringCase("head", "tail"));
        maxOutputLength = new IntParam(owner, "maxOutputLength", "most tokens decoded per row (the end token not"
                + " counted); training targets are cut to it (default 50)", Validators.positiveInt());
        architecture = new Param<>(owner, "architecture", "the network: rnn (a recurrent encoder and an attentive GRU"
                + " decoder: embeddingSize, hiddenSize, cell, context) or transformer (Transformer encoder and decoder"
                + " blocks: modelDim, numHeads, ffDim, numLayers, preNorm) (default rnn)",
                Validators.oneOfIgnoringCase(Seq2SeqArchitecture.names()));
    }

    private static scala.Function1<Object, Object> vocabulary() {
        return Validators.of(v -> ((Number) v).intValue() > 4
                && ((Number) v).intValue() <= SequenceInput.MAX_VOCABULARY_SIZE);
    }
}
