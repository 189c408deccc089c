package io.deepline.pipelines.ensemble;

import org.apache.spark.ml.PredictionModel;
import org.apache.spark.ml.Predictor;
import org.apache.spark.ml.classification.ClassificationModel;
import org.apache.spark.ml.classification.Classifier;

/**
 * What an ensemble's members predict, read from their Spark ML classes: classifiers ({@code Classifier},
 * {@code ClassificationModel}) or regressors (every other {@code Predictor}, {@code PredictionModel}).
 */
public enum EnsembleKind {
    CLASSIFICATION, REGRESSION;

    /** The kind of fitted member {@code j}; fails unless it is a Spark ML {@code PredictionModel}. */
    static EnsembleKind ofModel(int j, Object model) {
        if (model instanceof ClassificationModel<?, ?>) {
            return CLASSIFICATION;
        }
        if (model instanceof PredictionModel<?, ?>) {
            return REGRESSION;
        }
        throw new IllegalArgumentException("member " + j + " is " + describe(model) + ", not a Spark ML"
                + " PredictionModel; an ensemble combines classification or regression models (for example"
                + " DeepClassificationModel, DeepRegressionModel, LogisticRegressionModel)");
    }

    /** The kind of member estimator {@code j}; fails unless it is a Spark ML {@code Predictor}. */
    static EnsembleKind ofEstimator(int j, Object estimator) {
        if (estimator instanceof Classifier<?, ?, ?>) {
            return CLASSIFICATION;
        }
        if (estimator instanceof Predictor<?, ?, ?>) {
            return REGRESSION;
        }
        throw new IllegalArgumentException("estimator " + j + " is " + describe(estimator) + ", not a Spark ML"
                + " Predictor; an ensemble trains classifiers or regressors (for example DeepClassifier,"
                + " DeepRegressor, LogisticRegression)");
    }

    String noun() {
        return this == CLASSIFICATION ? "classifier" : "regressor";
    }

    static String describe(Object stage) {
        if (stage == null) {
            return "null";
        }
        String uid = stage instanceof org.apache.spark.ml.util.Identifiable id ? " (uid " + id.uid() + ")" : "";
        return "a " + stage.getClass().getName() + uid;
    }
}
