package org.tiqu.review;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The review server over HTTP, spoken byte for byte on a socket: what it serves, and what it
 * refuses (paths out of its routes, foreign Host and Origin, verdicts without the page's
 * origin, bodies past the limit), and that source text is escaped.
 */
class ReviewServerTest {

    @TempDir
    static Path dir;
    static ReviewServer server;
    static String host;

    /** A status and a body. */
    record Reply(int status, String body) {
    }

    @BeforeAll
    static void start() throws Exception {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("a", ReviewFixture.REPORT);
        sources.put("x", "收入增长15%。<script>window.__pwned=1</script>&amp;\"引号'\n");
        Path out = ReviewFixture.extract(dir, sources);
        server = ReviewServer.start(new ReviewServer.Settings(out, "127.0.0.1", 0, "tester", Path.of("rules")), null);
        host = "127.0.0.1:" + server.port();
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    static Reply raw(String method, String target, Map<String, String> headers, byte[] body) throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(20_000);
            StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\n");
            Map<String, String> all = new LinkedHashMap<>();
            all.put("Host", host);
            all.put("Connection", "close");
            if (body != null) {
                all.put("Content-Length", String.valueOf(body.length));
            }
            all.putAll(headers);
            all.forEach((k, v) -> {
                if (v != null) {
                    head.append(k).append(": ").append(v).append("\r\n");
                }
            });
            head.append("\r\n");
            OutputStream o = s.getOutputStream();
            o.write(head.toString().getBytes(StandardCharsets.UTF_8));
            if (body != null) {
                o.write(body);
            }
            o.flush();
            // The head up to its blank line, then as many bytes as it says: the server may keep the connection.
            InputStream in = s.getInputStream();
            ByteArrayOutputStream headBytes = new ByteArrayOutputStream();
            while (!headBytes.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                headBytes.write(b);
            }
            String replyHead = headBytes.toString(StandardCharsets.ISO_8859_1);
            int status = Integer.parseInt(replyHead.substring(9, 12));
            java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?i)\r\ncontent-length: *(\\d+)").matcher(replyHead);
            byte[] replyBody = length.find() ? in.readNBytes(Integer.parseInt(length.group(1))) : in.readAllBytes();
            return new Reply(status, new String(replyBody, StandardCharsets.UTF_8));
        }
    }

    static Reply get(String target) throws Exception {
        return raw("GET", target, Map.of(), null);
    }

    static Reply postVerdict(String json, Map<String, String> headers) throws Exception {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Origin", "http://" + host);
        h.put("Content-Type", "application/json");
        h.putAll(headers);
        return raw("POST", "/api/verdict", h, json.getBytes(StandardCharsets.UTF_8));
    }

    static String verdictFor(String doc, JsonNode item, String verdict) {
        return "{\"doc\":\"" + doc + "\",\"key\":" + item.get("key") + ",\"verdict\":\"" + verdict + "\",\"reviewer\":\"t\"}";
    }

    static JsonNode firstItem(String doc) throws Exception {
        return ReviewDatabaseTest.JSON.readTree(get("/api/doc?id=" + doc).body()).get("items").get(0);
    }

    @Test
    void pagesAndDataAreServed() throws Exception {
        Reply list = get("/");
        assertEquals(200, list.status());
        assertTrue(list.body().contains("href=\"/doc?id=a\""), list.body());
        Reply page = get("/doc?id=a");
        assertEquals(200, page.status());
        assertTrue(page.body().contains("data-r="));
        assertEquals(200, get("/static/review.js").status());
        assertEquals(200, get("/?q=%E6%B5%8E%E5%8C%97&field=text").status());
        assertTrue(get("/api/docs?q=%E6%B5%8E%E5%8C%97").body().contains("\"total\":1"));
        assertEquals(404, get("/doc?id=nope").status());
        assertEquals(404, get("/manifest.json").status());
        assertEquals(400, get("/?field=nonsense").status());
    }

    @Test
    void sourceTextIsEscapedEverywhere() throws Exception {
        String page = get("/doc?id=x").body();
        assertFalse(page.contains("<script>window"), "source markup is never markup");
        assertTrue(page.contains("&lt;script&gt;window.__pwned=1&lt;/script&gt;&amp;amp;&quot;引号&#39;"));
        int state = page.indexOf("id=\"state\">");
        String json = page.substring(state, page.indexOf("</script>", state));
        assertFalse(json.contains("<"), "the page's data cannot close its script element");
        String list = get("/?q=%3Cscript%3E").body();
        assertTrue(list.contains("value=\"&lt;script&gt;\""), "the search echoed back is escaped");
    }

    @Test
    void pathsOutsideTheRoutesAreRefused() throws Exception {
        for (String path : new String[] {"/static/../manifest.json", "/static/%2e%2e/review.db", "/..%2f..%2fetc/passwd",
                "//etc/passwd", "/static/..\\..\\pom.xml", "/%2e%2e/%2e%2e/etc/passwd", "/./doc?id=a"}) {
            Reply r = get(path);
            assertEquals(400, r.status(), path);
            assertFalse(r.body().contains("root:") || r.body().contains("\"documents\""), path);
        }
        for (String id : new String[] {"../../etc/passwd", "/etc/passwd", "a/../a", "records/a.jsonl"}) {
            assertEquals(404, get("/doc?id=" + java.net.URLEncoder.encode(id, StandardCharsets.UTF_8)).status(), id);
        }
    }

    @Test
    void foreignHostsAndOriginsAreRefused() throws Exception {
        assertEquals(421, raw("GET", "/", Map.of("Host", "evil.example:" + server.port()), null).status(),
                "a rebound name is not this server");
        assertEquals(421, raw("GET", "/", Map.of("Host", "127.0.0.1:1"), null).status());
        assertEquals(200, raw("GET", "/", Map.of("Host", "localhost:" + server.port()), null).status());
        assertEquals(403, raw("GET", "/api/docs", Map.of("Origin", "http://evil.example"), null).status());

        JsonNode item = firstItem("a");
        String body = verdictFor("a", item, "wrong");
        assertEquals(403, postVerdict(body, Map.of("Origin", "http://evil.example")).status(), "another site's page");
        assertEquals(403, postVerdict(body, Map.of("Origin", "null")).status());
        Map<String, String> noOrigin = new LinkedHashMap<>();
        noOrigin.put("Origin", null);
        assertEquals(403, postVerdict(body, noOrigin).status(), "a verdict must come from the review page");
        assertEquals(403, postVerdict(body, Map.of("Sec-Fetch-Site", "cross-site")).status());
        assertEquals(415, postVerdict(body, Map.of("Content-Type", "text/plain")).status(), "a form cannot post JSON");
        assertEquals(405, raw("DELETE", "/api/verdict", Map.of(), null).status());
        assertEquals(405, raw("POST", "/doc?id=a", Map.of("Origin", "http://" + host, "Content-Type", "application/json"),
                "{}".getBytes(StandardCharsets.UTF_8)).status());
        assertEquals(null, firstItem("a").get("verdict").textValue(), "nothing refused was stored");
    }

    @Test
    void aPortInUseIsSaidAsSuch() {
        java.io.IOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> ReviewServer.start(new ReviewServer.Settings(dir.resolve("out"), "127.0.0.1", server.port(), "t",
                        Path.of("rules")), null));
        assertTrue(e.getMessage().contains("--port"), e.getMessage());
        assertEquals(200, assertDoesNotThrow(() -> get("/").status()), "the first server is still serving");
    }

    @Test
    void requestSizesAreLimited() throws Exception {
        // Refused on its Content-Length, before a byte of it is read (so none is sent here).
        assertEquals(413, raw("POST", "/api/verdict", Map.of("Origin", "http://" + host, "Content-Type", "application/json",
                "Content-Length", String.valueOf(RequestGuard.MAX_BODY + 1)), null).status());
        assertEquals(414, get("/?q=" + "a".repeat(RequestGuard.MAX_URI)).status());
        assertEquals(400, get("/?q=" + "a".repeat(300)).status());
    }

    @Test
    void aVerdictIsStoredAndABadCorrectionIsRefusedSayingWhy() throws Exception {
        JsonNode item = firstItem("x");
        Reply ok = postVerdict(verdictFor("x", item, "correct"), Map.of());
        assertEquals(200, ok.status(), ok.body());
        JsonNode stored = ReviewDatabaseTest.JSON.readTree(ok.body());
        assertEquals("correct", stored.get("item").get("verdict").get("kind").asText());
        assertEquals(1, stored.get("progress").get("reviewed").asInt());

        String bad = "{\"doc\":\"x\",\"key\":" + item.get("key") + ",\"verdict\":\"corrected\",\"corrected\":"
                + "{\"type\":\"PERCENT\",\"begin\":0,\"end\":999,\"value\":{\"percent\":\"15\"}}}";
        Reply refused = postVerdict(bad, Map.of());
        assertEquals(400, refused.status());
        assertTrue(refused.body().contains("not a span of the text"), refused.body());
        String gone = "{\"doc\":\"x\",\"key\":{\"type\":\"ORG\",\"begin\":1,\"end\":2,\"value_key\":\"\"},\"verdict\":\"wrong\"}";
        assertEquals(409, postVerdict(gone, Map.of()).status(), "a record that is not in the output");
        assertEquals(400, postVerdict("not json", Map.of()).status());
        assertEquals(400, postVerdict(verdictFor("x", item, "maybe"), Map.of()).status());
        assertEquals("correct", firstItem("x").get("verdict").get("kind").asText());
    }
}
