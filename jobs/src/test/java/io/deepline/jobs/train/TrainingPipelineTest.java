package io.deepline.jobs.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.jobs.config.InputKind;
import io.deepline.jobs.config.JobConfigException;
import io.deepline.jobs.config.PolynomialFeatures;
import io.deepline.jobs.config.PreprocessSection;
import io.deepline.jobs.config.TextPreprocessing;
import io.deepline.pipelines.classification.DeepClassifier;
import io.deepline.pipelines.ensemble.EnsembleEstimator;
import io.deepline.pipelines.sequence.SequenceClassifier;
import io.deepline.pipelines.sequence.SequenceRegressor;
import io.deepline.pipelines.sequence.SequenceTagger;
import io.deepline.pipelines.text.TokenIndexer;
import java.util.List;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.ElementwiseProduct;
import org.apache.spark.ml.feature.OneHotEncoder;
import org.apache.spark.ml.feature.PolynomialExpansion;
import org.apache.spark.ml.feature.RegexTokenizer;
import org.apache.spark.ml.feature.SQLTransformer;
import org.apache.spark.ml.feature.StandardScaler;
import org.apache.spark.ml.feature.StringIndexer;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** Which stages a job's pipeline gets, and how they are wired; no SparkSession needed. */
class TrainingPipelineTest {

    private static final StructType NAMED = new StructType().add("a", DataTypes.DoubleType)
            .add("b", DataTypes.DoubleType).add("species", DataTypes.StringType);

    @Test
    void stringLabelsAreIndexedAndFeaturesAssembledAndStandardized() {
        DeepClassifier clf = new DeepClassifier();
        InputSchema input = new InputSchema("species", true, List.of("a", "b"), false);

        TrainingPipeline p = TrainingPipeline.build(NAMED, input, new PreprocessSection(true, null, null), clf, true);

        PipelineStage[] stages = p.pipeline().getStages();
        assertEquals(4, stages.length);
        assertInstanceOf(StringIndexer.class, stages[0]);
        assertInstanceOf(VectorAssembler.class, stages[1]);
        assertInstanceOf(StandardScaler.class, stages[2]);
        assertSame(clf, stages[3]);
        assertEquals(TrainingPipeline.INDEXED_LABEL, clf.getLabelCol());
        assertEquals(TrainingPipeline.STANDARDIZED_FEATURES, clf.getFeaturesCol());
        assertEquals(TrainingPipeline.INDEXED_LABEL, p.labelColumn());
        assertEquals("prediction", p.predictionColumn());
    }

    @Test
    void polynomialFeaturesComeAfterTheDivisionAndBeforeTheScaler() {
        DeepClassifier clf = new DeepClassifier();
        InputSchema input = new InputSchema("species", true, List.of("a", "b"), false);
        PreprocessSection preprocess = new PreprocessSection(true, 10.0, null, new PolynomialFeatures(3));

        TrainingPipeline p = TrainingPipeline.build(NAMED, input, preprocess, clf, true);

        PipelineStage[] stages = p.pipeline().getStages();
        assertInstanceOf(VectorAssembler.class, stages[1]);
        assertInstanceOf(ElementwiseProduct.class, stages[2]);
        PolynomialExpansion expansion = assertInstanceOf(PolynomialExpansion.class, stages[3]);
        assertEquals(3, expansion.getDegree());
        assertEquals(TrainingPipeline.DIVIDED_FEATURES, expansion.getInputCol());
        StandardScaler scaler = assertInstanceOf(StandardScaler.class, stages[4]);
        assertEquals(TrainingPipeline.POLYNOMIAL_FEATURES, scaler.getInputCol());
        assertEquals(TrainingPipeline.STANDARDIZED_FEATURES, clf.getFeaturesCol());
    }

    @Test
    void aPolynomialExpansionTooWideIsRefusedBeforeAnyData() {
        // C(n + d, d) - 1 monomials: 4 features at degree 2 give 14, 2 at degree 3 give 9.
        assertEquals(14, TrainingPipeline.expandedWidth(4, 2));
        assertEquals(9, TrainingPipeline.expandedWidth(2, 3));
        List<String> many = java.util.stream.IntStream.range(0, 60).mapToObj(i -> "f" + i).toList();
        StructType columns = new StructType();
        for (String f : many) {
            columns = columns.add(f, DataTypes.DoubleType);
        }
        StructType wide = columns;
        InputSchema input = new InputSchema(null, false, many, false);

        JobConfigException e = assertThrows(JobConfigException.class, () -> TrainingPipeline.build(wide.add("y",
                DataTypes.DoubleType), input, new PreprocessSection(false, null, null, new PolynomialFeatures(4)),
                new DeepClassifier(), true));

        assertEquals("preprocess.polynomial.degree", e.keyPath());
        assertTrue(e.getMessage().contains("Lower the degree"), e.getMessage());
    }

    @Test
    void anEnsemblesMembersReadTheJobsColumnsAndWeights() {
        DeepClassifier first = new DeepClassifier();
        DeepClassifier second = new DeepClassifier();
        EnsembleEstimator ensemble = new EnsembleEstimator(List.of(first, second));
        InputSchema input = new InputSchema("species", true, List.of("a", "b"), false);

        TrainingPipeline p = TrainingPipeline.build(NAMED, input, new PreprocessSection(true, null, null), ensemble,
                true, "w");

        for (DeepClassifier member : List.of(first, second)) {
            assertEquals(TrainingPipeline.STANDARDIZED_FEATURES, member.getFeaturesCol());
            assertEquals(TrainingPipeline.INDEXED_LABEL, member.getLabelCol());
            assertEquals("w", member.getOrDefault(member.getParam("weightCol")));
        }
        assertEquals(TrainingPipeline.INDEXED_LABEL, p.labelColumn());
        assertEquals("probability", p.probabilityColumn());
    }

    @Test
    void aVectorColumnNeedsNoAssembler() {
        StructType libsvm = new StructType().add("label", DataTypes.DoubleType)
                .add("features", SQLDataTypes.VectorType());
        DeepClassifier clf = new DeepClassifier();

        TrainingPipeline p = TrainingPipeline.build(libsvm, new InputSchema("label", false, List.of("features"), true),
                PreprocessSection.DEFAULT, clf, true);

        assertEquals(1, p.pipeline().getStages().length);
        assertEquals("features", clf.getFeaturesCol());
        assertEquals("label", clf.getLabelCol());
    }

    @Test
    void anInputColumnThePipelineWouldOverwriteIsAnError() {
        StructType scored = NAMED.add("prediction", DataTypes.DoubleType);
        InputSchema input = new InputSchema("species", true, List.of("a", "b"), false);

        JobConfigException e = assertThrows(JobConfigException.class,
                () -> TrainingPipeline.build(scored, input, PreprocessSection.DEFAULT, new DeepClassifier(), true));

        assertEquals("data.path", e.keyPath());
    }

    private static final StructType SHOP = new StructType().add("price", DataTypes.DoubleType)
            .add("colour", DataTypes.StringType).add("size", DataTypes.IntegerType)
            .add("bought", DataTypes.StringType);
    private static final InputSchema SHOP_INPUT = new InputSchema("bought", true, InputKind.FEATURES,
            List.of("colour", "price", "size"), false, List.of("colour", "size"));

    @Test
    void categoricalColumnsAreIndexedKeepingUnseenValuesAndEncodedInPlace() {
        DeepClassifier clf = new DeepClassifier();

        TrainingPipeline p = TrainingPipeline.build(SHOP, SHOP_INPUT, new PreprocessSection(true, null, null), clf,
                true);

        PipelineStage[] stages = p.pipeline().getStages();
        assertEquals(6, stages.length);
        assertEquals("bought", assertInstanceOf(StringIndexer.class, stages[0]).getInputCol());
        StringIndexer categories = assertInstanceOf(StringIndexer.class, stages[1]);
        OneHotEncoder encoder = assertInstanceOf(OneHotEncoder.class, stages[2]);
        VectorAssembler assembler = assertInstanceOf(VectorAssembler.class, stages[3]);
        assertInstanceOf(StandardScaler.class, stages[4]);
        assertSame(clf, stages[5]);
        assertEquals(List.of("colour", "size"), List.of(categories.getInputCols()));
        assertEquals(List.of("keep", "alphabetAsc"), List.of(categories.getHandleInvalid(),
                categories.getStringOrderType()));
        assertEquals(List.of(categories.getOutputCols()), List.of(encoder.getInputCols()));
        assertEquals(List.of("error", false), List.of(encoder.getHandleInvalid(), encoder.getDropLast()));
        assertEquals(List.of("colour_onehot", "price", "size_onehot"), List.of(assembler.getInputCols()),
                "each one-hot vector where its column is listed");
        assertEquals(List.of(encoder.getOutputCols()), List.of("colour_onehot", "size_onehot"));
    }

    @Test
    void aDataColumnNamedLikeACategoricalColumnsOutputIsAnError() {
        StructType clash = SHOP.add("colour_index", DataTypes.DoubleType);

        JobConfigException e = assertThrows(JobConfigException.class, () -> TrainingPipeline.build(clash, SHOP_INPUT,
                PreprocessSection.DEFAULT, new DeepClassifier(), true));

        assertEquals("data.path", e.keyPath());
        assertTrue(e.getMessage().contains("'colour_index'"), e.getMessage());
    }

    @Test
    void divideByIsRefusedWithCategoricalColumns() {
        JobConfigException e = assertThrows(JobConfigException.class, () -> TrainingPipeline.build(SHOP, SHOP_INPUT,
                new PreprocessSection(false, 255.0, null), new DeepClassifier(), true));

        assertEquals("preprocess.divideBy", e.keyPath());
    }

    @Test
    void textIsFilledTokenisedAndIndexedBeforeTheLabelIndexerAndTheModel() {
        StructType mail = new StructType().add("body", DataTypes.StringType).add("kind", DataTypes.StringType);
        SequenceClassifier clf = new SequenceClassifier();
        InputSchema input = new InputSchema("kind", true, InputKind.TEXT, List.of("body"), false);
        TextPreprocessing text = new TextPreprocessing(300, 2, "\\s+", false, 2);

        TrainingPipeline p = TrainingPipeline.build(mail, input, new PreprocessSection(false, null, text), clf, true);

        PipelineStage[] stages = p.pipeline().getStages();
        assertEquals(5, stages.length);
        assertInstanceOf(SQLTransformer.class, stages[0]);
        RegexTokenizer tokenizer = assertInstanceOf(RegexTokenizer.class, stages[1]);
        TokenIndexer indexer = assertInstanceOf(TokenIndexer.class, stages[2]);
        assertInstanceOf(StringIndexer.class, stages[3]);
        assertSame(clf, stages[4]);
        assertEquals(List.of("\\s+", false, 2), List.of(tokenizer.getPattern(), tokenizer.getToLowercase(),
                tokenizer.getMinTokenLength()));
        assertEquals(List.of(300, 2.0, true), List.of(indexer.getVocabSize(), indexer.getMinDF(),
                indexer.getAddBeginEnd()));
        assertEquals(TextStages.TOKEN_IDS, clf.getFeaturesCol());
        assertEquals(0, clf.getVocabularySize(), "set from the vocabulary once it is fitted");
    }

    @Test
    void aSequenceColumnGoesToTheModelAsItIs() {
        StructType series = new StructType().add("x", DataTypes.createArrayType(DataTypes.DoubleType))
                .add("y", DataTypes.DoubleType);
        SequenceRegressor reg = new SequenceRegressor();

        TrainingPipeline p = TrainingPipeline.build(series, new InputSchema("y", false, InputKind.SEQUENCE,
                List.of("x"), false), PreprocessSection.DEFAULT, reg, false);

        assertEquals(1, p.pipeline().getStages().length);
        assertEquals("x", reg.getFeaturesCol());
    }

    @Test
    void textColumnsThePipelineWritesMustBeNew() {
        StructType mail = new StructType().add("body", DataTypes.StringType).add("tokens", DataTypes.StringType)
                .add("y", DataTypes.DoubleType);
        InputSchema input = new InputSchema("y", false, InputKind.TEXT, List.of("body"), false);

        JobConfigException e = assertThrows(JobConfigException.class, () -> TrainingPipeline.build(mail, input,
                PreprocessSection.DEFAULT, new SequenceClassifier(), true));

        assertEquals("data.path", e.keyPath());
        assertTrue(e.getMessage().contains("'tokens'"), e.getMessage());
    }

    @Test
    void textWithLabelsPerStepGetsNoBeginAndEndIds() {
        StructType sentences = new StructType().add("words", DataTypes.StringType)
                .add("tags", DataTypes.createArrayType(DataTypes.DoubleType));
        InputSchema input = new InputSchema("tags", false, InputKind.TEXT, List.of("words"), false);

        TrainingPipeline p = TrainingPipeline.build(sentences, input, PreprocessSection.DEFAULT, new SequenceTagger(),
                true);

        PipelineStage[] stages = p.pipeline().getStages();
        assertEquals(4, stages.length, "no label indexer for array labels");
        assertFalse(assertInstanceOf(TokenIndexer.class, stages[2]).getAddBeginEnd(),
                "the tags line up with the tokens");
    }
}
