package org.tiqu.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceReaderTest {

    private static final String TEXT = "济北开发区于1995年设立，\r\n收入增长１５．２８％。  ";
    private final SourceReader reader = new SourceReader();

    @Test
    void readsUtf8AsItIs(@TempDir Path dir) throws Exception {
        Path file = write(dir, "a.txt", TEXT.getBytes(StandardCharsets.UTF_8));
        SourceText source = reader.read(file);
        assertEquals(TEXT, source.text(), "nothing but the BOM may change: not line ends, not trailing space");
        assertEquals("UTF-8", source.encoding());
        assertEquals("a", source.id());
        assertFalse(source.hadBom());
        assertEquals(SourceReader.sha256(Files.readAllBytes(file)), source.sha256());
    }

    @Test
    void dropsALeadingBomAndNothingElse(@TempDir Path dir) throws Exception {
        byte[] body = TEXT.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[body.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(body, 0, bytes, 3, body.length);
        SourceText source = reader.read(write(dir, "bom.txt", bytes));
        assertEquals(TEXT, source.text());
        assertTrue(source.hadBom());
    }

    @Test
    void fallsBackToGb18030WhenTheBytesAreNotUtf8(@TempDir Path dir) throws Exception {
        SourceText source = reader.read(write(dir, "gb.txt", TEXT.getBytes(Charset.forName("GB18030"))));
        assertEquals(TEXT, source.text());
        assertEquals("GB18030", source.encoding());
    }

    @Test
    void refusesBinaryFilesByName(@TempDir Path dir) throws Exception {
        Path file = write(dir, "img.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 1, 2});
        SourceException e = assertThrows(SourceException.class, () -> reader.read(file));
        assertEquals(SourceException.Reason.BINARY, e.reason());
        assertTrue(e.getMessage().contains("img.png"), e.getMessage());
    }

    @Test
    void refusesControlCharacterNoise(@TempDir Path dir) throws Exception {
        byte[] noise = new byte[200];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (byte) (1 + i % 8);
        }
        assertEquals(SourceException.Reason.BINARY,
                assertThrows(SourceException.class, () -> reader.read(write(dir, "n.bin", noise))).reason());
    }

    @Test
    void refusesEmptyAndBlankFiles(@TempDir Path dir) throws Exception {
        assertEquals(SourceException.Reason.EMPTY,
                assertThrows(SourceException.class, () -> reader.read(write(dir, "e.txt", new byte[0]))).reason());
        assertEquals(SourceException.Reason.EMPTY, assertThrows(SourceException.class,
                () -> reader.read(write(dir, "b.txt", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}))).reason());
        assertEquals(SourceException.Reason.EMPTY, assertThrows(SourceException.class,
                () -> reader.read(write(dir, "s.txt", " \n\t ".getBytes(StandardCharsets.UTF_8)))).reason());
    }

    @Test
    void refusesBytesThatAreNeitherEncoding(@TempDir Path dir) throws Exception {
        // 0x80 alone is invalid in UTF-8 and a lone 0xFF is invalid in GB18030.
        Path file = write(dir, "bad.txt", new byte[] {'a', (byte) 0xFF, 'b', (byte) 0x80});
        SourceException e = assertThrows(SourceException.class, () -> reader.read(file));
        assertEquals(SourceException.Reason.UNKNOWN_ENCODING, e.reason());
    }

    @Test
    void reportsAMissingFile(@TempDir Path dir) {
        SourceException e = assertThrows(SourceException.class, () -> reader.read(dir.resolve("none.txt")));
        assertEquals(SourceException.Reason.UNREADABLE, e.reason());
        assertTrue(e.getMessage().contains("none.txt"));
    }

    private static Path write(Path dir, String name, byte[] bytes) throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    @Test
    void utf16WithItsByteOrderMarkIsRead() throws Exception {
        String text = "营收增长15%。\n";
        for (String encoding : new String[] {"UTF-16LE", "UTF-16BE"}) {
            byte[] mark = encoding.endsWith("LE") ? new byte[] {(byte) 0xFF, (byte) 0xFE} : new byte[] {(byte) 0xFE, (byte) 0xFF};
            byte[] body = text.getBytes(Charset.forName(encoding));
            byte[] bytes = new byte[mark.length + body.length];
            System.arraycopy(mark, 0, bytes, 0, 2);
            System.arraycopy(body, 0, bytes, 2, body.length);
            SourceText s = new SourceReader().decode("u", Path.of("u.txt"), bytes);
            assertEquals(text, s.text(), encoding);
            assertEquals(encoding, s.encoding());
            assertTrue(s.hadBom());
        }
        byte[] noMark = "ab".getBytes(Charset.forName("UTF-16LE"));
        SourceException e = assertThrows(SourceException.class,
                () -> new SourceReader().decode("u", Path.of("u.txt"), noMark));
        assertTrue(e.getMessage().contains("UTF-16"), e.getMessage());
    }
}
