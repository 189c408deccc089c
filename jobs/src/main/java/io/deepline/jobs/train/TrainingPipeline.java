package io.deepline.jobs.train;

import io.deepline.jobs.config.InputKind;
import io.deepline.jobs.config.JobConfigException;
import io.deepline.jobs.config.PreprocessSection;
import io.deepline.pipelines.core.data.sequence.SequenceInput;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.ElementwiseProduct;
import org.apache.spark.ml.feature.OneHotEncoder;
import org.apache.spark.ml.feature.PolynomialExpansion;
import org.apache.spark.ml.feature.StandardScaler;
import org.apache.spark.ml.feature.StringIndexer;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.types.StructType;

/**
 * The Spark ML pipeline a train job fits: label indexing (for string labels), one-hot encoding of
 * {@code data.categorical} columns, feature assembly and optional division, polynomial expansion and
 * standardisation, in that order (feature columns) or tokenising and word indexing ({@code data.text}, see {@link TextStages}),
 * then the model; a {@code data.sequence} column goes to the model as it is. The saved {@code PipelineModel} holds every stage, so whoever loads it can score
 * raw rows with the same preprocessing.
 *
 * @param pipeline         the unfitted pipeline
 * @param featuresColumn   the vector column the model reads
 * @param labelColumn      the label column the model trains on (the indexed one for string labels); for an
 *                         unsupervised model, the label column the job names (not used in training), or null
 * @param predictionColumn the column the fitted model writes its predicted class to, or null for an unsupervised
 *                         model without one
 * @param probabilityColumn the column of class probabilities, or null when the model writes none
 */
public record TrainingPipeline(Pipeline pipeline, String labelColumn, String featuresColumn, String predictionColumn,
                               String probabilityColumn) {

    /** Class numbers of a string label, in alphabetical order of the class names. */
    public static final String INDEXED_LABEL = "labelIndex";
    /** The assembled feature vector. */
    public static final String ASSEMBLED_FEATURES = "features";
    /** The feature vector divided by {@code preprocess.divideBy}. */
    public static final String DIVIDED_FEATURES = "dividedFeatures";
    /** The feature vector expanded into its monomials ({@code preprocess.polynomial}). */
    public static final String POLYNOMIAL_FEATURES = "polynomialFeatures";
    /**
     * The most columns a polynomial expansion may produce. Beyond it the pipeline would build vectors of hundreds
     * of thousands of entries per row, which no network in a job trains in reasonable time.
     */
    public static final long MAX_EXPANDED_FEATURES = 100_000;
    /** The feature vector after standardisation. */
    public static final String STANDARDIZED_FEATURES = "standardizedFeatures";
    /**
     * Suffixes of a categorical column's index and one-hot columns. Snake case, unlike the names above, so they
     * cannot coincide with them; a data column of the same name is refused like any other the pipeline writes.
     */
    private static final String CATEGORY_INDEX_SUFFIX = "_index";
    private static final String ONE_HOT_SUFFIX = "_onehot";

    /**
     * Builds the pipeline around {@code estimator} and wires its {@code featuresCol} and {@code labelCol}.
     *
     * @param classifies whether the model predicts classes (a text label is then indexed) or numbers
     * @throws JobConfigException naming {@code data.path} if the input already has a column the pipeline writes, or
     *                            {@code data.label} if a regressor is given a text label
     */
    public static TrainingPipeline build(StructType schema, InputSchema input, PreprocessSection preprocess,
                                         Estimator<?> estimator, boolean classifies) {
        return build(schema, input, preprocess, estimator, classifies, null);
    }

    /**
     * As {@link #build(StructType, InputSchema, PreprocessSection, Estimator, boolean)}, with the model's
     * {@code weightCol} set to {@code weightColumn} (null: unweighted).
     *
     * @throws JobConfigException naming {@code data.weight} if the model takes no row weights
     */
    public static TrainingPipeline build(StructType schema, InputSchema input, PreprocessSection preprocess,
                                         Estimator<?> estimator, boolean classifies, String weightColumn) {
        List<PipelineStage> stages = new ArrayList<>();
        List<String> written = new ArrayList<>();
        String label = input.label();
        // An unsupervised model (no labelCol Param) ignores a label column the job names.
        boolean labeled = label != null && StageColumns.has(estimator, "labelCol");
        if (labeled && input.labelIsText() && !classifies) {
            throw new JobConfigException("data.label", "the label column '" + label + "' holds text, but a regressor"
                    + " predicts numbers", "Point data.label at a numeric column, or use a classifier model type");
        }
        if (labeled && input.labelIsText()) {
            // Alphabetical, not Spark's default frequency order: the class numbers stay the same when the data changes.
            stages.add(new StringIndexer().setInputCol(label).setOutputCol(INDEXED_LABEL)
                    .setStringOrderType("alphabetAsc").setHandleInvalid("error"));
            label = INDEXED_LABEL;
            written.add(label);
        }
        String features = input.features().get(0);
        if (input.kind() == InputKind.TEXT) {
            requireUnsetVocabulary(estimator);
            // First, so that fitting the vocabulary ahead of the pipeline (TextStages) fits nothing else.
            // Labels per step (a tagger's) line up with the tokens, so no begin/end ids are added around them.
            boolean perStepLabels = labeled && InputSchema.isNumericArray(schema.apply(input.label()).dataType());
            stages.addAll(0, TextStages.unfitted(input.inputColumn(), preprocess.textOrDefault(), !perStepLabels));
            features = TextStages.TOKEN_IDS;
            written.addAll(List.of(TextStages.FILLED_TEXT, TextStages.TOKENS, features));
        } else if (input.kind() == InputKind.SEQUENCE) {
            requireSequenceColumn(schema, input.inputColumn(), estimator);
        } else if (!input.singleVector()) {
            List<String> assembled = input.features();
            if (!input.categorical().isEmpty()) {
                stages.addAll(encodeCategories(input.categorical()));
                written.addAll(input.categorical().stream().map(TrainingPipeline::categoryIndexColumn).toList());
                written.addAll(input.categorical().stream().map(TrainingPipeline::oneHotColumn).toList());
                assembled = assembled.stream().map(f -> input.isCategorical(f) ? oneHotColumn(f) : f).toList();
            }
            stages.add(new VectorAssembler().setInputCols(assembled.toArray(String[]::new))
                    .setOutputCol(ASSEMBLED_FEATURES).setHandleInvalid("error"));
            features = ASSEMBLED_FEATURES;
            written.add(features);
        }
        if (preprocess.divides()) {
            stages.add(divide(features, input, preprocess.divideBy()));
            features = DIVIDED_FEATURES;
            written.add(features);
        }
        if (preprocess.expands()) {
            // After divideBy (powers of values in [0, 1] stay there) and before the scaler (raw powers of different
            // degrees differ in scale by orders of magnitude; standardised, each starts equal).
            stages.add(expand(features, input, preprocess.polynomial().degree()));
            features = POLYNOMIAL_FEATURES;
            written.add(features);
        }
        if (preprocess.standardize()) {
            stages.add(new StandardScaler().setInputCol(features).setOutputCol(STANDARDIZED_FEATURES)
                    .setWithMean(true).setWithStd(true));
            features = STANDARDIZED_FEATURES;
            written.add(features);
        }
        StageColumns.set(estimator, "featuresCol", features);
        if (labeled) {
            StageColumns.set(estimator, "labelCol", label);
        }
        if (weightColumn != null) {
            if (!StageColumns.has(estimator, "weightCol")) {
                throw new JobConfigException("data.weight", "row weights need a model with a weightCol Param, which "
                        + estimator.getClass().getSimpleName() + " (or one of its members) lacks", "Remove"
                        + " data.weight and data.classWeights, or use DeepClassifier or DeepRegressor");
            }
            StageColumns.set(estimator, "weightCol", weightColumn);
            if (weightColumn.equals(RowWeights.WEIGHT)) {
                written.add(weightColumn);
            }
        }
        String prediction = estimator.hasParam("predictionCol")
                ? (String) estimator.getOrDefault(estimator.getParam("predictionCol")) : null;
        for (String output : List.of("predictionCol", "probabilityCol", "rawPredictionCol")) {
            if (estimator.hasParam(output)) {
                written.add((String) estimator.getOrDefault(estimator.getParam(output)));
            }
        }
        requireUnused(schema, written);
        stages.add(estimator);
        String probability = estimator.hasParam("probabilityCol")
                ? (String) estimator.getOrDefault(estimator.getParam("probabilityCol")) : null;
        return new TrainingPipeline(new Pipeline().setStages(stages.toArray(PipelineStage[]::new)), label, features,
                prediction, probability == null || probability.isEmpty() ? null : probability);
    }

    /** The category numbers of categorical column {@code column}, e.g. {@code colour_index}. */
    public static String categoryIndexColumn(String column) {
        return column + CATEGORY_INDEX_SUFFIX;
    }

    /** The one-hot vector of categorical column {@code column}, e.g. {@code colour_onehot}. */
    public static String oneHotColumn(String column) {
        return column + ONE_HOT_SUFFIX;
    }

    /**
     * One StringIndexer over every categorical column (it fits them all in one pass over the data), then one
     * OneHotEncoder over the indices.
     *
     * <p>The indexer keeps what it has not seen: a category absent from the training rows gets its own index, one
     * past the known ones, which its output metadata counts as a category; the encoder, with {@code dropLast} off,
     * gives that index its own position, so scoring a new category neither fails nor looks like a known one. (The
     * encoder's own "keep" would add a second, always-empty slot for indices beyond that metadata; none occur.) Alphabetical order, not frequency, keeps
     * the positions the same when the data changes. A null category never reaches the indexer in training (the job
     * refuses or drops the row, see {@link NullRows}).
     */
    private static List<PipelineStage> encodeCategories(List<String> categorical) {
        String[] indexed = categorical.stream().map(TrainingPipeline::categoryIndexColumn).toArray(String[]::new);
        StringIndexer indexer = new StringIndexer().setInputCols(categorical.toArray(String[]::new))
                .setOutputCols(indexed).setStringOrderType("alphabetAsc").setHandleInvalid("keep");
        OneHotEncoder encoder = new OneHotEncoder().setInputCols(indexed)
                .setOutputCols(categorical.stream().map(TrainingPipeline::oneHotColumn).toArray(String[]::new))
                .setHandleInvalid("error").setDropLast(false);
        return List.of(indexer, encoder);
    }

    /**
     * Every monomial of the features up to {@code degree}. The expansion of n features has C(n + d, d) - 1 columns;
     * more than {@link #MAX_EXPANDED_FEATURES} is refused here, before any data is read.
     */
    private static PolynomialExpansion expand(String features, InputSchema input, int degree) {
        if (!input.singleVector() && input.categorical().isEmpty()) {
            long width = expandedWidth(input.features().size(), degree);
            if (width > MAX_EXPANDED_FEATURES) {
                throw new JobConfigException("preprocess.polynomial.degree", "expands the " + input.features().size()
                        + " features into " + (width == Long.MAX_VALUE ? "more than " + Long.MAX_VALUE : width)
                        + " columns at degree " + degree + ", more than the " + MAX_EXPANDED_FEATURES + " allowed",
                        "Lower the degree, or use fewer features");
            }
        }
        return new PolynomialExpansion().setInputCol(features).setOutputCol(POLYNOMIAL_FEATURES).setDegree(degree);
    }

    /** C(n + d, d) - 1, the columns of a degree-d expansion of n features; Long.MAX_VALUE when it overflows. */
    static long expandedWidth(int n, int degree) {
        long c = 1;
        for (int k = 1; k <= degree; k++) {
            // C(n + k, k) = C(n + k - 1, k - 1) · (n + k) / k, exact at every step.
            if (c > Long.MAX_VALUE / (n + k)) {
                return Long.MAX_VALUE;
            }
            c = c * (n + k) / k;
        }
        return c - 1;
    }

    /** Divides every feature by a fixed number: an element-wise product with a constant vector of 1 / divisor. */
    private static ElementwiseProduct divide(String features, InputSchema input, double divisor) {
        if (!input.categorical().isEmpty()) {
            // JobConfig refuses this combination; the factors below count one entry per column.
            throw new JobConfigException("preprocess.divideBy", "divides every feature, the one-hot encoded"
                    + " data.categorical columns too", "Remove preprocess.divideBy and use preprocess.standardize");
        }
        if (input.singleVector()) {
            throw new JobConfigException("preprocess.divideBy", "needs the feature columns' count, but data.features"
                    + " names one vector column", "Scale the vector column before the job, or remove divideBy");
        }
        double[] factors = new double[input.features().size()];
        Arrays.fill(factors, 1.0 / divisor);
        return new ElementwiseProduct().setInputCol(features).setOutputCol(DIVIDED_FEATURES)
                .setScalingVec(Vectors.dense(factors));
    }

    /** With data.text the vocabulary decides the embedding's size; a size in the job file would contradict it. */
    private static void requireUnsetVocabulary(Estimator<?> estimator) {
        if (estimator.hasParam("vocabularySize") && estimator.isSet(estimator.getParam("vocabularySize"))) {
            throw new JobConfigException("model.params.vocabularySize", "is set, but with data.text the job sets it"
                    + " from the vocabulary it learns", "Remove it; limit the vocabulary with"
                    + " preprocess.text.maxVocabularySize");
        }
    }

    /** The model's own check of the sequence column (its element type, and vocabularySize for token ids). */
    private static void requireSequenceColumn(StructType schema, String column, Estimator<?> estimator) {
        // Seq2Seq names its vocabularies sourceVocabularySize and targetVocabularySize, and has no default for them.
        String sizeParam = estimator.hasParam("vocabularySize") ? "vocabularySize" : "sourceVocabularySize";
        for (String name : List.of(sizeParam, "targetVocabularySize")) {
            if (estimator.hasParam(name) && !estimator.isDefined(estimator.getParam(name))) {
                throw new JobConfigException("model.params." + name, "is not set", "Set it to the number of token"
                        + " ids of the " + (name.startsWith("target") ? "label" : "data.sequence") + " column,"
                        + " reserved ids (0..3) included");
            }
        }
        int vocabularySize = (Integer) estimator.getOrDefault(estimator.getParam(sizeParam));
        try {
            SequenceInput.of(schema, column, vocabularySize);
        } catch (IllegalArgumentException e) {
            throw new JobConfigException("data.sequence", e.getMessage(), "", e);
        }
    }

    private static void requireUnused(StructType schema, List<String> written) {
        List<String> existing = List.of(schema.fieldNames());
        for (String column : written) {
            if (existing.contains(column)) {
                throw new JobConfigException("data.path", "the data already has a column named '" + column
                        + "', which the training pipeline writes", "Rename or drop that column in the data");
            }
        }
    }
}
