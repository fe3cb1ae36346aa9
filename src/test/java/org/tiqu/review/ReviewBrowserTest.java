package org.tiqu.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import org.tiqu.score.Score;
import org.tiqu.testing.HeadlessChromium;

/**
 * {@code tiqu review} as a reviewer uses it, in headless Chromium with real mouse and key
 * events: find a document, click a highlight, judge records with {@code c}, {@code w} and
 * {@code e}, go to the next document with {@code n}, restart the server and find the
 * verdicts, export them as gold and score it; a page of another origin cannot post a
 * verdict. Screenshots go to {@code target/review-*.png}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReviewBrowserTest {

    @TempDir
    static Path dir;
    static Path out;
    static ReviewServer server;
    static HeadlessChromium browser;

    @BeforeAll
    static void start() throws Exception {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("a", ReviewFixture.REPORT);
        sources.put("b", ReviewFixture.OTHER);
        out = ReviewFixture.extract(dir, sources);
        // The metric evidence the linker adds: shown when a record has it.
        Path b = out.resolve("records/b.jsonl");
        Files.writeString(b, Files.readString(b).replaceFirst("(\"type\":\"METRIC\",[^\\n]*?)\"rule\"",
                "$1\"evidence\":{\"subject\":[0,5],\"period\":null},\"rule\""));
        server = start(0);
        browser = HeadlessChromium.start();
    }

    static ReviewServer start(int port) throws Exception {
        return ReviewServer.start(new ReviewServer.Settings(out, "127.0.0.1", port, "tester", Path.of("rules")), null);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
    }

    static URI url(String path) {
        return server.uri().resolve(path);
    }

    /** The verdict shown on a record of the open page ("" when none). */
    static String shown(int record) throws Exception {
        return browser.eval("document.getElementById('rec-" + record + "').dataset.verdict").asText();
    }

    static int selected() throws Exception {
        return browser.eval("Number(document.body.dataset.selected)").asInt();
    }

    static String selectedText() throws Exception {
        return browser.eval("document.querySelector('li.rec.active q').textContent").asText();
    }

    @Test
    @Order(1)
    void theListSearchesAndOpensADocument() throws Exception {
        browser.open(url("/"));
        assertEquals(List.of("a", "b"), texts("#docs a.doc"));
        browser.click("#q");
        browser.insertText("七运");
        browser.press("Enter");
        browser.waitFor("location.search.indexOf('q=') >= 0 && document.readyState === 'complete'");
        assertEquals(List.of("a"), texts("#docs a.doc"));
        Files.write(Path.of("target", "review-list.png"), browser.screenshot());
        browser.click("#docs a.doc");
        browser.waitFor("document.body.dataset.ready === 'true' && location.pathname === '/doc'");
        assertEquals("a", browser.eval("document.querySelector('.doc-id').textContent").asText());
    }

    @Test
    @Order(2)
    void aClickOnAHighlightSelectsItsRecordInnermostFirst() throws Exception {
        browser.open(url("/doc?id=a"));
        browser.waitFor("document.body.dataset.ready === 'true'");
        String money = "#text span.seg.t-MONEY";
        browser.click(money);
        assertEquals("13.72亿元", selectedText(), "the innermost record under the click");
        browser.click(money);
        assertEquals("METRIC", browser.eval("document.querySelector('li.rec.active .type').textContent").asText(),
                "a second click goes out to the metric around it");
        assertEquals("一般公共预算收入完成13.72亿元、同比增长15.28%", String.join("",
                texts("#text .seg.sel")), "the metric's span is marked in the text");
        assertTrue(browser.eval("document.getElementById('detail').textContent").asText().contains("+15.28% yoy"));
        assertTrue(browser.eval("document.getElementById('detail').textContent").asText().contains("1,372,000,000 CNY"));
        Files.write(Path.of("target", "review-document.png"), browser.screenshot());
    }

    @Test
    @Order(3)
    void recordsAreJudgedWithTheKeyboard() throws Exception {
        browser.open(url("/doc?id=a"));
        browser.waitFor("document.body.dataset.ready === 'true'");
        int records = browser.eval("document.querySelectorAll('li.rec').length").asInt();
        browser.press("j");
        assertEquals(0, selected());
        browser.press("c");
        browser.waitFor("document.getElementById('rec-0').dataset.verdict === 'correct'");
        assertEquals(1, selected(), "a verdict moves on to the next record");
        browser.press("w");
        browser.waitFor("document.getElementById('rec-1').dataset.verdict === 'wrong'");

        // e: the record as JSON; a new value, saved with Ctrl+Enter, is a corrected record.
        browser.click("#text span.seg.t-PERCENT");
        int percent = selected();
        assertEquals("15.28%", selectedText());
        browser.press("e");
        browser.waitFor("!document.getElementById('editor').hidden && document.activeElement.id === 'edit-json'");
        JsonNode record = ReviewDatabaseTest.JSON.readTree(browser.eval("document.getElementById('edit-json').value").asText());
        assertEquals("15.28", record.get("value").get("percent").asText());
        browser.eval("document.getElementById('edit-json').select()");
        browser.insertText(record.toString().replace("15.28", "15.3"));
        browser.press("Enter", HeadlessChromium.CTRL);
        browser.waitFor("document.getElementById('rec-" + percent + "').dataset.verdict === 'corrected'");
        assertTrue(browser.eval("document.getElementById('editor').hidden").asBoolean());

        // The rest: correct, one key each; then the progress says so.
        for (int i = 0; i < records; i++) {
            if (browser.eval("document.getElementById('rec-" + i + "').dataset.verdict").asText().isEmpty()) {
                browser.click("#rec-" + i);
                browser.press("c");
                browser.waitFor("document.getElementById('rec-" + i + "').dataset.verdict === 'correct'");
            }
        }
        assertEquals(records + "/" + records + " reviewed", browser.eval("document.getElementById('progress').textContent").asText());
        Files.write(Path.of("target", "review-verdicts.png"), browser.screenshot());

        browser.press("n");
        browser.waitFor("location.search === '?id=b' && document.body.dataset.ready === 'true'");
        browser.click("#text span.seg.m");
        browser.waitFor("document.querySelectorAll('#text .ev-s').length > 0");
        assertEquals("济南高新区", String.join("", texts("#text .ev-s")), "the metric's subject evidence is marked");
        browser.press("p");
        browser.waitFor("location.search === '?id=a' && document.body.dataset.ready === 'true'");
    }

    @Test
    @Order(4)
    void verdictsSurviveARestartAndBecomeGold() throws Exception {
        server.close();
        server = start(0);
        browser.open(url("/doc?id=a"));
        browser.waitFor("document.body.dataset.ready === 'true'");
        assertEquals("correct", shown(0));
        assertEquals("wrong", shown(1));
        List<String> verdicts = texts("li.rec", "dataset.verdict");
        assertEquals(1, verdicts.stream().filter("corrected"::equals).count(), verdicts.toString());
        browser.open(url("/?status=reviewed"));
        assertEquals(List.of("a"), texts("#docs a.doc"));

        Path gold = dir.resolve("gold");
        try (ReviewDatabase db = ReviewDatabase.open(out)) {
            GoldExport.Report report = GoldExport.export(new OutputFolder(out), db, gold);
            assertEquals(1, report.documents());
            assertEquals(1, report.wrong());
            assertEquals(1, report.corrected());
        }
        Score score = Score.of(gold, out.resolve("records"));
        String wrongType = ReviewDatabaseTest.JSON.readTree(Files.readAllLines(out.resolve("records/a.jsonl"),
                StandardCharsets.UTF_8).get(1)).get("type").asText();
        assertTrue(score.report().get("types").get(wrongType).get("precision").asDouble() < 1.0,
                "the record judged wrong counts against its type: " + score.table());
        assertEquals(0.5, score.report().get("types").get("PERCENT").get("value_acc").asDouble(), 1e-9,
                "the corrected percent keeps its span, its value differs");
    }

    @Test
    @Order(5)
    void anotherOriginCannotPostAVerdictNorReadFilesOutsideThePages() throws Exception {
        Path attacker = Files.writeString(dir.resolve("attacker.html"), "<!DOCTYPE html><title>x</title>", StandardCharsets.UTF_8);
        browser.open(attacker.toUri());
        String before = get("/api/doc?id=b");
        browser.eval("fetch(" + ReviewDatabaseTest.JSON.writeValueAsString(url("/api/verdict").toString())
                + ", {method: 'POST', mode: 'no-cors', headers: {'Content-Type': 'text/plain'},"
                + " body: JSON.stringify({doc: 'b', key: {type: 'ORG', begin: 0, end: 5, value_key: ''}, verdict: 'wrong'})})"
                + ".then(function () { window.__posted = 'sent'; }, function () { window.__posted = 'failed'; })");
        browser.waitFor("window.__posted");
        assertEquals(before, get("/api/doc?id=b"), "the foreign post stored nothing");

        browser.open(url("/static/..%2f..%2fmanifest.json"));
        assertEquals("400", browser.eval("document.querySelector('h1').textContent").asText());
    }

    private static String get(String path) throws Exception {
        var client = java.net.http.HttpClient.newHttpClient();
        return client.send(java.net.http.HttpRequest.newBuilder(url(path)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
    }

    private static List<String> texts(String selector) throws Exception {
        return texts(selector, "textContent");
    }

    private static List<String> texts(String selector, String property) throws Exception {
        JsonNode a = browser.eval("Array.prototype.map.call(document.querySelectorAll("
                + ReviewDatabaseTest.JSON.writeValueAsString(selector) + "), function (e) { return e." + property + "; })");
        List<String> out = new java.util.ArrayList<>();
        a.forEach(n -> out.add(n.asText()));
        return out;
    }
}
