package io.deepline.pipelines.text;

import io.deepline.pipelines.core.param.StageUid;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructType;

/**
 * Maps a column of {@code array<string>} tokens to {@code array<int>} ids, keeping their order, with the
 * vocabulary its {@link TokenIndexer} learned: word k (0-based, most frequent first) has id
 * {@link ReservedTokens#FIRST_WORD_ID} + k, and ids 0 to 3 are padding, unknown, begin and end.
 *
 * <p>A null token array gives a null id array; a null token is an unknown token. The vocabulary travels to the
 * executors as one broadcast per model, not inside each task.
 */
public class TokenIndexerModel extends Model<TokenIndexerModel>
        implements HasTokenIndexerParams<TokenIndexerModel>, MLWritable {
    private static final long serialVersionUID = 1L;

    private final String uid;
    private final TokenIndexerParamSet tokenIndexerParams;
    private String[] words = new String[0];
    private transient Map<String, Integer> ids = Map.of();
    private transient Broadcast<Map<String, Integer>> broadcastIds;

    /**
     * An unfitted model, so that {@code ServiceLoader} can list it (Spark 4's ML on Connect finds stages
     * that way, as it does Spark's own models); transform fails until it is fitted or loaded.
     */
    public TokenIndexerModel() {
        this(Identifiable$.MODULE$.randomUID("tokenIndexer"));
    }

    /** For Spark's reflection (readers and copies); the vocabulary is set by the reader. */
    public TokenIndexerModel(String uid) {
        this(StageUid.stash(uid));
    }

    private TokenIndexerModel(StageUid.Token token) {
        super();
        this.uid = StageUid.take();
        this.tokenIndexerParams = new TokenIndexerParamSet(this);
        setTokenIndexerDefaults();
    }

    /**
     * A model with {@code vocabulary} (most frequent first, as CountVectorizerModel's).
     *
     * @throws IllegalArgumentException if a word is null or repeated
     */
    public TokenIndexerModel(String uid, String[] vocabulary) {
        this(uid);
        setVocabulary(vocabulary);
    }

    final void setVocabulary(String[] vocabulary) {
        Map<String, Integer> index = new HashMap<>(vocabulary.length * 2);
        for (int k = 0; k < vocabulary.length; k++) {
            String word = vocabulary[k];
            if (word == null) {
                throw new IllegalArgumentException("word " + k + " of the vocabulary is null; a vocabulary holds"
                        + " non-null words");
            }
            if (index.put(word, ReservedTokens.FIRST_WORD_ID + k) != null) {
                throw new IllegalArgumentException("the word '" + word + "' appears twice in the vocabulary (again at "
                        + k + "); a vocabulary lists each word once");
            }
        }
        this.words = vocabulary.clone();
        this.ids = index;
        this.broadcastIds = null;
    }

    @Override
    public String uid() {
        return uid != null ? uid : StageUid.pending();
    }

    @Override
    public TokenIndexerParamSet tokenIndexerParams() {
        return tokenIndexerParams;
    }

    /** The words, most frequent first; word k has id {@link ReservedTokens#FIRST_WORD_ID} + k. */
    public String[] vocabulary() {
        return words.clone();
    }

    /**
     * The number of ids, reserved ones included: the input size of an embedding layer over this model's
     * output. Ids are 0 to vocabularySize() - 1.
     */
    public int vocabularySize() {
        return ReservedTokens.FIRST_WORD_ID + words.length;
    }

    /** The id {@code transform} gives {@code token}, {@link ReservedTokens#UNKNOWN_ID} if it is not a word. */
    public int idOf(String token) {
        Integer id = token == null ? null : ids().get(token);
        return id == null ? ReservedTokens.UNKNOWN_ID : id;
    }

    /**
     * The tokens of {@code ids} (for a sequence model's output): words, and "&lt;pad&gt;", "&lt;unk&gt;", "&lt;s&gt;",
     * "&lt;/s&gt;" for the reserved ids.
     *
     * @throws IllegalArgumentException naming the position if an id is negative or &ge; vocabularySize()
     */
    public String[] decode(int[] ids) {
        String[] tokens = new String[ids.length];
        for (int i = 0; i < ids.length; i++) {
            int id = ids[i];
            if (id < 0 || id >= vocabularySize()) {
                throw new IllegalArgumentException("id " + id + " at position " + i + " is outside 0.."
                        + (vocabularySize() - 1) + ", the ids of this model (" + words.length + " words and "
                        + ReservedTokens.FIRST_WORD_ID + " reserved ids); decode ids from this model's own output");
            }
            tokens[i] = ReservedTokens.isReserved(id) ? ReservedTokens.name(id)
                    : words[id - ReservedTokens.FIRST_WORD_ID];
        }
        return tokens;
    }

    // ---- setters (fluent, as MLlib's); the vocabulary Params only record how it was learned ----

    // ---- transforming ----

    @Override
    public StructType transformSchema(StructType schema) {
        return validateAndTransformSchema(schema);
    }

    /**
     * Appends the id column. With handleUnknown = error, the Spark job fails on the first unknown token, its
     * cause an IllegalArgumentException naming the token and the column.
     */
    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        transformSchema(dataset.schema(), true);
        TokenIdMapper mapper = new TokenIdMapper(broadcastIds(dataset), getHandleUnknown(), getAddBeginEnd(),
                getInputCol());
        return dataset.withColumn(getOutputCol(),
                functions.udf(mapper, TokenSchemas.ID_ARRAY).apply(functions.col(getInputCol())));
    }

    private synchronized Broadcast<Map<String, Integer>> broadcastIds(Dataset<?> dataset) {
        if (broadcastIds == null) {
            broadcastIds = JavaSparkContext.fromSparkContext(dataset.sparkSession().sparkContext())
                    .broadcast(new HashMap<>(ids()));
        }
        return broadcastIds;
    }

    /** The word-to-id map, rebuilt after Java deserialization (it is transient). */
    private Map<String, Integer> ids() {
        if (ids == null) {
            setVocabulary(words);
        }
        return ids;
    }

    @Override
    public TokenIndexerModel copy(ParamMap extra) {
        TokenIndexerModel copy = new TokenIndexerModel(uid(), words);
        copy.setParent(parent());
        return copyValues(copy, extra);
    }

    // ---- persistence ----

    @Override
    public MLWriter write() {
        return new TokenIndexerModelPersistence.Writer(this);
    }

    public static MLReader<TokenIndexerModel> read() {
        return new TokenIndexerModelPersistence.Reader();
    }

    public static TokenIndexerModel load(String path) {
        return read().load(path);
    }

    @Override
    public String toString() {
        return "TokenIndexerModel: uid=" + uid() + ", words=" + words.length + ", vocabularySize="
                + vocabularySize();
    }
}
