/**
 * Text to model input: {@link io.deepline.pipelines.text.TokenIndexer} turns the {@code array<string>} tokens
 * of MLlib's {@code RegexTokenizer} into ordered {@code array<int>} ids with reserved padding, unknown and
 * begin/end ids ({@link io.deepline.pipelines.text.ReservedTokens}), the input of an embedding layer.
 * MLlib's {@code CountVectorizer} learns the vocabulary; it cannot itself produce ordered ids (it returns a
 * bag-of-words vector), nor can {@code StringIndexer} (one string per row).
 */
package io.deepline.pipelines.text;
