package io.deepline.pipelines.eval;

import io.deepline.pipelines.core.data.SchemaChecks;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.ml.linalg.SQLDataTypes;

/**
 * ROC, precision-recall and calibration curves of a probabilistic classifier, one-vs-rest per class (for a binary
 * problem, class 1 only), from one pass over the scored rows: each class's probabilities are counted into
 * {@value #BINS} equal bins, positives and negatives apart, and every curve is read off the cumulative counts, with
 * the bin edges as thresholds (as MLlib's BinaryClassificationMetrics does with {@code numBins}). Only the
 * histograms reach the driver, never the rows; the curves are exact up to the bin width of 0.001.
 */
public final class ProbabilityCurves implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Probability bins per class. */
    public static final int BINS = 1000;
    /** Bins of the calibration plot (each {@code BINS / CALIBRATION_BINS} fine bins). */
    public static final int CALIBRATION_BINS = 10;

    private final int numClasses;
    /** counts[curve][bin][0 negatives, 1 positives]. */
    private final long[][][] counts;
    /** Sum of the probabilities in each bin, pooled over the curves, for the calibration plot's x. */
    private final double[] scoreSums;

    private ProbabilityCurves(int numClasses) {
        this.numClasses = numClasses;
        this.counts = new long[curveCount(numClasses)][BINS][2];
        this.scoreSums = new double[BINS];
    }

    private static int curveCount(int numClasses) {
        return numClasses == 2 ? 1 : numClasses;
    }

    /**
     * @param maxClasses one-vs-rest curves up to this many classes; beyond, empty (the plot would be unreadable)
     * @return empty when the rows are empty or have more than {@code maxClasses} classes
     */
    public static Optional<ProbabilityCurves> of(Dataset<Row> scored, String labelCol, String probabilityCol,
                                                 int maxClasses) {
        DataType type = SchemaChecks.requireColumn(scored.schema(), probabilityCol, "probability", "probabilityCol");
        if (!type.equals(SQLDataTypes.VectorType())) {
            throw new IllegalArgumentException("the probability column '" + probabilityCol + "' must hold vectors of"
                    + " class probabilities but is " + type.catalogString());
        }
        SchemaChecks.requireColumn(scored.schema(), labelCol, "label", "labelCol");
        Dataset<Row> pairs = scored.select(labelCol, probabilityCol);
        List<Row> first = pairs.where(pairs.col(probabilityCol).isNotNull()).takeAsList(1);
        if (first.isEmpty()) {
            return Optional.empty();
        }
        int k = ((Vector) first.get(0).get(1)).size();
        if (k < 2 || k > maxClasses) {
            return Optional.empty();
        }
        ProbabilityCurves zero = new ProbabilityCurves(k);
        return Optional.of(pairs.javaRDD().aggregate(zero, ProbabilityCurves::add, ProbabilityCurves::merge));
    }

    private static ProbabilityCurves add(ProbabilityCurves h, Row row) {
        if (row.isNullAt(0) || row.isNullAt(1)) {
            return h;
        }
        int label = (int) Math.round(((Number) row.get(0)).doubleValue());
        Vector p = (Vector) row.get(1);
        if (p.size() != h.numClasses) {
            throw new IllegalArgumentException("a probability vector has " + p.size() + " entries but the first had "
                    + h.numClasses + "; every row needs one probability per class");
        }
        int firstCurve = h.numClasses == 2 ? 1 : 0;
        for (int c = firstCurve; c < h.numClasses; c++) {
            double score = p.apply(c);
            int bin = bin(score);
            h.counts[c - firstCurve][bin][label == c ? 1 : 0]++;
            h.scoreSums[bin] += score;
        }
        return h;
    }

    private static ProbabilityCurves merge(ProbabilityCurves a, ProbabilityCurves b) {
        for (int c = 0; c < a.counts.length; c++) {
            for (int bin = 0; bin < BINS; bin++) {
                a.counts[c][bin][0] += b.counts[c][bin][0];
                a.counts[c][bin][1] += b.counts[c][bin][1];
            }
        }
        for (int bin = 0; bin < BINS; bin++) {
            a.scoreSums[bin] += b.scoreSums[bin];
        }
        return a;
    }

    static int bin(double score) {
        if (!(score > 0)) {
            return 0;
        }
        return Math.min(BINS - 1, (int) (score * BINS));
    }

    public int numClasses() {
        return numClasses;
    }

    /** The curves: one (class 1) for a binary problem, else one per class. */
    public int numCurves() {
        return counts.length;
    }

    /** The class a curve is of. */
    public int curveClass(int curve) {
        return numClasses == 2 ? 1 : curve;
    }

    /** Rows of the positive class of a curve. */
    public long positives(int curve) {
        long n = 0;
        for (long[] b : counts[curve]) {
            n += b[1];
        }
        return n;
    }

    private long negatives(int curve) {
        long n = 0;
        for (long[] b : counts[curve]) {
            n += b[0];
        }
        return n;
    }

    /**
     * The ROC curve, {x: false positive rate, y: true positive rate}, from threshold 1 down to 0 (starting at
     * (0, 0), ending at (1, 1)); empty arrays when the class has no positives or no negatives.
     */
    public double[][] roc(int curve) {
        long p = positives(curve);
        long n = negatives(curve);
        if (p == 0 || n == 0) {
            return new double[][] {new double[0], new double[0]};
        }
        double[] fpr = new double[BINS + 1];
        double[] tpr = new double[BINS + 1];
        long tp = 0;
        long fp = 0;
        for (int i = 0; i < BINS; i++) {
            long[] b = counts[curve][BINS - 1 - i];
            tp += b[1];
            fp += b[0];
            fpr[i + 1] = (double) fp / n;
            tpr[i + 1] = (double) tp / p;
        }
        return new double[][] {fpr, tpr};
    }

    /** The area under {@link #roc} (trapezoids), NaN when undefined. */
    public double areaUnderRoc(int curve) {
        double[][] roc = roc(curve);
        return area(roc[0], roc[1]);
    }

    /**
     * The precision-recall curve, {x: recall, y: precision}, one point per threshold that selects at least one
     * row, from the highest threshold down; empty arrays when the class has no positives.
     */
    public double[][] precisionRecall(int curve) {
        long p = positives(curve);
        if (p == 0) {
            return new double[][] {new double[0], new double[0]};
        }
        double[] recall = new double[BINS];
        double[] precision = new double[BINS];
        int points = 0;
        long tp = 0;
        long fp = 0;
        for (int i = BINS - 1; i >= 0; i--) {
            long[] b = counts[curve][i];
            if (b[0] + b[1] == 0) {
                continue;
            }
            tp += b[1];
            fp += b[0];
            recall[points] = (double) tp / p;
            precision[points] = (double) tp / (tp + fp);
            points++;
        }
        return new double[][] {java.util.Arrays.copyOf(recall, points), java.util.Arrays.copyOf(precision, points)};
    }

    /** The area under {@link #precisionRecall}, from recall 0 at the first point's precision, NaN when undefined. */
    public double areaUnderPr(int curve) {
        double[][] pr = precisionRecall(curve);
        if (pr[0].length == 0) {
            return Double.NaN;
        }
        double[] x = new double[pr[0].length + 1];
        double[] y = new double[x.length];
        System.arraycopy(pr[0], 0, x, 1, pr[0].length);
        System.arraycopy(pr[1], 0, y, 1, pr[1].length);
        y[0] = pr[1][0];
        return area(x, y);
    }

    private static double area(double[] x, double[] y) {
        if (x.length < 2) {
            return Double.NaN;
        }
        double a = 0;
        for (int i = 1; i < x.length; i++) {
            a += (x[i] - x[i - 1]) * (y[i] + y[i - 1]) / 2;
        }
        return a;
    }

    /**
     * The reliability diagram's points, pooled over the curves: per probability bin of width 1 /
     * {@value #CALIBRATION_BINS} that holds any prediction, {mean predicted probability, observed frequency of the
     * class, count}. A calibrated model's points lie on the diagonal.
     */
    public double[][] calibration() {
        int fine = BINS / CALIBRATION_BINS;
        double[] predicted = new double[CALIBRATION_BINS];
        double[] observed = new double[CALIBRATION_BINS];
        double[] count = new double[CALIBRATION_BINS];
        int points = 0;
        for (int cb = 0; cb < CALIBRATION_BINS; cb++) {
            long all = 0;
            long pos = 0;
            double sum = 0;
            for (int bin = cb * fine; bin < (cb + 1) * fine; bin++) {
                for (long[][] curve : counts) {
                    all += curve[bin][0] + curve[bin][1];
                    pos += curve[bin][1];
                }
                sum += scoreSums[bin];
            }
            if (all > 0) {
                predicted[points] = sum / all;
                observed[points] = (double) pos / all;
                count[points] = all;
                points++;
            }
        }
        return new double[][] {java.util.Arrays.copyOf(predicted, points), java.util.Arrays.copyOf(observed, points),
                java.util.Arrays.copyOf(count, points)};
    }
}
