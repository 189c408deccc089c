package io.deepline.pipelines.ensemble;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.PredictionModel;
import org.apache.spark.ml.classification.ClassificationModel;
import org.apache.spark.ml.classification.ProbabilisticClassificationModel;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The J fitted members of an {@link EnsembleModel}, validated once: at least one, all Spark ML
 * {@code PredictionModel}s of one {@link EnsembleKind}, and for classification all with the same number of
 * classes.
 */
final class EnsembleMembers implements Serializable {
    private static final long serialVersionUID = 1L;

    private final List<PredictionModel<?, ?>> models;
    private final EnsembleKind kind;
    private final int numClasses;

    private EnsembleMembers(List<PredictionModel<?, ?>> models, EnsembleKind kind, int numClasses) {
        this.models = Collections.unmodifiableList(models);
        this.kind = kind;
        this.numClasses = numClasses;
    }

    /** @throws IllegalArgumentException naming the member that breaks a rule */
    static EnsembleMembers of(List<? extends Model<?>> members) {
        if (members == null || members.isEmpty()) {
            throw new IllegalArgumentException("an ensemble needs at least one member model; pass the fitted models,"
                    + " or train them with EnsembleEstimator");
        }
        List<PredictionModel<?, ?>> models = new ArrayList<>();
        EnsembleKind kind = EnsembleKind.ofModel(0, members.get(0));
        int numClasses = kind == EnsembleKind.CLASSIFICATION ? ((ClassificationModel<?, ?>) members.get(0)).numClasses()
                : 0;
        for (int j = 0; j < members.size(); j++) {
            Model<?> member = members.get(j);
            EnsembleKind k = EnsembleKind.ofModel(j, member);
            if (k != kind) {
                throw new IllegalArgumentException("member " + j + " is " + EnsembleKind.describe(member) + ", a "
                        + k.noun() + ", but member 0 is a " + kind.noun() + "; an ensemble combines models of one"
                        + " kind");
            }
            if (kind == EnsembleKind.CLASSIFICATION && ((ClassificationModel<?, ?>) member).numClasses() != numClasses) {
                throw new IllegalArgumentException("member " + j + " (" + EnsembleKind.describe(member) + ") predicts "
                        + ((ClassificationModel<?, ?>) member).numClasses() + " classes but member 0 predicts "
                        + numClasses + "; train every member on the same classes (index the labels once, e.g."
                        + " with one StringIndexer, before training)");
            }
            models.add((PredictionModel<?, ?>) member);
        }
        return new EnsembleMembers(models, kind, numClasses);
    }

    List<PredictionModel<?, ?>> models() {
        return models;
    }

    int size() {
        return models.size();
    }

    EnsembleKind kind() {
        return kind;
    }

    /** K for classification, 0 for regression. */
    int numClasses() {
        return numClasses;
    }

    /** Each member copied with {@code extra}, as Pipeline copies its stages. */
    EnsembleMembers copy(ParamMap extra) {
        List<PredictionModel<?, ?>> copies = new ArrayList<>();
        for (PredictionModel<?, ?> m : models) {
            copies.add((PredictionModel<?, ?>) m.copy(extra));
        }
        return new EnsembleMembers(copies, kind, numClasses);
    }

    /** Member {@code j} with its prediction and probability written to the given columns ("" skips one). */
    PredictionModel<?, ?> redirected(int j, String prediction, String probability) {
        PredictionModel<?, ?> m = models.get(j);
        return (PredictionModel<?, ?>) m.copy(MemberOutputs.redirect(m, prediction, probability));
    }

    /** Soft voting averages probabilities, so every member must have them. */
    void requireProbabilities() {
        for (int j = 0; j < models.size(); j++) {
            if (!(models.get(j) instanceof ProbabilisticClassificationModel<?, ?>)) {
                throw new IllegalArgumentException("voting 'soft' averages class probabilities, but member " + j + " ("
                        + EnsembleKind.describe(models.get(j)) + ") has none; set voting to 'hard'");
            }
        }
    }

    /**
     * Checks every member can score {@code schema} and returns the type of the ensemble's prediction: double for
     * classification, and for regression the members' common prediction type (double, or Vector for
     * multi-output regressors).
     */
    DataType predictionType(StructType schema) {
        DataType common = null;
        for (int j = 0; j < models.size(); j++) {
            DataType type = MemberOutputs.predictionType(models.get(j), "member", j, schema);
            if (kind == EnsembleKind.REGRESSION) {
                common = EnsembleSchema.requireSamePrediction(common, type, j);
            }
        }
        return kind == EnsembleKind.CLASSIFICATION ? DataTypes.DoubleType : common;
    }

    static boolean isVector(DataType type) {
        return type.equals(SQLDataTypes.VectorType());
    }
}
