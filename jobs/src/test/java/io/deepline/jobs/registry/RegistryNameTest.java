package io.deepline.jobs.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RegistryNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"digits-mlp", "a", "Model_2.1", "...", "v..1", "-x"})
    void lettersDigitsDotsUnderscoresAndDashesAreNames(String name) {
        assertEquals(name, new RegistryName(name).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a/b", "../up", "..", ".", "", "with space", "a\\b", "tab\t", "é"})
    void namesThatCouldLeaveTheRegistryOrAreNotPlainAreRefused(String name) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new RegistryName(name));
        assertTrue(e.getMessage().contains("'" + name + "'") && e.getMessage().contains("letters, digits"),
                e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", "."})
    void dotAndDotDotAreRefusedThoughThePatternAllowsThem(String name) {
        assertTrue(RegistryName.ALLOWED.matcher(name).matches());
        assertTrue(RegistryName.problemWith(name).orElseThrow().contains("parent"));
    }

    @Test
    void aNullNameIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RegistryName(null));
    }
}
