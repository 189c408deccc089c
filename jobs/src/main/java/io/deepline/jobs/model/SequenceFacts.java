package io.deepline.jobs.model;

import io.deepline.pipelines.data.sequence.SequenceInput;
import io.deepline.pipelines.sequence.HasSequenceParams;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The metrics-file facts every fitted sequence model shares: its input kind, cell and shape. */
final class SequenceFacts {

    private SequenceFacts() {
    }

    /**
     * @param model       the fitted model's Params
     * @param input       the kind of sequence column it was trained on
     * @param numFeatures inputs per step (1 for token ids and univariate series)
     */
    static Map<String, Object> of(HasSequenceParams model, SequenceInput input, int numFeatures) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("sequenceInput", input.name().toLowerCase(Locale.ROOT));
        facts.put("numFeatures", numFeatures);
        facts.put("cell", model.getCell());
        facts.put("hiddenSize", model.getHiddenSize());
        if (input == SequenceInput.TOKEN_IDS) {
            facts.put("vocabularySize", model.getVocabularySize());
        }
        return facts;
    }
}
