package io.deepline.pipelines.sequence;

import io.deepline.pipelines.core.data.Shuffles;
import io.deepline.pipelines.core.data.VectorFloats;
import io.deepline.pipelines.core.data.sequence.PaddedSteps;
import io.deepline.pipelines.core.data.sequence.SequenceBatch;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Row;

/**
 * Turns one partition of checked (feature vector, target sequence) rows into shuffled, padded, teacher-forced
 * {@link SequenceBatch}es with per-step labels; the labels mask is the inputs' mask, so padding carries no loss.
 */
final class GeneratorBatcher implements Function2<Integer, Iterator<Row>, Iterator<SequenceBatch>> {
    private static final long serialVersionUID = 1L;

    private final GeneratorLayout layout;
    private final int batchSize;
    private final long seed;

    GeneratorBatcher(GeneratorLayout layout, int batchSize, long seed) {
        this.layout = layout;
        this.batchSize = batchSize;
        this.seed = seed;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Iterator<SequenceBatch> call(Integer partition, Iterator<Row> rows) {
        List<float[]> inputs = new ArrayList<>();
        List<float[]> targets = new ArrayList<>();
        while (rows.hasNext()) {
            Row row = rows.next();
            float[] x = VectorFloats.of((Vector) row.get(0));
            double[] y = layout.targets(row.getList(1));
            inputs.add(layout.teacherForcedInputs(x, y));
            targets.add(layout.encodedTargets(y));
        }
        int[] order = Shuffles.permutation(inputs.size(), seed, partition);
        List<SequenceBatch> batches = new ArrayList<>();
        for (int start = 0; start < order.length; start += batchSize) {
            List<float[]> in = new ArrayList<>();
            List<float[]> out = new ArrayList<>();
            for (int i = start; i < Math.min(order.length, start + batchSize); i++) {
                in.add(inputs.get(order[i]));
                out.add(targets.get(order[i]));
            }
            PaddedSteps x = PaddedSteps.of(in, layout.stepWidth());
            PaddedSteps y = PaddedSteps.of(out, layout.outputWidth()); // labels share the NCW layout and the mask
            batches.add(new SequenceBatch(x.rows(), layout.stepWidth(), x.length(), layout.outputWidth(),
                    x.features(), x.mask(), y.features(), true));
        }
        return batches.iterator();
    }
}
