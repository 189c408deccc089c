package io.deepline.jobs.train;

import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import io.deepline.jobs.config.JobConfigException;
import io.deepline.jobs.config.TextPreprocessing;
import io.deepline.pipelines.text.TokenIndexer;
import io.deepline.pipelines.text.TokenIndexerModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.feature.RegexTokenizer;
import org.apache.spark.ml.feature.SQLTransformer;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stages that turn {@code data.text} into word ids: MLlib's {@code SQLTransformer} (null text → empty),
 * {@code RegexTokenizer}, then Deepline's {@code TokenIndexer}.
 *
 * <p>Why the vocabulary is fitted ahead of the pipeline: a sequence model's embedding needs the vocabulary's size
 * ({@code vocabularySize}) before it is built, but {@code Pipeline.fit} first checks the whole pipeline's schema
 * (the model refuses token ids without a vocabularySize) and then fits the stages in order, so nothing could set
 * the size in between. {@link #fitVocabulary} therefore fits the tokenizer and indexer on the training split, puts
 * the fitted {@code TokenIndexerModel} into the pipeline in place of the {@code TokenIndexer}, and sets the model's
 * {@code vocabularySize} from it. The saved {@code PipelineModel} is the same as if {@code Pipeline.fit} had fitted
 * the indexer. The test split never touches the vocabulary; under {@code tune} the folds share the training split's
 * vocabulary (word counts only, no labels).
 */
final class TextStages {

    /** The text with a missing (null) text made empty: RegexTokenizer fails on null. */
    static final String FILLED_TEXT = "filledText";
    /** The tokenizer's output: {@code array<string>}. */
    static final String TOKENS = "tokens";
    /** The indexer's output: {@code array<int>} word ids, the model's features. */
    static final String TOKEN_IDS = "tokenIds";

    private static final Logger LOG = LoggerFactory.getLogger(TextStages.class);

    private TextStages() {
    }

    /**
     * The null filler, the tokenizer and the (unfitted) indexer of {@code textColumn}, as {@code preprocess.text}
     * configures them. A missing text counts as an empty one (CSV reads an empty field as null).
     *
     * @param beginEnd wrap every sequence in begin and end ids, so an empty text or one of punctuation only is still
     *                 a sequence (two steps) that the model can score rather than a row it must refuse; off when
     *                 the labels are per step and must line up with the tokens
     */
    static List<PipelineStage> unfitted(String textColumn, TextPreprocessing text, boolean beginEnd) {
        SQLTransformer filler = new SQLTransformer().setStatement("SELECT *, coalesce(`"
                + textColumn.replace("`", "``") + "`, '') AS " + FILLED_TEXT + " FROM __THIS__");
        RegexTokenizer tokenizer = new RegexTokenizer().setInputCol(FILLED_TEXT).setOutputCol(TOKENS)
                .setPattern(text.pattern()).setGaps(true).setToLowercase(text.lowercase())
                .setMinTokenLength(text.minTokenLength());
        TokenIndexer indexer = new TokenIndexer().setInputCol(TOKENS).setOutputCol(TOKEN_IDS)
                .setVocabSize(text.maxVocabularySize()).setMinDF(text.minDocuments()).setAddBeginEnd(beginEnd);
        return List.of(filler, tokenizer, indexer);
    }

    /**
     * The plan with its {@code TokenIndexer} fitted on {@code train} and its model's {@code vocabularySize} set; the
     * plan itself when it has no text stages.
     */
    static TrainingPipeline fitVocabulary(TrainingPipeline plan, Dataset<Row> train, InputSchema input) {
        PipelineStage[] stages = plan.pipeline().getStages();
        int indexer = indexOfIndexer(stages);
        if (indexer < 0) {
            return plan;
        }
        Pipeline textStages = new Pipeline().setStages(Arrays.copyOfRange(stages, 0, indexer + 1));
        LOG.info("Learning the vocabulary of '{}' on the training split (tokenizing every row)", input.inputColumn());
        long learning = System.nanoTime();
        PipelineModel text;
        try {
            text = textStages.fit(train);
        } catch (IllegalArgumentException e) {
            throw noVocabulary(textStages, train, input.inputColumn(), e);
        }
        TokenIndexerModel vocabulary = (TokenIndexerModel) text.stages()[indexer];
        LOG.info(String.format(Locale.ROOT, "Learned a vocabulary of %d words (%d ids with the reserved ones) on the"
                + " training split in %.1f s", vocabulary.vocabulary().length, vocabulary.vocabularySize(),
                (System.nanoTime() - learning) / 1e9));
        List<PipelineStage> fitted = new ArrayList<>(Arrays.asList(text.stages()));
        for (int i = indexer + 1; i < stages.length; i++) {
            fitted.add(i == stages.length - 1 ? sized((Estimator<?>) stages[i], vocabulary.vocabularySize())
                    : stages[i]);
        }
        return new TrainingPipeline(new Pipeline().setStages(fitted.toArray(PipelineStage[]::new)),
                plan.labelColumn(), plan.featuresColumn(), plan.predictionColumn(), plan.probabilityColumn());
    }

    /**
     * Why no vocabulary could be learned, in the job file's terms ({@code data.text}, {@code preprocess.text.*})
     * rather than the indexer's ({@code tokens}, {@code minDF}): either no training row has a word, or no word is in
     * enough rows. Counted only once the fit has failed, so a good run pays nothing for it.
     */
    private static IllegalArgumentException noVocabulary(Pipeline textStages, Dataset<Row> train,
                                                         String textColumn, IllegalArgumentException failure) {
        PipelineStage[] stages = textStages.getStages();
        RegexTokenizer tokenizer = (RegexTokenizer) stages[stages.length - 2];
        TokenIndexer indexer = (TokenIndexer) stages[stages.length - 1];
        Dataset<Row> tokens = tokenizer.transform(((Transformer) stages[0]).transform(train));
        Row counts = tokens.agg(count(lit(1)), count(when(size(col(TOKENS)).gt(0), 1)),
                count(when(trim(col(FILLED_TEXT)).equalTo(""), 1))).first();
        long rows = counts.getLong(0);
        if (counts.getLong(1) == 0) {
            return new JobConfigException("data.text", "column '" + textColumn + "' has no words in any of the "
                    + rows + " training rows (" + counts.getLong(2) + " of them are empty or null)", "Point"
                    + " data.text at a column that holds text; if it does, check preprocess.text.pattern (now '"
                    + tokenizer.getPattern() + "', what separates words) and preprocess.text.minTokenLength (now "
                    + tokenizer.getMinTokenLength() + ")", failure);
        }
        Row commonest = tokens.select(explode(array_distinct(col(TOKENS))).as("word")).groupBy("word").count()
                .agg(max("count")).first();
        long documents = commonest.getLong(0);
        if (documents >= indexer.getMinDF()) {
            return failure; // not for want of words: the indexer's own message is the best there is
        }
        return new JobConfigException("preprocess.text.minDocuments", "is " + (long) indexer.getMinDF() + ", but the"
                + " commonest word of data.text column '" + textColumn + "' is in " + documents + " of the " + rows
                + " training rows", "Lower preprocess.text.minDocuments to at most " + documents + ", or train on"
                + " more rows", failure);
    }

    /** A copy of the model's estimator (same uid, so tune's grid still applies) with its vocabularySize set. */
    private static Estimator<?> sized(Estimator<?> model, int vocabularySize) {
        Estimator<?> copy = (Estimator<?>) model.copy(ParamMap.empty());
        copy.set(copy.getParam("vocabularySize"), vocabularySize);
        return copy;
    }

    private static int indexOfIndexer(PipelineStage[] stages) {
        for (int i = 0; i < stages.length; i++) {
            if (stages[i] instanceof TokenIndexer) {
                return i;
            }
        }
        return -1;
    }
}
