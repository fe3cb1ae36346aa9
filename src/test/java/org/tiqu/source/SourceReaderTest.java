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
        byte[] noise = {'a', 0, 0, 0, 'b', 0, 1, 0};
        SourceException e = assertThrows(SourceException.class,
                () -> new SourceReader().decode("u", Path.of("u.txt"), noise));
        assertTrue(e.getMessage().contains("UTF-16"), e.getMessage());
    }

    /** A Big5 (traditional) and a GBK (simplified) paragraph, as Java's own encoders write them. */
    static final String TRADITIONAL = "臺北市政府今日公布，全市去年營業收入增長百分之十五點二，達到一千三百億元新臺幣。"
            + "經濟發展局表示，出口總額較上年增加，工業生產穩定。\n";
    static final String SIMPLIFIED = "济南高新区管委会今日发布，全区去年营业收入增长百分之十五点二，达到一千三百亿元。"
            + "经济发展局表示，出口总额比上年增加，工业生产稳定。\n";

    static byte[] encode(String text, String charset) throws Exception {
        java.nio.ByteBuffer b = Charset.forName(charset).newEncoder()
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                .encode(java.nio.CharBuffer.wrap(text));
        byte[] bytes = new byte[b.remaining()];
        b.get(bytes);
        return bytes;
    }

    @Test
    void big5AndGbkParagraphsAreToldApartByTheDetector() throws Exception {
        SourceText big5 = reader.decode("b", Path.of("b.txt"), encode(TRADITIONAL, "Big5"));
        assertEquals(TRADITIONAL, big5.text());
        assertEquals("Big5", big5.encoding());
        assertTrue(big5.encodingNote().startsWith("detected (") && big5.encodingNote().contains("Big5 100"), big5.encodingNote());
        SourceText gbk = reader.decode("g", Path.of("g.txt"), encode(SIMPLIFIED, "GBK"));
        assertEquals(SIMPLIFIED, gbk.text());
        assertEquals("GB18030", gbk.encoding());
        SourceText shortLine = reader.decode("s", Path.of("s.txt"), encode("营收增长15%。", "GBK"));
        assertEquals("营收增长15%。", shortLine.text());
        assertTrue(shortLine.encodingNote().contains("low confidence"), "too short to be sure, and it says so: "
                + shortLine.encodingNote());
        assertEquals(null, reader.decode("u", Path.of("u.txt"), SIMPLIFIED.getBytes(StandardCharsets.UTF_8)).encodingNote(),
                "UTF-8 is certain");
    }

    @Test
    void utf16WithoutAByteOrderMarkIsReadByItsCharacters() throws Exception {
        for (String encoding : new String[] {"UTF-16LE", "UTF-16BE"}) {
            for (String text : new String[] {SIMPLIFIED, "GDP增长5.2% in 2023。\n", "Revenue grew 15% year on year.\n"}) {
                SourceText s = reader.decode("u", Path.of("u.txt"), encode(text, encoding));
                assertEquals(text, s.text(), encoding);
                assertEquals(encoding, s.encoding());
                assertTrue(s.encodingNote().contains("without a byte order mark"), s.encodingNote());
            }
        }
    }

    @Test
    void anHtmlPageDeclaringBig5IsDecodedAsBig5() throws Exception {
        String page = "<html><head><meta charset=\"big5\"><title>新聞稿</title></head><body><article><p>"
                + TRADITIONAL.strip() + "</p></article></body></html>";
        SourceText text = new HtmlArticle().read("p", Path.of("p.html"), encode(page, "Big5"));
        assertTrue(text.text().contains("營業收入增長百分之十五點二"), text.text());
        assertEquals("Big5", text.encoding());
        assertEquals("declared by the page (big5)", text.encodingNote());
        // The http-equiv form, and a short page where detection alone could not be sure.
        String old = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=BIG5\"></head>"
                + "<body><p>營收增長15%。</p></body></html>";
        SourceText shortPage = new HtmlArticle().read("q", Path.of("q.html"), encode(old, "Big5"));
        assertEquals("營收增長15%。\n", shortPage.text());
        // A page saved as UTF-8 that still declares gb2312 (a common template mistake) stays UTF-8.
        String mislabelled = "<html><head><meta charset=\"gb2312\"></head><body><p>营收增长15%。</p></body></html>";
        SourceText utf8 = new HtmlArticle().read("r", Path.of("r.html"), mislabelled.getBytes(StandardCharsets.UTF_8));
        assertEquals("营收增长15%。\n", utf8.text());
        assertEquals("UTF-8", utf8.encoding());
        assertTrue(utf8.encodingNote().contains("declared gb2312"), utf8.encodingNote());
    }
}
