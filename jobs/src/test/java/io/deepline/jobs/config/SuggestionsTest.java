package io.deepline.jobs.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

    private static final List<String> KEYS = List.of("path", "format", "options", "label", "features");

    @Test
    void suggestsTheNearestNameWithinAFewEdits() {
        assertEquals(Optional.of("features"), Suggestions.closest("featurs", KEYS));
        assertEquals(Optional.of("label"), Suggestions.closest("Lable", KEYS));
        assertEquals(Optional.empty(), Suggestions.closest("spark", KEYS));
    }

    @Test
    void theFixListsEveryKnownNameSorted() {
        assertEquals("Did you mean 'path'? Keys: features, format, label, options, path",
                Suggestions.fix("pth", KEYS, "Keys"));
        assertEquals("Keys: features, format, label, options, path", Suggestions.fix("xyzzy", KEYS, "Keys"));
    }

    @Test
    void distanceIsLevenshtein() {
        assertEquals(3, Suggestions.distance("kitten", "sitting"));
        assertEquals(0, Suggestions.distance("", ""));
        assertEquals(4, Suggestions.distance("", "seed"));
    }
}
