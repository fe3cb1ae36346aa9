package org.tiqu.output.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.tiqu.batch.BatchOptions;
import org.tiqu.batch.BatchRunner;
import org.tiqu.testing.HeadlessChromium;
import org.tiqu.testing.TestPipelines;

/**
 * audit.html in a real browser (headless Debian Chromium): the page loads from a file with
 * no network, a source's {@code <script>} shows as text and does not run, a click on a
 * record marks and scrolls to its place, filters hide records, and the screenshot shows
 * the highlight.
 */
class AuditPageBrowserTest {

    @TempDir
    static Path dir;
    static HeadlessChromium browser;
    static Path page;

    @BeforeAll
    static void extractAndOpen() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("a.txt"), "财政收入同比增长15.28%。<script>window.__pwned=1</script>另有<b>粗体</b>与&amp;。\n"
                + "工业投资增长28.79%，出口下降3.5%。\n", StandardCharsets.UTF_8);
        Files.writeString(in.resolve("b.txt"), "利润提高了12%。\n", StandardCharsets.UTF_8);
        Path out = dir.resolve("out");
        new BatchRunner(TestPipelines.standard(), out, new PrintStream(PrintStream.nullOutputStream()),
                BatchOptions.defaults().withThreads(1)).run(List.of(in));
        page = out.resolve(AuditPage.FILE_NAME);
        browser = HeadlessChromium.start();
        browser.open(page);
    }

    @AfterAll
    static void close() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void sourceMarkupIsShownAsTextAndNeverRuns() throws Exception {
        assertEquals(1, browser.eval("document.scripts.length").asInt(), "only the page's own script");
        assertTrue(browser.eval("typeof window.__pwned").asText().equals("undefined"), "the source's script ran");
        String shown = browser.eval("document.querySelector('section.doc[data-doc=a] pre').textContent").asText();
        assertTrue(shown.contains("<script>window.__pwned=1</script>另有<b>粗体</b>与&amp;。"), shown);
    }

    @Test
    void clickOnARecordMarksItsPlaceInTheText() throws Exception {
        JsonNode record = browser.eval("(function(){var l=document.querySelectorAll('li.rec[data-doc=a][data-type=PERCENT]')[1];"
                + "return {target:l.dataset.target,text:l.querySelector('q').textContent};})()");
        String target = record.get("target").asText();
        assertEquals("28.79%", record.get("text").asText());
        browser.click("#l" + target);
        assertEquals(target, browser.eval("document.body.dataset.active").asText());
        String marked = browser.eval("Array.prototype.map.call(document.querySelectorAll('pre .seg.active'),"
                + "function(s){return s.textContent;}).join('')").asText();
        assertEquals(record.get("text").asText(), marked, "the marked text is the record's text");
        JsonNode visible = browser.eval("(function(){var r=document.getElementById('" + target + "').getBoundingClientRect();"
                + "return r.top>=0&&r.top<window.innerHeight;})()");
        assertTrue(visible.asBoolean(), "the record's place is scrolled into view");

        byte[] png = browser.screenshot();
        Files.write(Path.of("target", "audit-page-click.png"), png);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertTrue(image.getWidth() >= 800, "screenshot width " + image.getWidth());
        assertTrue(countPixels(image, 0xFFE98A) > 200, "the clicked record's highlight shows in the screenshot");
    }

    @Test
    void filtersHideRecordsByTypeAndByDocument() throws Exception {
        int all = browser.eval("document.querySelectorAll('li.rec:not(.hidden)').length").asInt();
        assertTrue(all >= 4, "records listed: " + all);
        browser.click("#types input[data-type=PERCENT]");
        assertEquals(0, browser.eval("document.querySelectorAll('li.rec[data-type=PERCENT]:not(.hidden)').length").asInt());
        browser.click("#types input[data-type=PERCENT]");
        browser.eval("(function(){var s=document.getElementById('doc-filter');s.value='b';"
                + "s.dispatchEvent(new Event('change'));})()");
        assertEquals(0, browser.eval("document.querySelectorAll('li.rec[data-doc=a]:not(.hidden)').length").asInt());
        assertTrue(browser.eval("document.querySelector('section.doc[data-doc=a]').classList.contains('hidden')").asBoolean());
        assertFalse(browser.eval("document.querySelector('section.doc[data-doc=b]').classList.contains('hidden')").asBoolean());
        browser.eval("(function(){var s=document.getElementById('doc-filter');s.value='';"
                + "s.dispatchEvent(new Event('change'));})()");
    }

    private static int countPixels(BufferedImage image, int rgb) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }
}
