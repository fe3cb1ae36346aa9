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
    void aBatchPastTheLimitsBecomesAnIndexWithOnePagePerDocument() throws Exception {
        Files.createDirectories(out.resolve("records/sub"));
        List<String> ids = List.of("d0", "sub/d1", "d2");
        StringBuilder entries = new StringBuilder();
        for (String id : ids) {
            Files.createDirectories(out.resolve(id).getParent() == null ? out : out.resolve(id).getParent());
            Files.writeString(out.resolve(id + ".txt"), "文本<b>" + id, StandardCharsets.UTF_8);
            Files.writeString(out.resolve("records/" + id + ".jsonl"), "{\"doc\":\"" + id + "\",\"type\":\"ORG\","
                    + "\"begin\":0,\"end\":2,\"text\":\"文本\",\"value\":{\"name\":\"文本\"},\"rule\":\"org.x\"}\n",
                    StandardCharsets.UTF_8);
            entries.append(entries.length() == 0 ? "" : ",").append(entry(id, "records/" + id + ".jsonl"));
        }
        Files.writeString(out.resolve("manifest.json"), manifest(entries.toString()), StandardCharsets.UTF_8);
        Manifest manifest = Manifest.read(out);
        assertEquals(null, AuditPage.render(out, manifest, 2, AuditPage.MAX_CHARS), "three documents do not fit a page of two");

        // Given as the command line gives it, relative to the working folder.
        Path relative = Path.of("").toAbsolutePath().relativize(out);
        AuditPage.write(relative, manifest, 2, AuditPage.MAX_CHARS, 2);

        Document index = Jsoup.parse(out.resolve("audit.html").toFile(), "UTF-8");
        assertTrue(index.selectFirst("#index-note").text().contains("3 documents"), index.selectFirst("#index-note").text());
        assertTrue(index.selectFirst("#index-note").text().contains("tiqu review"));
        assertEquals(List.of("audit/docs/d0.html", "audit/docs/sub/d1.html"), index.select("td a").eachAttr("href"));
        assertEquals("audit/index-2.html", index.selectFirst("p.pager a").attr("href"));
        Document second = Jsoup.parse(out.resolve("audit/index-2.html").toFile(), "UTF-8");
        assertEquals(List.of("../audit/docs/d2.html"), second.select("td a").eachAttr("href"));
        assertEquals("../audit.html", second.selectFirst("p.pager a").attr("href"));

        Path nested = out.resolve("audit/docs/sub/d1.html");
        Document page = Jsoup.parse(nested.toFile(), "UTF-8");
        assertEquals("文本<b>sub/d1", page.selectFirst("section.doc pre").text());
        assertEquals("../../../audit.html", page.selectFirst("aside p.meta a").attr("href"));
        assertEquals(1, page.select("li.rec").size());

        // A rerun leaves a page whose records did not change; newer records make it again.
        java.nio.file.attribute.FileTime old = java.nio.file.attribute.FileTime.fromMillis(1_000_000L);
        Files.setLastModifiedTime(nested, old);
        Files.setLastModifiedTime(out.resolve("records/sub/d1.jsonl"), old);
        AuditPage.write(out, manifest, 2, AuditPage.MAX_CHARS, 2);
        assertEquals(old, Files.getLastModifiedTime(nested));
        Files.setLastModifiedTime(out.resolve("records/sub/d1.jsonl"), java.nio.file.attribute.FileTime.fromMillis(2_000_000L));
        AuditPage.write(out, manifest, 2, AuditPage.MAX_CHARS, 2);
        assertTrue(Files.getLastModifiedTime(nested).compareTo(old) > 0);

        // Down to one document: one page again, and the pages of the larger batch are gone.
        Files.writeString(out.resolve("manifest.json"), manifest(entry("d0", "records/d0.jsonl")), StandardCharsets.UTF_8);
        AuditPage.write(out, Manifest.read(out), 2, AuditPage.MAX_CHARS, 2);
        assertEquals(1, Jsoup.parse(out.resolve("audit.html").toFile(), "UTF-8").select("section.doc").size());
        assertFalse(Files.exists(out.resolve("audit")));
    }

    @Test
    void recordsAndPagesAreReadAndWrittenOnlyInsideTheOutputFolder() throws Exception {
        Path secret = Files.writeString(out.getParent().resolve("secret.jsonl"), "{\"doc\":\"x\",\"type\":\"ORG\","
                + "\"begin\":0,\"end\":2,\"text\":\"秘密\",\"value\":{}}\n", StandardCharsets.UTF_8);
        Files.writeString(out.resolve("x.txt"), "秘密文本", StandardCharsets.UTF_8);
        Files.writeString(out.resolve("manifest.json"), manifest(entry("x", "../" + secret.getFileName())
                + "," + entry("../evil", "records/none.jsonl")), StandardCharsets.UTF_8);
        Manifest manifest = Manifest.read(out);
        AuditPage.write(out, manifest, 1, AuditPage.MAX_CHARS, 10);

        Document index = Jsoup.parse(out.resolve("audit.html").toFile(), "UTF-8");
        assertTrue(index.text().contains("../evil (no page: the id cannot name a file)"), index.text());
        assertFalse(Files.exists(out.resolve("evil.html")) || Files.exists(out.resolve("audit/evil.html")));
        Document page = Jsoup.parse(out.resolve("audit/docs/x.html").toFile(), "UTF-8");
        assertEquals(0, page.select("li.rec").size(), "a records path leaving the output folder is not read");
    }

    private static String entry(String id, String records) {
        return "{\"doc\":\"" + id + "\",\"source\":\"" + id + ".txt\",\"sha256\":\"x\",\"format\":\"text\","
                + "\"encoding\":\"UTF-8\",\"bom\":false,\"offsets\":\"source\",\"text\":null,\"status\":\"ok\","
                + "\"records\":\"" + records + "\",\"counts\":{\"ORG\":1}}";
    }

    private static String manifest(String entries) {
        return "{\"tool\":\"tiqu\",\"version\":\"t\",\"rules_dir\":\"rules\",\"rules_sha256\":\"r\","
                + "\"documents\":[" + entries + "]}";
    }
}
