package io.deepline.jobs.config;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Optional {@code preprocess.text:} entry: how the job turns {@code data.text} into word ids. The text is split by
 * MLlib's {@code RegexTokenizer} ({@code pattern} matches the gaps between tokens) and the words are indexed by
 * Deepline's {@code TokenIndexer}, whose vocabulary is learned on the training split only.
 *
 * @param maxVocabularySize the most frequent words kept (default 20000); other words become the unknown id. The
 *                          model's embedding has this many rows plus 4 reserved ids (padding, unknown, begin, end).
 * @param minDocuments      a word must appear in at least this many training rows to be kept (default 1)
 * @param pattern           the regular expression of the gaps between tokens (default {@code \W+}: runs of
 *                          anything but letters, digits and underscore)
 * @param lowercase         lower-case the text before splitting (default true)
 * @param minTokenLength    drop tokens shorter than this (default 1)
 */
public record TextPreprocessing(Integer maxVocabularySize, Integer minDocuments, String pattern, Boolean lowercase,
                                Integer minTokenLength) {

    /** Words at most: ids travel as floats (2^24 exact integers), 4 of them reserved. */
    public static final int MAX_VOCABULARY_SIZE = (1 << 24) - 4;

    /** The settings when the job file gives none. */
    public static final TextPreprocessing DEFAULT = new TextPreprocessing(null, null, null, null, null);

    public TextPreprocessing {
        maxVocabularySize = maxVocabularySize == null ? 20000 : maxVocabularySize;
        if (maxVocabularySize < 1 || maxVocabularySize > MAX_VOCABULARY_SIZE) {
            throw new JobConfigException("maxVocabularySize", "must be between 1 and " + MAX_VOCABULARY_SIZE
                    + ", got " + maxVocabularySize, "Keep the most frequent words, e.g. maxVocabularySize: 20000");
        }
        minDocuments = minDocuments == null ? 1 : minDocuments;
        if (minDocuments < 1) {
            throw new JobConfigException("minDocuments", "must be at least 1, got " + minDocuments,
                    "Give the number of training rows a word must appear in, e.g. minDocuments: 2");
        }
        pattern = pattern == null ? "\\W+" : pattern;
        if (pattern.isEmpty()) {
            throw new JobConfigException("pattern", "is empty", "Give the regular expression of the gaps between"
                    + " tokens, e.g. pattern: \"\\\\W+\", or remove it for that default");
        }
        try {
            Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            throw new JobConfigException("pattern", "'" + pattern + "' is not a valid regular expression ("
                    + e.getDescription() + ")", "Fix the expression; in YAML quotes write a backslash twice,"
                    + " e.g. pattern: \"\\\\W+\"");
        }
        lowercase = lowercase == null || lowercase;
        minTokenLength = minTokenLength == null ? 1 : minTokenLength;
        if (minTokenLength < 0) {
            throw new JobConfigException("minTokenLength", "must be at least 0, got " + minTokenLength,
                    "e.g. minTokenLength: 1");
        }
    }
}
