package io.deepline.pipelines.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A tiny token corpus whose words have distinct total counts (apple 6, banana 5, cherry 4, date 3, elder 2,
 * fig 1), so CountVectorizer's most-frequent-first order has no ties; document frequencies differ from counts
 * (cherry is in all 4 rows, banana in 3) so minDF tests see the difference.
 */
final class TokenCorpus {
    static final List<List<String>> ROWS = List.of(
            List.of("apple", "apple", "banana", "cherry", "date", "elder"),
            List.of("apple", "banana", "banana", "cherry", "fig"),
            List.of("apple", "apple", "cherry", "date"),
            List.of("apple", "banana", "banana", "cherry", "date", "elder"));

    static final StructType SCHEMA = new StructType()
            .add("id", DataTypes.IntegerType, false)
            .add("tokens", DataTypes.createArrayType(DataTypes.StringType, true), true);

    private TokenCorpus() {
    }

    /** Rows with an {@code id} (their position) and {@code tokens}; a null list gives a null array. */
    static Dataset<Row> frame(SparkSession spark, List<List<String>> rows) {
        List<Row> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            List<String> tokens = rows.get(i);
            out.add(RowFactory.create(i, tokens == null ? null : tokens.toArray(new String[0])));
        }
        return spark.createDataFrame(out, SCHEMA);
    }

    static Dataset<Row> corpus(SparkSession spark) {
        return frame(spark, ROWS);
    }

    /** The words in at least {@code minDocs} rows, by decreasing total count, counted here independently of Spark. */
    static List<String> wordsByCount(int minDocs) {
        Map<String, Integer> counts = new HashMap<>();
        Map<String, Integer> docs = new HashMap<>();
        for (List<String> row : ROWS) {
            row.forEach(w -> counts.merge(w, 1, Integer::sum));
            new HashSet<>(row).forEach(w -> docs.merge(w, 1, Integer::sum));
        }
        List<String> words = new ArrayList<>();
        counts.keySet().stream().filter(w -> docs.get(w) >= minDocs).forEach(words::add);
        words.sort(Comparator.comparing(counts::get).reversed());
        return words;
    }

    /** Output ids of a transformed frame, in row order (null for a null array). */
    static List<int[]> ids(Dataset<Row> transformed, String column) {
        List<int[]> out = new ArrayList<>();
        for (Row r : transformed.orderBy("id").select(column).collectAsList()) {
            if (r.isNullAt(0)) {
                out.add(null);
            } else {
                List<Integer> list = r.getList(0);
                out.add(list.stream().mapToInt(Integer::intValue).toArray());
            }
        }
        return out;
    }

    static String show(int[] ids) {
        return Arrays.toString(ids);
    }
}
