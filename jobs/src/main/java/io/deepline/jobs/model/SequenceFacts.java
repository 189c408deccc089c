package io.deepline.jobs.model;

import io.deepline.pipelines.core.data.sequence.SequenceInput;
import io.deepline.pipelines.sequence.HasSequenceInputParams;
import io.deepline.pipelines.sequence.HasSequenceParams;
import io.deepline.pipelines.sequence.HasTransformerClassifierParams;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The metrics-file facts every fitted sequence model shares: its input kind and network shape. */
final class SequenceFacts {

    private SequenceFacts() {
    }

    /**
     * @param model       the fitted model's Params
     * @param input       the kind of sequence column it was trained on
     * @param numFeatures inputs per step (1 for token ids and univariate series)
     */
    static Map<String, Object> of(HasSequenceParams<?> model, SequenceInput input, int numFeatures) {
        Map<String, Object> facts = input(model, input, numFeatures);
        facts.put("cell", model.getCell());
        facts.put("hiddenSize", model.getHiddenSize());
        return withVocabulary(facts, model, input);
    }

    /** The facts of a fitted Transformer classifier: its input kind and the stack's sizes. */
    static Map<String, Object> ofTransformer(HasTransformerClassifierParams<?> model, SequenceInput input,
                                             int numFeatures) {
        Map<String, Object> facts = input(model, input, numFeatures);
        facts.put("modelDim", model.getModelDim());
        facts.put("numHeads", model.getNumHeads());
        facts.put("numLayers", model.getNumLayers());
        facts.put("pooling", model.getPooling());
        return withVocabulary(facts, model, input);
    }

    private static Map<String, Object> input(HasSequenceInputParams<?> model, SequenceInput input, int numFeatures) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("sequenceInput", input.name().toLowerCase(Locale.ROOT));
        facts.put("numFeatures", numFeatures);
        return facts;
    }

    private static Map<String, Object> withVocabulary(Map<String, Object> facts, HasSequenceInputParams<?> model,
                                                      SequenceInput input) {
        if (input == SequenceInput.TOKEN_IDS) {
            facts.put("vocabularySize", model.getVocabularySize());
        }
        return facts;
    }
}
