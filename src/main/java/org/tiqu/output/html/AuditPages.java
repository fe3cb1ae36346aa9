package org.tiqu.output.html;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.tiqu.output.AtomicFiles;
import org.tiqu.output.DocumentEntry;
import org.tiqu.output.InOrder;
import org.tiqu.output.Manifest;
import org.tiqu.output.OutputPaths;

import static org.tiqu.output.html.AuditPage.esc;

/**
 * The audit page of a batch too large for one page: {@code audit.html} becomes the first
 * page of an index ({@code audit/index-N.html} the others), and each document gets its own
 * page, {@code audit/docs/<doc>.html}, with the same highlights, list and filters as the
 * one-page form. A document's page is written again only when its records or text are newer
 * than it, so an incremental batch of a few documents rewrites a few pages; pages of
 * documents no longer in the manifest are removed.
 *
 * <p>Measured on 10 000 documents ({@code ReviewBenchmark}, 2 shared cores): every page written
 * from nothing in 22 to 74 s (each page is written atomically and forced to disk, so the
 * figure follows the disk's load), nothing changed 0.7 to 2.3 s; each index page is about
 * 90 KB, a document page a few tens of KB.
 */
final class AuditPages {

    static final String DOCS_DIR = "docs";

    private AuditPages() {
    }

    static void write(Path outputDir, Manifest manifest, int pageSize, int threads) throws IOException {
        // Absolute, as OutputPaths gives the pages: the pages kept are compared with those found.
        Path outDir = outputDir.toAbsolutePath().normalize();
        Path pagesDir = outDir.resolve(AuditPage.PAGES_DIR);
        List<DocumentEntry> documents = manifest.documents().stream().filter(DocumentEntry::ok).toList();
        Set<Path> kept = new HashSet<>();
        // Each page is its own file: they are read and written on the threads, in any order.
        InOrder.map(documents, threads, entry -> {
            Path page = documentPage(outDir, entry);
            if (page != null && outdated(outDir, entry, page)) {
                AtomicFiles.writeUnforced(page, documentHtml(outDir, entry).getBytes(StandardCharsets.UTF_8));
            }
            return page;
        }, page -> {
            if (page != null) {
                kept.add(page);
            }
        });
        removeOthers(pagesDir.resolve(DOCS_DIR), kept);
        int pages = Math.max(1, (documents.size() + pageSize - 1) / pageSize);
        for (int p = 0; p < pages; p++) {
            List<DocumentEntry> slice = documents.subList(p * pageSize, Math.min(documents.size(), (p + 1) * pageSize));
            Path file = p == 0 ? outDir.resolve(AuditPage.FILE_NAME) : pagesDir.resolve(indexName(p));
            AtomicFiles.writeUnforced(file, indexHtml(outDir, manifest, documents.size(), slice, p, pages, pageSize)
                    .getBytes(StandardCharsets.UTF_8));
        }
        try (Stream<Path> files = Files.list(pagesDir)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (name.matches("index-\\d+\\.html") && Integer.parseInt(name.replaceAll("\\D", "")) > pages) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    /** The batch fits one page again: the pages of a larger one go. */
    static void removeAll(Path outDir) throws IOException {
        Path pagesDir = outDir.resolve(AuditPage.PAGES_DIR);
        if (!Files.isDirectory(pagesDir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(pagesDir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                if (Files.isDirectory(f) || f.getFileName().toString().endsWith(".html")) {
                    try {
                        Files.deleteIfExists(f);
                    } catch (java.nio.file.DirectoryNotEmptyException e) {
                        // a file the batch did not write: left alone, with its folder
                    }
                }
            }
        }
    }

    private static String indexName(int page) {
        return "index-" + (page + 1) + ".html";
    }

    /** {@code audit/docs/<doc>.html}, or null for an id that cannot name a file safely. */
    static Path documentPage(Path outDir, DocumentEntry entry) throws IOException {
        if (!OutputPaths.isSafeId(entry.doc())) {
            return null;
        }
        return OutputPaths.inside(outDir, AuditPage.PAGES_DIR + "/" + DOCS_DIR + "/" + entry.doc() + ".html");
    }

    /** The link to a document's page from a page {@code depth} folders below the output folder. */
    static String documentHref(String doc, int depth) {
        StringBuilder href = new StringBuilder("../".repeat(depth)).append(AuditPage.PAGES_DIR).append('/').append(DOCS_DIR);
        for (String part : doc.split("/")) {
            href.append('/').append(URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return href.append(".html").toString();
    }

    private static boolean outdated(Path outDir, DocumentEntry entry, Path page) throws IOException {
        if (!Files.isRegularFile(page)) {
            return true;
        }
        FileTime written = Files.getLastModifiedTime(page);
        for (String made : new String[] {entry.records(), entry.text()}) {
            if (made == null) {
                continue;
            }
            Path f = OutputPaths.inside(outDir, made);
            if (Files.isRegularFile(f) && Files.getLastModifiedTime(f).compareTo(written) > 0) {
                return true;
            }
        }
        return false;
    }

    private static void removeOthers(Path dir, Set<Path> kept) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                if (Files.isRegularFile(f) && f.getFileName().toString().endsWith(".html") && !kept.contains(f)) {
                    Files.delete(f);
                } else if (Files.isDirectory(f) && !f.equals(dir)) {
                    try (Stream<Path> left = Files.list(f)) {
                        if (left.findAny().isEmpty()) {
                            Files.delete(f);
                        }
                    }
                }
            }
        }
    }

    private static String documentHtml(Path outDir, DocumentEntry entry) throws IOException {
        StringBuilder docs = new StringBuilder();
        StringBuilder list = new StringBuilder();
        StringBuilder options = new StringBuilder();
        TreeSet<String> types = new TreeSet<>();
        AuditPage.renderEntry(outDir, 1, entry, types, options, docs, list);
        int depth = 2 + (int) entry.doc().chars().filter(c -> c == '/').count();
        String meta = "<a href=\"" + "../".repeat(depth) + AuditPage.FILE_NAME + "\">← all documents</a> · "
                + "one page per document in this batch";
        return AuditPage.page(entry.doc() + " · tiqu audit", meta, types, options, list, docs);
    }

    private static String indexHtml(Path outDir, Manifest manifest, int total, List<DocumentEntry> slice, int page,
                                    int pages, int pageSize) {
        int depth = page == 0 ? 0 : 1;
        String up = depth == 0 ? AuditPage.PAGES_DIR + "/" : "";
        StringBuilder h = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="zh"><head><meta charset="utf-8">
                <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
                <title>tiqu audit · index</title>
                <style>
                body{margin:0 16px;font:14px/1.6 "Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Hiragino Sans GB","Microsoft YaHei","WenQuanYi Micro Hei",sans-serif;color:#222}
                h1{font-size:18px} .meta{color:#777;font-size:12px} table{border-collapse:collapse}
                td,th{text-align:left;padding:2px 8px;border-bottom:1px solid #eee} .note{background:#fff8e1;padding:6px 10px}
                </style></head><body>
                """);
        h.append("<h1>tiqu audit</h1><p class=\"note\" id=\"index-note\">").append(total)
                .append(" documents: more than one page shows quickly (").append(AuditPage.MAX_DOCUMENTS)
                .append(" documents or ").append(AuditPage.MAX_CHARS >> 20).append(" MB), so this is an index and each document")
                .append(" has its own page. To search every document and record verdicts, run <code>tiqu review</code>")
                .append(" on this output folder.</p>");
        h.append("<p class=\"meta\">rules sha256 ").append(esc(manifest.rulesSha256() == null ? "?"
                : manifest.rulesSha256().substring(0, Math.min(12, manifest.rulesSha256().length()))))
                .append(" · documents ").append(page * pageSize + 1).append("–").append(page * pageSize + slice.size())
                .append(" of ").append(total).append(" · index page ").append(page + 1).append(" of ").append(pages).append("</p>");
        h.append(pager(page, pages, up)).append("<table><thead><tr><th>#</th><th>document</th><th>records</th><th>source</th>")
                .append("</tr></thead><tbody>\n");
        int n = page * pageSize;
        for (DocumentEntry e : slice) {
            n++;
            h.append("<tr><td>").append(n).append("</td><td>");
            if (OutputPaths.isSafeId(e.doc())) {
                h.append("<a href=\"").append(esc(documentHref(e.doc(), depth))).append("\">").append(esc(e.doc())).append("</a>");
            } else {
                h.append(esc(e.doc())).append(" (no page: the id cannot name a file)");
            }
            h.append("</td><td>").append(esc(counts(e.counts()))).append("</td><td class=\"meta\">").append(esc(e.source()))
                    .append("</td></tr>\n");
        }
        h.append("</tbody></table>").append(pager(page, pages, up)).append("</body></html>\n");
        return h.toString();
    }

    private static String pager(int page, int pages, String up) {
        if (pages == 1) {
            return "";
        }
        StringBuilder h = new StringBuilder("<p class=\"pager\">");
        if (page > 0) {
            String previous = page == 1 ? (up.isEmpty() ? "../" : "") + AuditPage.FILE_NAME : up + indexName(page - 1);
            h.append("<a href=\"").append(previous).append("\">‹ previous</a> ");
        }
        h.append("index page ").append(page + 1).append(" of ").append(pages);
        if (page + 1 < pages) {
            h.append(" <a href=\"").append(up).append(indexName(page + 1)).append("\">next ›</a>");
        }
        return h.append("</p>").toString();
    }

    private static String counts(Map<String, Integer> counts) {
        if (counts == null || counts.isEmpty()) {
            return "none";
        }
        List<String> parts = new ArrayList<>();
        new java.util.TreeMap<>(counts).forEach((t, n) -> parts.add(t + " " + n));
        return String.join(" · ", parts);
    }
}
