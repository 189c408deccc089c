package io.deepline.pipelines.core.persist;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Rewrites the sizes a zip declares for an entry, as a crafted zip bomb would. */
final class ZipHeaders {
    private static final int END_OF_DIRECTORY = 0x06054b50;
    private static final int DESCRIPTOR = 0x08074b50;

    private ZipHeaders() {
    }

    /**
     * {@code zip} (as {@code ZipOutputStream} writes it: sizes after the data) with {@code name}'s uncompressed size
     * declared as {@code size} in the central directory and in the data descriptor.
     */
    static byte[] withDeclaredSize(byte[] zip, String name, int size) {
        ByteBuffer b = ByteBuffer.wrap(zip.clone()).order(ByteOrder.LITTLE_ENDIAN);
        int end = zip.length - 22;
        while (b.getInt(end) != END_OF_DIRECTORY) {
            end--;
        }
        int header = b.getInt(end + 16);
        for (int k = 0; k < (b.getShort(end + 10) & 0xffff); k++) {
            int nameLength = b.getShort(header + 28) & 0xffff;
            String entry = new String(zip, header + 46, nameLength, StandardCharsets.UTF_8);
            if (entry.equals(name)) {
                b.putInt(header + 24, size);
                int local = b.getInt(header + 42);
                int data = local + 30 + (b.getShort(local + 26) & 0xffff) + (b.getShort(local + 28) & 0xffff);
                int descriptor = data + b.getInt(header + 20);
                b.putInt(descriptor + (b.getInt(descriptor) == DESCRIPTOR ? 12 : 8), size);
            }
            header += 46 + nameLength + (b.getShort(header + 30) & 0xffff) + (b.getShort(header + 32) & 0xffff);
        }
        return b.array();
    }
}
