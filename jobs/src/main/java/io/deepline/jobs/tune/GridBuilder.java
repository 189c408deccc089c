package io.deepline.jobs.tune;

import com.fasterxml.jackson.databind.JsonNode;
import io.deepline.jobs.config.JobConfigException;
import io.deepline.jobs.model.ParamBinder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.Params;

/**
 * Turns {@code tune.grid} into MLlib param maps over the estimator: every combination of the listed values, in the
 * file's order (the first param varies slowest). Each value is converted and validated by its Param, so a grid
 * accepts exactly what {@code model.params} accepts, and an unknown param is named with the estimator.
 */
public final class GridBuilder {
    private GridBuilder() {
    }

    public static ParamMap[] build(Params estimator, Map<String, JsonNode> grid) {
        List<ParamMap> maps = new ArrayList<>(List.of(new ParamMap()));
        for (Map.Entry<String, JsonNode> e : grid.entrySet()) {
            String key = "tune.grid." + e.getKey();
            Param<Object> param = ParamBinder.settableParam(estimator, e.getKey(), key);
            List<ParamMap> next = new ArrayList<>();
            for (ParamMap base : maps) {
                int i = 0;
                for (JsonNode node : e.getValue()) {
                    Object value = ParamBinder.value(estimator, e.getKey(), node, key + "[" + i++ + "]");
                    next.add(base.copy().put(param, value));
                }
            }
            maps = next;
        }
        if (maps.isEmpty()) {
            throw new JobConfigException("tune.grid", "gives no candidate", "List at least one value per param");
        }
        return maps.toArray(ParamMap[]::new);
    }
}
