package io.deepline.pipelines.core.collective;

/** The collective of a one-worker fit: the mean of one contribution is itself, so nothing moves. */
public final class SoloCollective implements Collective {

    @Override
    public int rank() {
        return 0;
    }

    @Override
    public int size() {
        return 1;
    }

    @Override
    public int averageInto(float[] values, boolean contributes) {
        return contributes ? 1 : 0;
    }

    @Override
    public void close() {
        // nothing to close
    }
}
