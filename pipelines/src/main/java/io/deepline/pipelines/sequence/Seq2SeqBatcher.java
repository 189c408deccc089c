package io.deepline.pipelines.sequence;

import io.deepline.pipelines.core.data.Shuffles;
import io.deepline.pipelines.core.data.sequence.PaddedSteps;
import io.deepline.pipelines.core.data.sequence.Seq2SeqBatch;
import io.deepline.pipelines.core.data.sequence.SequenceReader;
import io.deepline.pipelines.text.ReservedTokens;
import io.deepline.pipelines.text.TargetTokens;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.sql.Row;

/**
 * Turns one partition of checked (source ids, target ids) rows into shuffled {@link Seq2SeqBatch}es: sources cut
 * as {@code maxSequenceLength}/{@code truncate} say, targets normalised ({@link TargetTokens}: end appended) and
 * cut to {@code maxOutputLength} + 1, the decoder reading begin, y_1 … (teacher forcing).
 */
final class Seq2SeqBatcher implements Function2<Integer, Iterator<Row>, Iterator<Seq2SeqBatch>> {
    private static final long serialVersionUID = 1L;

    private final SequenceReader sources;
    private final int maxTargetLength;
    private final int targetVocabularySize;
    private final int batchSize;
    private final long seed;

    Seq2SeqBatcher(SequenceReader sources, int maxTargetLength, int targetVocabularySize, int batchSize, long seed) {
        this.sources = sources;
        this.maxTargetLength = maxTargetLength;
        this.targetVocabularySize = targetVocabularySize;
        this.batchSize = batchSize;
        this.seed = seed;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Iterator<Seq2SeqBatch> call(Integer partition, Iterator<Row> rows) {
        List<float[]> source = new ArrayList<>();
        List<int[]> target = new ArrayList<>();
        long position = 0;
        while (rows.hasNext()) {
            Row row = rows.next();
            source.add(sources.read(row.get(0), "row " + position++ + " of partition " + partition));
            target.add(TargetTokens.normalised(row.getList(1),
                    maxTargetLength));
        }
        int[] order = Shuffles.permutation(source.size(), seed, partition);
        List<Seq2SeqBatch> batches = new ArrayList<>();
        for (int start = 0; start < order.length; start += batchSize) {
            List<float[]> src = new ArrayList<>();
            List<float[]> decoder = new ArrayList<>();
            List<int[]> tgt = new ArrayList<>();
            for (int i = start; i < Math.min(order.length, start + batchSize); i++) {
                src.add(source.get(order[i]));
                int[] y = target.get(order[i]);
                float[] in = new float[y.length];
                in[0] = ReservedTokens.BEGIN_ID;
                for (int t = 1; t < y.length; t++) {
                    in[t] = y[t - 1];
                }
                decoder.add(in);
                tgt.add(y);
            }
            batches.add(batch(src, decoder, tgt));
        }
        return batches.iterator();
    }

    private Seq2SeqBatch batch(List<float[]> src, List<float[]> decoder, List<int[]> tgt) {
        PaddedSteps s = PaddedSteps.of(src, 1);
        PaddedSteps d = PaddedSteps.of(decoder, 1);
        int[] targets = new int[d.rows() * d.length()];
        for (int b = 0; b < tgt.size(); b++) {
            System.arraycopy(tgt.get(b), 0, targets, b * d.length(), tgt.get(b).length);
        }
        return new Seq2SeqBatch(s.rows(), s.length(), d.length(), targetVocabularySize, s.features(), s.mask(),
                d.features(), targets, d.mask());
    }
}
