package org.tiqu.review;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import static org.tiqu.output.html.AuditPage.esc;

/**
 * {@code tiqu review}: a small web application over an extraction output folder, on the
 * JDK's own HTTP server (no dependency, no network). Pages are rendered here; the page's
 * script only selects, posts verdicts and updates what it shows. Routes:
 * <pre>
 * GET  /                  the document list (?q, field, status, page)
 * GET  /doc?id=ID         a document with its records and verdicts
 * GET  /api/docs          the list as JSON (same parameters)
 * GET  /api/doc?id=ID     a document's records and verdicts as JSON
 * POST /api/verdict       {doc, key, verdict, corrected?, reviewer}: stores a verdict
 * GET  /static/review.css, /static/review.js
 * </pre>
 * Every request first passes the {@link RequestGuard}.
 */
public final class ReviewServer implements AutoCloseable {

    static {
        // Without it the JDK's server waits for the client's delayed ACK: some 40 ms on every answer.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    /** How the server is started. */
    public record Settings(Path outDir, String host, int port, String reviewer, Path rulesDir) {
    }

    static final int PAGE_SIZE = 50;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private final OutputFolder out;
    private final ReviewDatabase verdicts;
    private final DocumentIndex index;
    private final RuleDescriptions rules;
    private final String reviewer;
    private final HttpServer http;
    private final ExecutorService workers;
    private final RequestGuard guard;

    private ReviewServer(Settings settings, OutputFolder out, ReviewDatabase verdicts, DocumentIndex index,
                         HttpServer http, ExecutorService workers) throws IOException {
        this.out = out;
        this.verdicts = verdicts;
        this.index = index;
        this.rules = RuleDescriptions.read(settings.rulesDir());
        this.reviewer = settings.reviewer();
        this.http = http;
        this.workers = workers;
        this.guard = new RequestGuard(settings.host(), http.getAddress().getPort());
    }

    /**
     * Opens the verdict database and the index (bringing it up to date with the manifest),
     * and starts serving.
     *
     * @param log where indexing progress is reported, or null
     */
    public static ReviewServer start(Settings settings, PrintStream log) throws IOException {
        OutputFolder out = new OutputFolder(settings.outDir());
        ReviewDatabase verdicts = ReviewDatabase.open(out.dir());
        DocumentIndex index = null;
        HttpServer http = null;
        try {
            // Bound first, so that a port in use is said at once, not after a long first indexing.
            try {
                http = HttpServer.create(new InetSocketAddress(settings.host(), settings.port()), 64);
            } catch (java.net.BindException e) {
                throw new IOException("cannot listen on " + settings.host() + ":" + settings.port() + " (" + e.getMessage()
                        + "): choose another port with --port, or 0 for a free one", e);
            }
            index = DocumentIndex.open(out, verdicts);
            index.sync(true, log);
            ExecutorService workers = Executors.newFixedThreadPool(4, r -> {
                Thread t = new Thread(r, "tiqu-review");
                t.setDaemon(true);
                return t;
            });
            ReviewServer server = new ReviewServer(settings, out, verdicts, index, http, workers);
            http.createContext("/", server::handle);
            http.setExecutor(workers);
            http.start();
            return server;
        } catch (IOException | RuntimeException e) {
            if (http != null) {
                http.stop(0);
            }
            if (index != null) {
                index.close();
            }
            verdicts.close();
            throw e;
        }
    }

    public URI uri() {
        InetSocketAddress a = http.getAddress();
        String host = a.getAddress().isAnyLocalAddress() ? "127.0.0.1" : a.getAddress().getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + a.getPort() + "/");
    }

    public int port() {
        return http.getAddress().getPort();
    }

    @Override
    public void close() throws IOException {
        http.stop(0);
        workers.shutdown();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            index.close();
        } finally {
            verdicts.close();
        }
    }

    /** An answer to give instead of the page: a status and a message. */
    private static final class HttpError extends Exception {
        final int status;

        HttpError(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String method = ex.getRequestMethod().toUpperCase(Locale.ROOT);
            URI uri = ex.getRequestURI();
            // "//etc/passwd" parses as a host and a path: only a plain path (and query) is a request for a page.
            String raw = (uri.getScheme() != null || uri.getRawAuthority() != null ? "//" : "")
                    + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            RequestGuard.Refusal refusal = guard.check(method, raw, ex.getRequestHeaders());
            if (refusal != null) {
                sendError(ex, refusal.status(), refusal.reason());
                return;
            }
            String path = ex.getRequestURI().getRawPath();
            Map<String, String> query = query(ex.getRequestURI().getRawQuery());
            try {
                route(ex, method, path, query);
            } catch (HttpError e) {
                sendError(ex, e.status, e.getMessage());
            } catch (IOException | RuntimeException e) {
                System.err.println("tiqu review: " + method + " " + path + ": " + e);
                sendError(ex, 500, "internal error: " + e.getMessage());
            }
        }
    }

    private void route(HttpExchange ex, String method, String path, Map<String, String> query) throws IOException, HttpError {
        if (method.equals("POST") != path.equals("/api/verdict")) {
            throw new HttpError(405, method.equals("POST") ? "POST is for /api/verdict only" : "/api/verdict takes POST");
        }
        switch (path) {
            case "/" -> send(ex, 200, "text/html; charset=utf-8", listPage(query).getBytes(StandardCharsets.UTF_8));
            case "/doc" -> send(ex, 200, "text/html; charset=utf-8", documentPage(query).getBytes(StandardCharsets.UTF_8));
            case "/api/docs" -> sendJson(ex, 200, listJson(query));
            case "/api/doc" -> sendJson(ex, 200, documentJson(query));
            case "/api/verdict" -> sendJson(ex, 200, verdict(readBody(ex)));
            case "/favicon.ico" -> send(ex, 204, null, new byte[0]);
            default -> {
                Assets.Asset file = Assets.at(path);
                if (file == null) {
                    throw new HttpError(404, "no such page: " + path);
                }
                if (Assets.VERSION.equals(query.get("v"))) {
                    ex.getResponseHeaders().set("Cache-Control", "public, max-age=31536000, immutable");
                }
                send(ex, 200, file.contentType(), file.bytes());
            }
        }
    }

    // ---- the list -------------------------------------------------------------------------

    private record ListQuery(String q, DocumentIndex.Field field, DocumentIndex.Status status, int page) {
    }

    private static ListQuery listQuery(Map<String, String> query) throws HttpError {
        String q = query.getOrDefault("q", "");
        if (q.length() > 200) {
            throw new HttpError(400, "search text longer than 200 characters");
        }
        DocumentIndex.Field field = option(DocumentIndex.Field.class, query.get("field"), DocumentIndex.Field.ANY);
        DocumentIndex.Status status = option(DocumentIndex.Status.class, query.get("status"), DocumentIndex.Status.ALL);
        int page;
        try {
            page = Math.max(1, Integer.parseInt(query.getOrDefault("page", "1"))) - 1;
        } catch (NumberFormatException e) {
            throw new HttpError(400, "page must be a number");
        }
        return new ListQuery(q, field, status, page);
    }

    private static <E extends Enum<E>> E option(Class<E> type, String value, E fallback) throws HttpError {
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new HttpError(400, "unknown " + type.getSimpleName().toLowerCase() + " '" + value + "'");
        }
    }

    private String listPage(Map<String, String> query) throws IOException, HttpError {
        long start = System.nanoTime();
        ListQuery q = listQuery(query);
        index.sync(false, null);
        DocumentIndex.Page page = index.search(q.q(), q.field(), q.status(), q.page(), PAGE_SIZE);
        DocumentIndex.Totals totals = index.totals();
        return ReviewPages.list(out.dir().toString(), totals, page, q.q(), q.field(), q.status(),
                (System.nanoTime() - start) / 1000);
    }

    private JsonNode listJson(Map<String, String> query) throws IOException, HttpError {
        ListQuery q = listQuery(query);
        index.sync(false, null);
        DocumentIndex.Page page = index.search(q.q(), q.field(), q.status(), q.page(), PAGE_SIZE);
        ObjectNode o = JSON.createObjectNode();
        o.put("total", page.total());
        o.put("page", page.page() + 1);
        o.put("pages", page.pages());
        ArrayNode docs = o.putArray("documents");
        for (DocumentIndex.Entry e : page.entries()) {
            ObjectNode d = docs.addObject();
            d.put("id", e.id());
            d.put("ordinal", e.ordinal() + 1);
            d.put("source", e.ref().source());
            d.put("records", e.records());
            d.put("reviewed", e.reviewed());
            d.put("stale", e.stale());
            d.putPOJO("counts", e.counts());
        }
        return o;
    }

    // ---- a document -----------------------------------------------------------------------

    private DocumentIndex.Entry entry(Map<String, String> query) throws IOException, HttpError {
        String id = query.get("id");
        if (id == null || id.isEmpty()) {
            throw new HttpError(400, "which document? (?id=...)");
        }
        index.sync(false, null);
        DocumentIndex.Entry e = index.byId(id);
        if (e == null) {
            throw new HttpError(404, "no document '" + id + "' in this output");
        }
        return e;
    }

    /** A document's records beside its verdicts; records that cannot be read are the output's problem, said as such. */
    private DocumentReview review(DocumentIndex.Entry e) throws IOException, HttpError {
        List<JsonNode> records;
        try {
            records = out.records(e.ref());
        } catch (IOException ex) {
            throw new HttpError(500, "the records of " + e.id() + " cannot be read: " + ex.getMessage());
        }
        return DocumentReview.of(e.ref().sha256(), records, verdicts.current(e.id()));
    }

    private String documentPage(Map<String, String> query) throws IOException, HttpError {
        DocumentIndex.Entry e = entry(query);
        OutputFolder.DocumentText text = out.text(e.ref());
        DocumentReview review = review(e);
        DocumentIndex.Entry previous = e.ordinal() > 0 ? index.byOrdinal(e.ordinal() - 1) : null;
        DocumentIndex.Entry next = index.byOrdinal(e.ordinal() + 1);
        return ReviewPages.document(e, previous, next, text, review, rules, reviewer, index.totals().documents());
    }

    private JsonNode documentJson(Map<String, String> query) throws IOException, HttpError {
        DocumentIndex.Entry e = entry(query);
        OutputFolder.DocumentText text = out.text(e.ref());
        DocumentReview review = review(e);
        int[] cps = text.codePoints();
        ObjectNode o = JSON.createObjectNode();
        o.put("doc", e.id());
        o.put("source_changed", text.sourceChanged());
        ArrayNode items = o.putArray("items");
        review.items().forEach(i -> items.add(DocumentView.itemJson(i, cps, rules)));
        ArrayNode orphans = o.putArray("orphans");
        review.orphans().forEach(v -> orphans.add(DocumentView.verdictJson(v, DocumentReview.RECORD_GONE)));
        o.set("progress", progress(review));
        return o;
    }

    private static ObjectNode progress(DocumentReview review) {
        ObjectNode p = JSON.createObjectNode();
        p.put("records", review.items().size());
        p.put("reviewed", review.reviewed());
        p.put("stale", review.stale());
        return p;
    }

    // ---- verdicts -------------------------------------------------------------------------

    private JsonNode verdict(JsonNode body) throws IOException, HttpError {
        String doc = body.path("doc").asText("");
        DocumentIndex.Entry e = entry(Map.of("id", doc));
        OutputFolder.DocumentText text = out.text(e.ref());
        if (text.text() == null || text.sourceChanged()) {
            throw new HttpError(409, "the source of " + doc + " changed or is gone since extraction: run tiqu extract again");
        }
        JsonNode k = body.path("key");
        if (!k.path("begin").isInt() || !k.path("end").isInt() || !k.path("type").isTextual()) {
            throw new HttpError(400, "key needs type, begin and end");
        }
        RecordKey key = new RecordKey(k.get("type").asText(), k.get("begin").asInt(), k.get("end").asInt(),
                k.path("value_key").asText(""));
        List<JsonNode> records = out.records(e.ref());
        JsonNode record = records.stream().filter(r -> RecordKey.of(r).equals(key)).findFirst().orElse(null);
        if (record == null) {
            throw new HttpError(409, "no record " + key + " in " + doc + " now (the output changed: reload the page)");
        }
        Verdict.Kind kind;
        try {
            kind = Verdict.Kind.of(body.path("verdict").asText(""));
        } catch (IllegalArgumentException ex) {
            throw new HttpError(400, ex.getMessage());
        }
        ObjectNode corrected = null;
        if (kind == Verdict.Kind.CORRECTED) {
            try {
                corrected = AnnotationShape.correction(body.get("corrected"), doc, text.codePoints());
            } catch (IllegalArgumentException ex) {
                throw new HttpError(400, "corrected record: " + ex.getMessage());
            }
            if (AnnotationShape.sameJudgedFields(corrected, record)) {
                kind = Verdict.Kind.CORRECT;
                corrected = null;
            }
        } else if (body.hasNonNull("corrected")) {
            throw new HttpError(400, "a corrected record goes with the verdict 'corrected' only");
        }
        String name = reviewerName(body.path("reviewer").asText(""));
        verdicts.save(doc, record, kind, corrected, name, e.ref().sha256(), e.ref().rulesSha256());
        DocumentReview review = DocumentReview.of(e.ref().sha256(), records, verdicts.current(doc));
        index.setProgress(doc, review.reviewed(), review.stale());
        ObjectNode o = JSON.createObjectNode();
        int[] cps = text.codePoints();
        DocumentReview.Item item = review.items().stream().filter(i -> i.key().equals(key)).findFirst().orElseThrow();
        o.set("item", DocumentView.itemJson(item, cps, rules));
        o.set("progress", progress(review));
        return o;
    }

    private String reviewerName(String given) throws HttpError {
        String name = given.strip().isEmpty() ? reviewer : given.strip();
        if (name.length() > 64 || name.codePoints().anyMatch(Character::isISOControl)) {
            throw new HttpError(400, "a reviewer name is up to 64 characters, without control characters");
        }
        return name;
    }

    // ---- HTTP -----------------------------------------------------------------------------

    private static JsonNode readBody(HttpExchange ex) throws IOException, HttpError {
        byte[] body;
        try (InputStream in = ex.getRequestBody()) {
            body = in.readNBytes(RequestGuard.MAX_BODY + 1);
        }
        if (body.length > RequestGuard.MAX_BODY) {
            throw new HttpError(413, "request body larger than " + RequestGuard.MAX_BODY + " bytes");
        }
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || !node.isObject()) {
                throw new HttpError(400, "the body must be a JSON object");
            }
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new HttpError(400, "the body is not JSON: " + e.getOriginalMessage());
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.putIfAbsent(name, value);
        }
        return params;
    }

    private static void sendJson(HttpExchange ex, int status, JsonNode body) throws IOException {
        send(ex, status, "application/json; charset=utf-8", JSON.writeValueAsBytes(body));
    }

    private static void sendError(HttpExchange ex, int status, String message) throws IOException {
        boolean json = ex.getRequestURI().getRawPath().startsWith("/api/");
        if (json) {
            ObjectNode o = JSON.createObjectNode();
            o.put("error", message);
            sendJson(ex, status, o);
        } else {
            String page = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + status
                    + "</title><link rel=\"stylesheet\" href=\"" + Assets.url("review.css") + "\"></head><body class=\"error-page\"><h1>"
                    + status + "</h1><p>" + esc(message) + "</p><p><a href=\"/\">the document list</a></p></body></html>\n";
            send(ex, status, "text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        var h = ex.getResponseHeaders();
        if (type != null) {
            h.set("Content-Type", type);
        }
        h.set("Content-Security-Policy", CSP);
        h.set("X-Content-Type-Options", "nosniff");
        h.set("X-Frame-Options", "DENY");
        h.set("Referrer-Policy", "no-referrer");
        if (!h.containsKey("Cache-Control")) {
            h.set("Cache-Control", "no-store");
        }
        boolean head = ex.getRequestMethod().equalsIgnoreCase("HEAD");
        if (status == 204 || head) {
            ex.sendResponseHeaders(status, -1);
            return;
        }
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream o = ex.getResponseBody()) {
            o.write(body);
        }
    }
}
