package io.deepline.pipelines.core.persist;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Checks the sizes an array written by {@code Nd4j.write} declares before {@code Nd4j.read} allocates them: it
 * allocates what the headers say before it reads a value, so a file of a few bytes declaring a billion values
 * would take gigabytes (or crash the JVM in native code). The format is two buffers, the shape information and
 * the values, each a header (allocation mode, element count, data type) followed by the elements.
 */
final class DeclaredArraySize {
    /** The shape information of an array of rank 32 takes 544 bytes; anything near this is not a shape. */
    private static final int MAX_SHAPE_BYTES = 1 << 16;
    private static final int MAX_HEADER_BYTES = 256;

    /** One buffer's header: its own length in bytes, and the bytes of the elements it declares. */
    private record Header(int length, long elementBytes) {
    }

    private DeclaredArraySize() {
    }

    /**
     * Reads the headers at the start of {@code in}, a new buffer over {@code limited} that has read nothing yet,
     * and resets it there; fails with the limit's message when the values need more than the bytes
     * {@code limited} has left, and with an IOException when the headers are not an array's.
     */
    static void check(BufferedInputStream in, LimitedInput limited) throws IOException {
        long start = limited.count();
        in.mark(MAX_SHAPE_BYTES + 2 * MAX_HEADER_BYTES);
        DataInputStream headers = new DataInputStream(in);
        Header shape = header(headers);
        if (shape.elementBytes() > MAX_SHAPE_BYTES) {
            throw new IOException("an array's shape information declares " + shape.elementBytes() + " bytes");
        }
        headers.skipNBytes(shape.elementBytes());
        Header values = header(headers);
        long valuesStart = start + shape.length() + shape.elementBytes() + values.length();
        limited.requireRoomFor(valuesStart, values.elementBytes());
        in.reset();
    }

    private static Header header(DataInputStream in) throws IOException {
        try {
            String modeName = in.readUTF();
            DataBuffer.AllocationMode mode = DataBuffer.AllocationMode.valueOf(modeName);
            // Nd4j writes the count as an int for the three oldest modes (BaseDataBuffer.readHeader)
            boolean intCount = mode.ordinal() < 3;
            long count = intCount ? in.readInt() : in.readLong();
            String typeName = in.readUTF();
            DataType type = DataType.valueOf(typeName);
            if (count < 0) {
                throw new IOException("an array declares " + count + " values");
            }
            // the names are ASCII, so readUTF's 2-byte length prefix plus one byte per character
            int length = 2 + modeName.length() + (intCount ? 4 : 8) + 2 + typeName.length();
            return new Header(length, Math.multiplyExact(count, (long) Math.max(1, type.width())));
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new IOException("not an ND4J array header (" + e.getMessage() + ")", e);
        }
    }
}
