package io.deepline.pipelines.text;

import io.deepline.pipelines.core.param.Validators;
import java.io.Serializable;
import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.Params;

/** The Params {@link TokenIndexer} and {@link TokenIndexerModel} share; exposed through {@link HasTokenIndexerParams}. */
public final class TokenIndexerParamSet implements Serializable {
    private static final long serialVersionUID = 1L;

    final Param<String> inputCol;
    final Param<String> outputCol;
    final BooleanParam addBeginEnd;
    final Param<String> handleUnknown;
    final IntParam vocabSize;
    final DoubleParam minDF;
    final DoubleParam maxDF;

    public TokenIndexerParamSet(Params owner) {
        inputCol = new Param<>(owner, "inputCol",
                "input column of array<string> tokens, e.g. the output of RegexTokenizer (default tokens)",
                Validators.of(v -> !v.isEmpty()));
        outputCol = new Param<>(owner, "outputCol",
                "output column of array<int> token ids; reserved ids: 0 padding, 1 unknown, 2 begin, 3 end; words"
                        + " from 4 in order of decreasing frequency (default tokenIds)",
                Validators.of(v -> !v.isEmpty()));
        addBeginEnd = new BooleanParam(owner, "addBeginEnd",
                "whether to wrap each sequence in the begin id 2 and the end id 3 (default false)");
        handleUnknown = new Param<>(owner, "handleUnknown",
                "what to do with a token not in the vocabulary: keep (map it to the unknown id 1), skip (drop it)"
                        + " or error (fail naming it) (default keep)",
                Validators.oneOfIgnoringCase("keep", "skip", "error"));
        vocabSize = new IntParam(owner, "vocabSize",
                "at most this many words, the most frequent over the whole corpus, as CountVectorizer's vocabSize;"
                        + " the reserved ids come on top, > 0 (default 2^18)",
                Validators.positiveInt());
        minDF = new DoubleParam(owner, "minDF",
                "as CountVectorizer's minDF: a word must occur in at least this many rows (>= 1) or this fraction"
                        + " of the rows (< 1) to enter the vocabulary, >= 0 (default 1)",
                Validators.nonNegativeFinite());
        maxDF = new DoubleParam(owner, "maxDF",
                "as CountVectorizer's maxDF: a word occurring in more than this many rows (>= 1) or this fraction"
                        + " of the rows (< 1) is left out of the vocabulary, >= 0 (default 2^63 - 1, no limit)",
                Validators.nonNegativeFinite());
    }
}
