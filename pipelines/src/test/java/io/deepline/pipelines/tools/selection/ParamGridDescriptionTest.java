package io.deepline.pipelines.tools.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.junit.jupiter.api.Test;

/** Grid points are described with each Param's own encoder; only Spark's generic encoder gets the string fallback. */
class ParamGridDescriptionTest {

    @Test
    void aValueTheGenericEncoderCannotHandleIsShownAsItsStringAndTypedParamsKeepTheirJson() {
        Param<Object> generic = new Param<>("stage", "window", "a generic Param holding a non-String value");
        IntParam epochs = new IntParam("stage", "epochs", "a typed Param");
        ParamMap[] grid = {new ParamMap().put(generic, (Object) List.of(1, 2)).put(epochs, 3),
                new ParamMap().put(generic, (Object) List.of(3)).put(epochs, 4)};
        List<Map<String, String>> described = ParamGridDescription.describe(grid);
        assertEquals(Map.of("epochs", "3", "window", "\"[1, 2]\""), described.get(0));
        assertEquals(Map.of("epochs", "4", "window", "\"[3]\""), described.get(1));
    }

    @Test
    void anEncoderThatFailsForAnotherReasonIsNotHidden() {
        Param<Object> broken = new Param<>("stage", "broken", "a Param whose own encoder is buggy") {
            @Override
            public String jsonEncode(Object value) {
                throw new IllegalStateException("bug in the encoder");
            }
        };
        ParamMap[] grid = {new ParamMap().put(broken, (Object) 1)};
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ParamGridDescription.describe(grid));
        assertEquals("bug in the encoder", e.getMessage());
    }
}
