package io.deepline.pipelines.core.persist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** The model size limit's setting, and the stream that enforces it by counting what it really reads. */
class ModelSizeLimitTest {

    /** Zeros without end, as a zip bomb delivers them; counts what was taken from it. */
    private static final class EndlessZeros extends InputStream {
        long delivered;

        @Override
        public int read() {
            delivered++;
            return 0;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            delivered += length;
            return length;
        }
    }

    @Test
    void sizesAreReadInSparksSyntax() {
        assertEquals(1L << 20, ModelSizeLimit.parse("1m").maxBytes());
        assertEquals(8L << 30, ModelSizeLimit.parse(" 8g ").maxBytes());
        assertEquals(12345, ModelSizeLimit.parse("12345").maxBytes());
    }

    @Test
    void unsetMeansTheSmallerOfFourGibAndHalfTheHeap() {
        long expected = Math.min(4L << 30, Runtime.getRuntime().maxMemory() / 2);
        assertEquals(expected, ModelSizeLimit.parse(null).maxBytes());
        assertEquals(expected, ModelSizeLimit.parse("  ").maxBytes());
    }

    @Test
    void invalidSettingsAreRefusedNamingTheKey() {
        for (String bad : new String[] {"lots", "1.5g", "-1", "0", "12qb"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ModelSizeLimit.parse(bad), bad);
            assertTrue(e.getMessage().contains(ModelSizeLimit.KEY) && e.getMessage().contains("'" + bad + "'"),
                    e.getMessage());
        }
    }

    @Test
    void anEndlessStreamIsCutOffJustPastTheLimit() {
        EndlessZeros bomb = new EndlessZeros();
        LimitedInput limited = new LimitedInput(bomb, ModelSizeLimit.parse("1m"), "some/network.zip");
        ModelSizeLimit.Exceeded e = assertThrows(ModelSizeLimit.Exceeded.class, limited::readAllBytes);
        assertTrue(limited.exceeded());
        assertEquals((1L << 20) + 1, bomb.delivered, "read no more than one byte past the limit");
        for (String part : new String[] {"some/network.zip", "1048576", ModelSizeLimit.KEY, "--conf"}) {
            assertTrue(e.getMessage().contains(part), () -> e.getMessage() + " should name " + part);
        }
    }

    @Test
    void aStreamAtTheLimitIsReadWhole() throws IOException {
        byte[] data = new byte[1000];
        data[999] = 7;
        LimitedInput limited = new LimitedInput(new ByteArrayInputStream(data), ModelSizeLimit.parse("1000"), "f");
        assertArrayEquals(data, limited.readAllBytes());
    }
}
