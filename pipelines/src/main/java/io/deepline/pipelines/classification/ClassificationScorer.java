package io.deepline.pipelines.classification;

import io.deepline.models.state.NetworkSnapshot;
import io.deepline.pipelines.data.VectorFloats;
import io.deepline.pipelines.train.WorkerNetworks;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Scores one partition in batches of {@code batchSize} rows with this thread's copy of the network, appending
 * the requested output columns to each row. Rows stream through: at most one batch is held at a time.
 */
final class ClassificationScorer implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    /** The columns a classifier can append. */
    enum Output { RAW_PREDICTION, PROBABILITY, PREDICTION }

    /** Which output columns to append, in the order of the output schema, and how to score. */
    record Plan(int featuresIndex, String featuresCol, int numFeatures, int numClasses, int batchSize,
                Output[] outputs, double[] thresholds) implements Serializable {
    }

    private final Broadcast<NetworkSnapshot> network;
    private final Plan plan;

    ClassificationScorer(Broadcast<NetworkSnapshot> network, Plan plan) {
        this.network = network;
        this.plan = plan;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        MultiLayerNetwork net = WorkerNetworks.acquireForInference("scoring-" + network.id(), network.value());
        return new Iterator<>() {
            private final List<Row> pending = new ArrayList<>();
            private int next;

            @Override
            public boolean hasNext() {
                return next < pending.size() || rows.hasNext();
            }

            @Override
            public Row next() {
                if (next >= pending.size()) {
                    if (!rows.hasNext()) {
                        throw new NoSuchElementException();
                    }
                    scoreNextBatch(net, rows, pending);
                    next = 0;
                }
                return pending.get(next++);
            }
        };
    }

    private void scoreNextBatch(MultiLayerNetwork net, Iterator<Row> rows, List<Row> out) {
        List<Row> inputs = new ArrayList<>(plan.batchSize());
        while (rows.hasNext() && inputs.size() < plan.batchSize()) {
            inputs.add(rows.next());
        }
        float[] x = new float[inputs.size() * plan.numFeatures()];
        for (int i = 0; i < inputs.size(); i++) {
            copyFeatures(inputs.get(i), x, i * plan.numFeatures());
        }
        INDArray probabilities = net.output(Nd4j.create(x, new long[] {inputs.size(), plan.numFeatures()}, 'c'));
        float[][] p = probabilities.toFloatMatrix();
        out.clear();
        for (int i = 0; i < inputs.size(); i++) {
            out.add(append(inputs.get(i), p[i]));
        }
    }

    private void copyFeatures(Row row, float[] x, int offset) {
        Object value = row.get(plan.featuresIndex());
        if (!(value instanceof Vector v) || v.size() != plan.numFeatures()) {
            throw new IllegalArgumentException("the features column '" + plan.featuresCol() + "' must hold vectors of "
                    + "size " + plan.numFeatures() + " (the size the model was trained on), but a row has "
                    + (value == null ? "null" : "a vector of size " + ((Vector) value).size()));
        }
        VectorFloats.copyInto(v, x, offset);
    }

    private Row append(Row row, float[] p) {
        int n = row.length();
        List<Object> values = new ArrayList<>(n + 3);
        for (int i = 0; i < n; i++) {
            values.add(row.get(i));
        }
        double[] probability = new double[plan.numClasses()];
        for (int k = 0; k < probability.length; k++) {
            probability[k] = p[k];
        }
        double[] normalized = ClassProbabilities.normalized(probability);
        for (Output output : plan.outputs()) {
            values.add(switch (output) {
                case RAW_PREDICTION -> Vectors.dense(ClassProbabilities.toRaw(probability));
                case PROBABILITY -> Vectors.dense(normalized);
                case PREDICTION -> ClassProbabilities.predict(normalized, plan.thresholds());
            });
        }
        return RowFactory.create(values.toArray());
    }
}
