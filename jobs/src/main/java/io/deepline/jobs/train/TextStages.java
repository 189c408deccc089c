package io.deepline.jobs.train;

import io.deepline.jobs.config.TextPreprocessing;
import io.deepline.pipelines.text.TokenIndexer;
import io.deepline.pipelines.text.TokenIndexerModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
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
    static TrainingPipeline fitVocabulary(TrainingPipeline plan, Dataset<Row> train) {
        PipelineStage[] stages = plan.pipeline().getStages();
        int indexer = indexOfIndexer(stages);
        if (indexer < 0) {
            return plan;
        }
        PipelineModel text = new Pipeline().setStages(Arrays.copyOfRange(stages, 0, indexer + 1)).fit(train);
        TokenIndexerModel vocabulary = (TokenIndexerModel) text.stages()[indexer];
        LOG.info("Learned a vocabulary of {} words ({} ids with the reserved ones) on the training split",
                vocabulary.vocabulary().length, vocabulary.vocabularySize());
        List<PipelineStage> fitted = new ArrayList<>(Arrays.asList(text.stages()));
        for (int i = indexer + 1; i < stages.length; i++) {
            fitted.add(i == stages.length - 1 ? sized((Estimator<?>) stages[i], vocabulary.vocabularySize())
                    : stages[i]);
        }
        return new TrainingPipeline(new Pipeline().setStages(fitted.toArray(PipelineStage[]::new)),
                plan.labelColumn(), plan.featuresColumn(), plan.predictionColumn(), plan.probabilityColumn());
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
