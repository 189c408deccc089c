package io.deepline.pipelines.sequence;

import io.deepline.pipelines.core.data.sequence.Truncation;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.Params;

/**
 * Where a stage reading token sequences cuts them: {@code maxSequenceLength} and which end {@code truncate} keeps.
 * Each family's Param set owns the Param objects; this interface adds the getters and the fluent setters once.
 */
public interface HasSequenceLengthParams<S extends HasSequenceLengthParams<S>> extends Params {

    IntParam maxSequenceLength();

    Param<String> truncate();

    default int getMaxSequenceLength() {
        return (Integer) getOrDefault(maxSequenceLength());
    }

    default Truncation getTruncation() {
        return Truncation.parse(getOrDefault(truncate()));
    }

    default S setMaxSequenceLength(int value) {
        set(maxSequenceLength(), value);
        return self();
    }

    default S setTruncate(String value) {
        set(truncate(), value);
        return self();
    }

    /** This stage as its own type: S is the implementing class, so the cast cannot fail. */
    @SuppressWarnings("unchecked")
    private S self() {
        return (S) this;
    }
}
