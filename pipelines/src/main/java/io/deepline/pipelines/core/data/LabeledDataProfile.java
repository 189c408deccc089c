package io.deepline.pipelines.core.data;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.ml.linalg.DenseVector;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What one pass over the training rows found: row count, nulls, vector sizes, non-finite values, and the
 * class counts. Built with {@code treeAggregate} (a Spark job, no {@code collect()} of rows), then checked by
 * {@link ClassificationDataCheck}.
 */
public final class LabeledDataProfile implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Past this many distinct labels we stop counting: such a column is not a class index. */
    static final int MAX_DISTINCT_LABELS = 100_000;

    long rows;
    long nullFeatures;
    long nullLabels;
    long nonFiniteLabels;
    long nonFiniteFeatureRows;
    int minLabelSize = Integer.MAX_VALUE;
    int maxLabelSize = Integer.MIN_VALUE;
    long nonIntegerLabels;
    double exampleNonIntegerLabel = Double.NaN;
    long negativeLabels;
    double exampleNegativeLabel = Double.NaN;
    int minSize = Integer.MAX_VALUE;
    int maxSize = Integer.MIN_VALUE;
    boolean tooManyLabels;
    final TreeMap<Integer, Long> classCounts = new TreeMap<>();
    long nullWeights;
    long invalidWeights;
    double exampleInvalidWeight = Double.NaN;
    double weightSum;
    /** Largest |x| over every finite feature value, and the sum of squares over every entry, for the scale hint. */
    double maxAbsFeature;
    double featureSquares;
    long featureEntries;

    /**
     * Profiles a DataFrame whose first column is the features vector and whose second is the label: a double
     * (class index or real value) or a Vector (multi-output regression). An optional third column is a double
     * row weight.
     */
    public static LabeledDataProfile of(Dataset<Row> featuresAndLabel) {
        return featuresAndLabel.javaRDD().treeAggregate(new LabeledDataProfile(),
                LabeledDataProfile::add, LabeledDataProfile::merge);
    }

    LabeledDataProfile add(Row row) {
        rows++;
        Object f = row.get(0);
        if (f == null) {
            nullFeatures++;
        } else {
            Vector v = (Vector) f;
            minSize = Math.min(minSize, v.size());
            maxSize = Math.max(maxSize, v.size());
            if (!allFinite(v)) {
                nonFiniteFeatureRows++;
            } else {
                addScale(v);
            }
        }
        Object label = row.get(1);
        if (label == null) {
            nullLabels++;
        } else if (label instanceof Vector v) {
            minLabelSize = Math.min(minLabelSize, v.size());
            maxLabelSize = Math.max(maxLabelSize, v.size());
            if (!allFinite(v)) {
                nonFiniteLabels++;
            }
        } else {
            addLabel(((Number) label).doubleValue());
        }
        if (row.size() > 2) {
            addWeight(row.get(2));
        }
        return this;
    }

    /** Sparse vectors' zeros count as entries with 0: they are part of the input the network sees. */
    private void addScale(Vector v) {
        double[] values = v instanceof SparseVector s ? s.values() : v instanceof DenseVector d ? d.values() : v.toArray();
        for (double x : values) {
            double a = Math.abs(x);
            if (a > maxAbsFeature) {
                maxAbsFeature = a;
            }
            featureSquares += x * x;
        }
        featureEntries += v.size();
    }

    private void addWeight(Object weight) {
        if (weight == null) {
            nullWeights++;
            return;
        }
        double w = ((Number) weight).doubleValue();
        if (Double.isNaN(w) || Double.isInfinite(w) || w < 0) {
            if (invalidWeights++ == 0) {
                exampleInvalidWeight = w;
            }
        } else {
            weightSum += w;
        }
    }

    private void addLabel(double label) {
        if (Double.isNaN(label) || Double.isInfinite(label)) {
            nonFiniteLabels++;
        } else if (label != Math.rint(label)) {
            if (nonIntegerLabels++ == 0) {
                exampleNonIntegerLabel = label;
            }
        } else if (label < 0) {
            if (negativeLabels++ == 0) {
                exampleNegativeLabel = label;
            }
        } else if (label > Integer.MAX_VALUE - 1) {
            tooManyLabels = true;
        } else if (classCounts.containsKey((int) label) || classCounts.size() < MAX_DISTINCT_LABELS) {
            classCounts.merge((int) label, 1L, Long::sum);
        } else {
            tooManyLabels = true;
        }
    }

    LabeledDataProfile merge(LabeledDataProfile other) {
        rows += other.rows;
        nullFeatures += other.nullFeatures;
        nullLabels += other.nullLabels;
        nonFiniteLabels += other.nonFiniteLabels;
        minLabelSize = Math.min(minLabelSize, other.minLabelSize);
        maxLabelSize = Math.max(maxLabelSize, other.maxLabelSize);
        nonFiniteFeatureRows += other.nonFiniteFeatureRows;
        if (nonIntegerLabels == 0) {
            exampleNonIntegerLabel = other.exampleNonIntegerLabel;
        }
        nonIntegerLabels += other.nonIntegerLabels;
        if (negativeLabels == 0) {
            exampleNegativeLabel = other.exampleNegativeLabel;
        }
        negativeLabels += other.negativeLabels;
        minSize = Math.min(minSize, other.minSize);
        maxSize = Math.max(maxSize, other.maxSize);
        tooManyLabels |= other.tooManyLabels;
        nullWeights += other.nullWeights;
        if (invalidWeights == 0) {
            exampleInvalidWeight = other.exampleInvalidWeight;
        }
        invalidWeights += other.invalidWeights;
        weightSum += other.weightSum;
        maxAbsFeature = Math.max(maxAbsFeature, other.maxAbsFeature);
        featureSquares += other.featureSquares;
        featureEntries += other.featureEntries;
        for (Map.Entry<Integer, Long> e : other.classCounts.entrySet()) {
            classCounts.merge(e.getKey(), e.getValue(), Long::sum);
        }
        tooManyLabels |= classCounts.size() > MAX_DISTINCT_LABELS;
        return this;
    }

    static boolean allFinite(Vector v) {
        double[] values = v instanceof SparseVector s ? s.values() : v instanceof DenseVector d ? d.values() : v.toArray();
        for (double x : values) {
            if (Double.isNaN(x) || Double.isInfinite(x)) {
                return false;
            }
        }
        return true;
    }

    /** The largest magnitude of any finite feature value (0 without rows). */
    public double maxAbsFeature() {
        return maxAbsFeature;
    }

    /** The root mean square over every feature entry of the rows with finite features (0 without any). */
    public double featureRms() {
        return featureEntries == 0 ? 0 : Math.sqrt(featureSquares / featureEntries);
    }

    public long rows() {
        return rows;
    }

    /** Number of rows per class index, in class order. */
    public Map<Integer, Long> classCounts() {
        return new TreeMap<>(classCounts);
    }
}
