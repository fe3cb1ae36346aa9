package org.tiqu.source;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * The lines of a JSONL corpus ({@code .jsonl}, or {@code .jsonl.gz}), read one at a time so that
 * a corpus of any size takes the memory of its longest line. Each line keeps its number (from
 * 1, blank lines counted and passed over) and its bytes without the line end ({@code \n} or
 * {@code \r\n}); a UTF-8 byte order mark before the first line is dropped.
 */
public final class JsonlLines implements Closeable {

    /** One line: its number in the file, from 1, and its bytes. */
    public record Line(int number, byte[] bytes) {
    }

    private final InputStream in;
    private int number;
    private boolean first = true;

    public JsonlLines(InputStream in) {
        this.in = in instanceof BufferedInputStream ? in : new BufferedInputStream(in, 1 << 16);
    }

    /** The lines of {@code file}, unzipped when its name ends in {@code .gz}. */
    public static JsonlLines open(Path file) throws IOException {
        InputStream raw = Files.newInputStream(file);
        try {
            return new JsonlLines(isGzip(file) ? new GZIPInputStream(raw, 1 << 16) : raw);
        } catch (IOException e) {
            raw.close();
            throw e;
        }
    }

    /** Whether tiqu reads {@code file} as JSONL: its name ends in {@code .jsonl} or {@code .jsonl.gz}. */
    public static boolean isJsonl(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".jsonl") || name.endsWith(".jsonl.gz");
    }

    static boolean isGzip(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
    }

    /** The next line that is not blank, or null at the end. */
    public Line next() throws IOException {
        while (true) {
            ByteArrayOutputStream line = new ByteArrayOutputStream(256);
            int b = in.read();
            if (b < 0) {
                return null;
            }
            while (b >= 0 && b != '\n') {
                line.write(b);
                b = in.read();
            }
            number++;
            byte[] bytes = line.toByteArray();
            int length = bytes.length;
            if (length > 0 && bytes[length - 1] == '\r') {
                length--;
            }
            int start = 0;
            if (first && length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF) {
                start = 3;
            }
            first = false;
            if (!isBlank(bytes, start, length)) {
                return new Line(number, start == 0 && length == bytes.length ? bytes
                        : java.util.Arrays.copyOfRange(bytes, start, length));
            }
        }
    }

    /** The number of lines that are not blank, read through once (for a progress total). */
    public static int count(Path file) throws IOException {
        int n = 0;
        try (JsonlLines lines = open(file)) {
            while (lines.next() != null) {
                n++;
            }
        }
        return n;
    }

    private static boolean isBlank(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            byte c = bytes[i];
            if (c != ' ' && c != '\t' && c != '\r') {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
