package io.deepline.pipelines.text;

import io.deepline.pipelines.core.param.StageUid;
import io.deepline.pipelines.core.persist.ParamsOnlyPersistence;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.feature.CountVectorizer;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructType;

/**
 * Learns a vocabulary from a column of {@code array<string>} tokens and maps each row's tokens, in order, to
 * {@code array<int>} ids (the input of an embedding layer). MLlib's {@code CountVectorizer} gives a
 * bag-of-words vector and {@code StringIndexer} indexes one string per row; neither keeps the order, so this
 * stage adds the ordered mapping on top of the vocabulary {@code CountVectorizer} learns.
 *
 * <p>The vocabulary is exactly {@code CountVectorizer}'s ({@code vocabSize}, {@code minDF}, {@code maxDF}
 * with its meanings; the most frequent word first), fitted on the rows whose token array is not null (so a
 * fractional minDF counts those rows). Word k of it gets id {@link ReservedTokens#FIRST_WORD_ID} + k; ids 0 to 3
 * are reserved (see {@link ReservedTokens}). CountVectorizer's minTF is not offered: it filters counts inside one
 * row at transform time and does not affect the vocabulary.
 *
 * <pre>{@code
 * Pipeline text = new Pipeline().setStages(new PipelineStage[]{
 *     new RegexTokenizer().setInputCol("text").setOutputCol("tokens").setPattern("\\W+"),
 *     new TokenIndexer().setInputCol("tokens").setOutputCol("ids").setVocabSize(20000).setMinDF(2)});
 * }</pre>
 */
public class TokenIndexer extends Estimator<TokenIndexerModel>
        implements HasTokenIndexerParams<TokenIndexer>, MLWritable {
    private static final long serialVersionUID = 1L;

    private final String uid;
    private final TokenIndexerParamSet tokenIndexerParams;

    public TokenIndexer() {
        this(Identifiable$.MODULE$.randomUID("tokenIndexer"));
    }

    public TokenIndexer(String uid) {
        this(StageUid.stash(uid));
    }

    private TokenIndexer(StageUid.Token token) {
        super();
        this.uid = StageUid.take();
        this.tokenIndexerParams = new TokenIndexerParamSet(this);
        setTokenIndexerDefaults();
    }

    @Override
    public String uid() {
        return uid != null ? uid : StageUid.pending();
    }

    @Override
    public TokenIndexerParamSet tokenIndexerParams() {
        return tokenIndexerParams;
    }

    // ---- setters (fluent, as MLlib's) ----

    // ---- fitting ----

    @Override
    public StructType transformSchema(StructType schema) {
        return validateAndTransformSchema(schema);
    }

    /**
     * Fits MLlib's CountVectorizer on the non-null token arrays and keeps its vocabulary.
     *
     * @throws IllegalArgumentException if the schema is wrong, or no word passes minDF/maxDF (CountVectorizer
     *                                  would only warn)
     */
    @Override
    public TokenIndexerModel fit(Dataset<?> dataset) {
        transformSchema(dataset.schema(), true);
        String input = getInputCol();
        CountVectorizer counter = new CountVectorizer().setInputCol(input).setOutputCol(uid() + "_counts")
                .setVocabSize(getVocabSize()).setMinDF(getMinDF()).setMaxDF(getMaxDF());
        Dataset<?> tokens = dataset.select(functions.col(input)).where(functions.col(input).isNotNull());
        String[] vocabulary;
        try {
            vocabulary = counter.fit(tokens).vocabulary();
        } catch (IllegalArgumentException e) {
            // CountVectorizer's require(), e.g. minDF > maxDF when both are counts or both fractions.
            throw noVocabulary(e.getMessage(), e);
        }
        if (vocabulary.length == 0) {
            // CountVectorizer only logs a warning; a model that maps every token to unknown is surely a mistake.
            throw noVocabulary("no word passes", null);
        }
        TokenIndexerModel model = new TokenIndexerModel(uid(), vocabulary);
        model.setParent(this);
        return (TokenIndexerModel) copyValues(model, ParamMap.empty());
    }

    private IllegalArgumentException noVocabulary(String reason, Throwable cause) {
        return new IllegalArgumentException("cannot learn a vocabulary from the token column '" + getInputCol()
                + "' with vocabSize " + getVocabSize() + ", minDF " + getMinDF() + " and maxDF " + getMaxDF()
                + " (" + reason + "); check that the column has non-empty token arrays, and lower minDF or raise"
                + " maxDF", cause);
    }

    @Override
    public TokenIndexer copy(ParamMap extra) {
        return (TokenIndexer) defaultCopy(extra);
    }

    // ---- persistence ----

    @Override
    public MLWriter write() {
        return ParamsOnlyPersistence.writer(this);
    }

    public static MLReader<TokenIndexer> read() {
        return ParamsOnlyPersistence.reader(TokenIndexer.class);
    }

    public static TokenIndexer load(String path) {
        return read().load(path);
    }
}
