package io.deepline.pipelines.sequence;

import io.deepline.models.spec.SequencePooling;
import io.deepline.pipelines.core.param.Validators;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.Params;

/** The {@code pooling} Param of many-to-one stages: how the steps' states become one per sequence. */
public interface SequencePoolingParam<S extends SequencePoolingParam<S>> extends Params {

    /** Creates the Param for {@code owner}; call from its constructor once the uid is set. */
    static Param<String> create(Params owner) {
        return new Param<>(owner, "pooling", "how the last recurrent layer's states become one per sequence: last"
                + " (the state at the last real step), mean or max over the real steps (default last)",
                Validators.oneOfIgnoringCase(SequencePooling.names()));
    }

    Param<String> pooling();

    default String getPooling() {
        return getOrDefault(pooling());
    }

    default SequencePooling getSequencePooling() {
        return SequencePooling.parse(getPooling());
    }

    // ---- fluent setters: each returns the stage as its own type, as MLlib's setters do ----

    default S setPooling(String value) {
        set(pooling(), value);
        return self();
    }

    /** This stage as its own type: S is the implementing class, so the cast cannot fail. */
    @SuppressWarnings("unchecked")
    private S self() {
        return (S) this;
    }
}
