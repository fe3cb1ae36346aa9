package org.tiqu.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.tiqu.batch.BatchOptions;
import org.tiqu.batch.BatchRunner;
import org.tiqu.output.Manifest;
import org.tiqu.output.html.AuditPage;
import org.tiqu.pipeline.Pipeline;
import org.tiqu.review.DocumentIndex;
import org.tiqu.review.ReviewServer;
import org.tiqu.rules.RulesLoader;
import org.tiqu.testing.HeadlessChromium;

/**
 * How fast {@code tiqu review} answers on a large output (on demand, never in CI):
 * <pre>mvn -q test-compile exec:exec@review-bench [-Dreview.bench.args="10000 target/review-bench [quick]"]</pre>
 * Makes N documents by cycling the seeds, the development documents and the news corpus (each
 * made unique by a numbered last line), extracts them with the real pipeline (once; a later
 * run reuses the output), then times the first indexing, the document list (first page, a
 * far page, searches) and document pages over HTTP, and the list and a document page in
 * headless Chromium from navigation to the load event. The bounds: list under 1 s,
 * document page under 200 ms. {@code quick} keeps the audit pages and the index of an earlier run.
 */
public final class ReviewBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReviewBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Path work = Path.of(args.length > 1 ? args[1] : "target/review-bench");
        Path in = work.resolve("in");
        Path out = work.resolve("out");
        if (!Files.isRegularFile(out.resolve("manifest.json"))) {
            makeInputs(in, n);
            long t = System.nanoTime();
            Pipeline pipeline = Pipeline.standard(new RulesLoader().load(Path.of("rules")));
            new BatchRunner(pipeline, out, System.err, BatchOptions.defaults().withThreads(2)).run(List.of(in));
            System.out.printf("extracted %d documents in %.1f s (audit.html and pages included)%n", n, secs(t));
        }
        boolean quick = args.length > 2 && args[2].equals("quick");
        if (!quick) {
            auditPages(out);
            Files.deleteIfExists(out.resolve(DocumentIndex.FILE_NAME));
        }
        long t = System.nanoTime();
        ReviewServer server = ReviewServer.start(new ReviewServer.Settings(out, "127.0.0.1", 0, "bench", Path.of("rules")),
                null);
        System.out.printf("first start (index of every document built): %.1f s%n", secs(t));
        server.close();
        t = System.nanoTime();
        server = ReviewServer.start(new ReviewServer.Settings(out, "127.0.0.1", 0, "bench", Path.of("rules")), null);
        System.out.printf("second start (index up to date): %.2f s%n", secs(t));
        try {
            HttpClient http = HttpClient.newHttpClient();
            URI base = server.uri();
            List<String> ids = ids(http, base);
            System.out.println("HTTP, server and transfer (ms): median / 90th / max of 30 after 5 warm-up");
            for (String path : List.of("/", "/?page=150", "/?q=%E5%A2%9E%E9%95%BF&field=text",
                    "/?q=%E8%A7%84%E4%B8%8A%E5%B7%A5%E4%B8%9A&field=indicator", "/?q=%E9%9B%86%E5%9B%A2&field=org",
                    "/?status=unreviewed&page=40")) {
                report("list " + java.net.URLDecoder.decode(path, StandardCharsets.UTF_8), http, base, List.of(path));
            }
            Random random = new Random(16);
            List<String> docs = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                docs.add("/doc?id=" + ids.get(random.nextInt(ids.size())));
            }
            report("document page (30 random documents)", http, base, docs);
            browser(base, docs.get(0));
        } finally {
            server.close();
        }
    }

    /** audit.html for the whole output: written from nothing, then again with nothing changed. */
    private static void auditPages(Path out) throws IOException {
        Path pages = out.resolve(AuditPage.PAGES_DIR);
        if (Files.isDirectory(pages)) {
            try (Stream<Path> files = Files.walk(pages)) {
                for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(f);
                }
            }
        }
        Manifest manifest = Manifest.read(out);
        long t = System.nanoTime();
        AuditPage.write(out, manifest);
        System.out.printf("audit.html as an index with a page per document, from nothing: %.1f s", secs(t));
        t = System.nanoTime();
        AuditPage.write(out, manifest);
        System.out.printf("; again, nothing changed: %.1f s%n", secs(t));
    }

    private static void browser(URI base, String doc) throws Exception {
        if (!Files.isExecutable(HeadlessChromium.EXECUTABLE)) {
            System.out.println("(no chromium: browser timings skipped)");
            return;
        }
        try (HeadlessChromium browser = HeadlessChromium.start()) {
            System.out.println("Chromium, navigation start to load event (ms): median / fastest / slowest of 20 after 2 warm-up");
            List<List<Double>> times = List.of(new ArrayList<>(), new ArrayList<>());
            // As a reviewer goes: from the list to a document and back, in one tab (one renderer process).
            List<String> paths = List.of("/", doc);
            for (int i = 0; i < 22; i++) {
                for (int k = 0; k < 2; k++) {
                    browser.open(base.resolve(paths.get(k) + (paths.get(k).contains("?") ? "&" : "?") + "n=" + i));
                    browser.waitFor("performance.getEntriesByType('navigation')[0].loadEventEnd > 0");
                    double ms = browser.eval("(function(){var e=performance.getEntriesByType('navigation')[0];"
                            + "return e.loadEventEnd - e.startTime;})()").asDouble();
                    if (i >= 2) {
                        times.get(k).add(ms);
                    }
                }
            }
            for (int k = 0; k < 2; k++) {
                List<Double> t = times.get(k);
                Collections.sort(t);
                System.out.printf("  %-40s %7.1f %7.1f %7.1f%n", k == 0 ? "list, first page" : "document page",
                        t.get(t.size() / 2), t.get(0), t.get(t.size() - 1));
            }
        }
    }

    private static List<String> ids(HttpClient http, URI base) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int page = 1; page <= 200 && ids.size() < 5000; page += 7) {
            JsonNode list = JSON.readTree(http.send(HttpRequest.newBuilder(base.resolve("/api/docs?page=" + page)).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            list.get("documents").forEach(d -> ids.add(java.net.URLEncoder.encode(d.get("id").asText(), StandardCharsets.UTF_8)));
        }
        return ids;
    }

    private static void report(String what, HttpClient http, URI base, List<String> paths) throws Exception {
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < 35; i++) {
            String path = paths.get(i % paths.size());
            long t = System.nanoTime();
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(base.resolve(path)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            double ms = (System.nanoTime() - t) / 1e6;
            if (r.statusCode() != 200) {
                throw new IllegalStateException(path + ": " + r.statusCode());
            }
            if (i >= 5) {
                times.add(ms);
            }
        }
        Collections.sort(times);
        System.out.printf("  %-40s %7.1f %7.1f %7.1f%n", what, times.get(times.size() / 2),
                times.get(times.size() * 9 / 10), times.get(times.size() - 1));
    }

    /** N sources cycled from the seeds, the development documents and the news corpus, each with a numbered last line. */
    private static void makeInputs(Path in, int n) throws IOException {
        List<String> texts = new ArrayList<>();
        for (Path folder : List.of(Path.of("seeds"), Path.of("../shared/gold/dev/docs"))) {
            if (Files.isDirectory(folder)) {
                try (Stream<Path> files = Files.list(folder)) {
                    for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                        texts.add(Files.readString(f, StandardCharsets.UTF_8));
                    }
                }
            }
        }
        Path corpus = Path.of("../shared/benchmarks/corpus/cnews-sample.jsonl");
        if (Files.isRegularFile(corpus)) {
            try (BufferedReader r = Files.newBufferedReader(corpus, StandardCharsets.UTF_8)) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    texts.add(JSON.readTree(line).get("text").asText());
                }
            }
        }
        Files.createDirectories(in);
        long chars = 0;
        for (int i = 0; i < n; i++) {
            String text = texts.get(i % texts.size()) + "\n（本文编号" + i + "。）\n";
            chars += text.length();
            Files.writeString(in.resolve(String.format("%06d.txt", i)), text, StandardCharsets.UTF_8);
        }
        System.out.printf("made %d sources (%,d characters) from %d texts in %s%n", n, chars, texts.size(), in);
    }

    private static double secs(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    static {
        System.setProperty("slf4j.internal.verbosity", "ERROR");
    }
}
