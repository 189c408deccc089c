package io.deepline.jobs.config;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code data.text}, {@code data.sequence} and {@code preprocess.text}: what they read and what they refuse. */
class SequenceInputConfigTest {

    private static final String TEXT_JOB = """
            name: text
            data: {path: in.csv, label: y, text: body}
            model: {type: SequenceClassifier}
            output: {model: out/model}
            """;

    private final JobConfigLoader loader = new JobConfigLoader();

    @Test
    void textAndSequenceSelectTheirInputKind() {
        JobConfig text = loader.parse(TEXT_JOB);
        JobConfig sequence = loader.parse(TEXT_JOB.replace("text: body", "sequence: readings"));
        JobConfig features = loader.parse(TEXT_JOB.replace(", text: body", ""));

        assertAll(
                () -> assertEquals(InputKind.TEXT, text.data().inputKind()),
                () -> assertEquals("body", text.data().text()),
                () -> assertEquals(InputKind.SEQUENCE, sequence.data().inputKind()),
                () -> assertEquals("readings", sequence.data().sequence()),
                () -> assertEquals(InputKind.FEATURES, features.data().inputKind()),
                () -> assertFalse(text.preprocess().hasText()));
    }

    @Test
    void textSettingsHaveDefaultsAndReadTheirKeys() {
        TextPreprocessing defaults = loader.parse(TEXT_JOB).preprocess().textOrDefault();
        TextPreprocessing given = loader.parse(TEXT_JOB + """
                preprocess:
                  text: {maxVocabularySize: 500, minDocuments: 3, pattern: "\\\\s+", lowercase: false, minTokenLength: 2}
                """).preprocess().text();

        assertAll(
                () -> assertEquals(new TextPreprocessing(20000, 1, "\\W+", true, 1), defaults),
                () -> assertEquals(new TextPreprocessing(500, 3, "\\s+", false, 2), given));
    }

    @Test
    void onlyOneOfFeaturesTextAndSequence() {
        assertError(TEXT_JOB.replace("text: body", "text: body, features: [a, b]"), "data.text",
                "together with data.features", "Keep only one of data.features, data.text and data.sequence");
        assertError(TEXT_JOB.replace("text: body", "text: body, sequence: s"), "data.sequence",
                "together with data.text");
    }

    @Test
    void theInputMustNotBeTheLabel() {
        assertError(TEXT_JOB.replace("text: body", "text: y"), "data.text", "label column 'y'");
        assertError(TEXT_JOB.replace("text: body", "sequence: y"), "data.sequence", "label column 'y'");
        assertError(TEXT_JOB.replace("text: body", "text: \" \""), "data.text", "empty");
    }

    @Test
    void unknownAndBadTextSettingsAreNamed() {
        assertError(TEXT_JOB + "preprocess: {text: {minDocument: 2}}\n", "preprocess.text.minDocument",
                "unknown key", "Did you mean 'minDocuments'?");
        assertError(TEXT_JOB + "preprocess: {text: {vocabSize: 10}}\n", "preprocess.text.vocabSize",
                "unknown key", "lowercase, maxVocabularySize, minDocuments, minTokenLength, pattern");
        assertError(TEXT_JOB + "preprocess: {text: {maxVocabularySize: 0}}\n", "preprocess.text.maxVocabularySize",
                "between 1 and");
        assertError(TEXT_JOB + "preprocess: {text: {minDocuments: 0}}\n", "preprocess.text.minDocuments",
                "at least 1");
        assertError(TEXT_JOB + "preprocess: {text: {pattern: \"[a-\"}}\n", "preprocess.text.pattern",
                "not a valid regular expression");
        assertError(TEXT_JOB + "preprocess: {text: {minTokenLength: -1}}\n", "preprocess.text.minTokenLength",
                "at least 0");
        assertError(TEXT_JOB + "preprocess: {text: {lowercase: sometimes}}\n", "preprocess.text.lowercase",
                "true or false");
    }

    @Test
    void preprocessingMustFitTheInput() {
        assertError(TEXT_JOB + "preprocess: {standardize: true}\n", "preprocess.standardize", "data.text");
        assertError(TEXT_JOB.replace("text: body", "sequence: s") + "preprocess: {standardize: true}\n",
                "preprocess.standardize", "data.sequence");
        assertError(TEXT_JOB.replace("text: body", "sequence: s") + "preprocess: {text: {minDocuments: 2}}\n",
                "preprocess.text", "does not set data.text");
    }

    private void assertError(String yaml, String... fragments) {
        JobConfigException e = assertThrows(JobConfigException.class, () -> loader.parse(yaml));
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), "'" + f + "' not in: " + e.getMessage());
        }
        assertTrue(e.getMessage().startsWith(e.keyPath() + ": "), e.getMessage());
    }
}
