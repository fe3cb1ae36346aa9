package org.tiqu.output.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.tiqu.output.DocumentEntry;
import org.tiqu.output.Manifest;

/** The page's structure for nested, crossing and ungrounded records (the browser test covers behaviour). */
class AuditPageTest {

    @TempDir
    Path out;

    @Test
    void nestedAndCrossingRecordsAreCutIntoSegments() throws Exception {
        String text = "收入完成13.72亿元、同比增长15.28%。<i>𠀀x</i>";
        Files.writeString(out.resolve("d.txt"), text, StandardCharsets.UTF_8);
        Files.createDirectories(out.resolve("records"));
        Files.writeString(out.resolve("records/d.jsonl"), String.join("\n",
                "{\"doc\":\"d\",\"type\":\"METRIC\",\"begin\":0,\"end\":22,\"text\":\"收入完成13.72亿元、同比增长15.28%\",\"indicator\":\"收入\",\"subject\":null,\"period\":\"2024\",\"value\":{\"amount\":\"1372000000\",\"currency\":\"CNY\"},\"change\":{\"percent\":\"15.28\",\"direction\":\"up\",\"basis\":\"yoy\"},\"modality\":\"actual\",\"rule\":\"metric.x\"}",
                "{\"doc\":\"d\",\"type\":\"MONEY\",\"begin\":4,\"end\":11,\"text\":\"13.72亿元\",\"value\":{\"amount\":\"1372000000\",\"currency\":\"CNY\"},\"rule\":\"money.y\"}",
                "{\"doc\":\"d\",\"type\":\"DATE\",\"begin\":19,\"end\":25,\"text\":\"28%。<i\",\"value\":{\"date\":\"<b>\"},\"rule\":\"date.z\"}",
                "{\"doc\":\"d\",\"type\":\"ORG\",\"begin\":25,\"end\":27,\"text\":\">𠀀\",\"value\":{\"name\":\"x\"},\"rule\":\"org.w\"}",
                "{\"doc\":\"d\",\"type\":\"ORG\",\"begin\":2,\"end\":4,\"text\":\"不对\",\"value\":{\"name\":\"x\"},\"rule\":\"org.bad\"}",
                ""), StandardCharsets.UTF_8);
        DocumentEntry entry = new DocumentEntry("d", "d.txt", "x", "text", "UTF-8", false, "source", null, "ok",
                "records/d.jsonl", Map.of(), null, "r", "c", null, null);
        String html = AuditPage.render(out, new Manifest("tiqu", "t", "rules", "r", null, List.of(entry)));
        Document page = Jsoup.parse(html);

        assertEquals(text, page.selectFirst("section.doc pre").text().replace("\u00a0", " "), "the text is shown whole, escaped");
        assertEquals(1, page.select("script").size());
        Element money = page.select("pre .seg.t-MONEY").first();
        assertEquals("13.72亿元", money.text());
        assertEquals("r1-0 r1-1", money.attr("data-r"), "the money segment is inside the metric");
        assertTrue(money.hasClass("in-metric"));
        assertEquals(">𠀀", String.join("", page.select("pre .seg[data-r~=r1-3]").eachText()), "code points, not UTF-16 units");
        assertEquals("28%。<i", String.join("", page.select("pre .seg[data-r~=r1-2]").eachText()), "a record crossing a metric's end");
        assertEquals(5, page.select("li.rec").size());
        Element bad = page.selectFirst("li.rec.ungrounded");
        assertTrue(bad.text().contains("org.bad") && bad.text().contains("not grounded"));
        assertFalse(html.contains("<b>\""), "values are escaped too");
        assertTrue(page.selectFirst("li[data-target=r1-0]").text().contains("change.basis=yoy"));
    }

    @Test
    void aLargeBatchShowsItsFirstDocumentsAndSaysSo() throws Exception {
        Files.createDirectories(out.resolve("records"));
        List<DocumentEntry> entries = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Files.writeString(out.resolve("d" + i + ".txt"), "文本" + i, StandardCharsets.UTF_8);
            Files.writeString(out.resolve("records/d" + i + ".jsonl"), "", StandardCharsets.UTF_8);
            entries.add(new DocumentEntry("d" + i, "d" + i + ".txt", "x", "text", "UTF-8", false, "source", null, "ok",
                    "records/d" + i + ".jsonl", Map.of(), null, "r", "c", null, null));
        }
        Document page = Jsoup.parse(AuditPage.render(out, new Manifest("tiqu", "t", "rules", "r", null, entries), 2));

        assertEquals(2, page.select("section.doc").size());
        assertTrue(page.selectFirst("aside p.meta").text().contains("the first 2 of 3 documents"));
    }
}
