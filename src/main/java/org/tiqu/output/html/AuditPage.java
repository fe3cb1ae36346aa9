package org.tiqu.output.html;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

import org.tiqu.output.AtomicFiles;
import org.tiqu.output.DocumentEntry;
import org.tiqu.output.Manifest;
import org.tiqu.output.OutputPaths;
import org.tiqu.output.RecordFiles;
import org.tiqu.source.SourceException;
import org.tiqu.source.SourceReader;

/**
 * {@code output/audit.html}: one self-contained page (no scripts, styles or fonts from
 * the network) for a person checking the records. Each document's text is shown with
 * every record highlighted by type; a side list gives each record's normalised value and
 * rule, and a click on it scrolls to and marks its place in the text. Filters by type and
 * by document. Every piece of source text and record field is HTML-escaped, so a source
 * holding {@code <script>} shows as text.
 *
 * <p>Records may nest (a METRIC contains its MONEY) or cross, so the text is cut at every
 * record boundary into segments, each listing the records that cover it; a mention's type
 * colours the segment, a metric underlines it.
 */
public final class AuditPage {

    public static final String FILE_NAME = "audit.html";
    /** Where a batch too large for one page gets its per-document pages and further index pages. */
    public static final String PAGES_DIR = "audit";
    /**
     * One page holds a batch only while a browser opens it quickly: a 15 MB page of 1 000
     * documents took minutes to render in Chromium, a page under these bounds about a second.
     * Past them {@code audit.html} becomes an index with one page per document (and says so).
     */
    static final int MAX_DOCUMENTS = 200;
    static final int MAX_CHARS = 3 << 20;
    /** Documents per index page. */
    static final int INDEX_PAGE_SIZE = 500;

    private AuditPage() {
    }

    public static void write(Path outDir, Manifest manifest) throws IOException {
        write(outDir, manifest, org.tiqu.output.InOrder.defaultThreads());
    }

    /** As above, the pages of a batch too large for one written on {@code threads} threads. */
    public static void write(Path outDir, Manifest manifest, int threads) throws IOException {
        write(outDir, manifest, MAX_DOCUMENTS, MAX_CHARS, INDEX_PAGE_SIZE, threads);
    }

    static void write(Path outDir, Manifest manifest, int maxDocuments, int maxChars, int indexPageSize) throws IOException {
        write(outDir, manifest, maxDocuments, maxChars, indexPageSize, org.tiqu.output.InOrder.defaultThreads());
    }

    static void write(Path outDir, Manifest manifest, int maxDocuments, int maxChars, int indexPageSize, int threads)
            throws IOException {
        String single = render(outDir, manifest, maxDocuments, maxChars);
        if (single != null) {
            // Not forced: the batch's stamp (DerivedFiles) names the digests of the derived files, so a
            // power loss that leaves one torn makes the next run write them again.
            AtomicFiles.writeUnforced(outDir.resolve(FILE_NAME), single.getBytes(StandardCharsets.UTF_8));
            AuditPages.removeAll(outDir);
        } else {
            AuditPages.write(outDir, manifest, indexPageSize, threads);
        }
    }

    static String render(Path outDir, Manifest manifest) throws IOException {
        return render(outDir, manifest, MAX_DOCUMENTS, MAX_CHARS);
    }

    /** The whole batch on one page, or null when it holds more than {@code maxDocuments} documents or {@code maxChars} characters. */
    static String render(Path outDir, Manifest manifest, int maxDocuments, int maxChars) throws IOException {
        StringBuilder docs = new StringBuilder();
        StringBuilder list = new StringBuilder();
        StringBuilder docOptions = new StringBuilder();
        TreeSet<String> types = new TreeSet<>();
        int d = 0;
        for (DocumentEntry entry : manifest.documents()) {
            if (!entry.ok()) {
                continue;
            }
            if (d >= maxDocuments || docs.length() + list.length() > maxChars) {
                return null;
            }
            d++;
            renderEntry(outDir, d, entry, types, docOptions, docs, list);
        }
        if (docs.length() + list.length() > maxChars) {
            return null;
        }
        return page("tiqu audit", "rules sha256 " + esc(abbrev(manifest.rulesSha256())) + " · " + d + " documents",
                types, docOptions, list, docs);
    }

    /** One document's section and record list, its types and its option in the document filter. */
    static void renderEntry(Path outDir, int d, DocumentEntry entry, TreeSet<String> types, StringBuilder docOptions,
                            StringBuilder docs, StringBuilder list) throws IOException {
        List<JsonNode> records = recordsOf(outDir, entry);
        records.forEach(r -> types.add(r.path("type").asText()));
        docOptions.append("<option value=\"").append(esc(entry.doc())).append("\">").append(esc(entry.doc()))
                .append("</option>");
        String text = textOf(outDir, entry);
        renderDocument(d, entry, text, records, docs, list);
    }

    /** A page of documents with the filters and the script; {@code meta} is HTML. */
    static String page(String title, String meta, TreeSet<String> types, CharSequence docOptions, CharSequence list,
                       CharSequence docs) {
        StringBuilder typeBoxes = new StringBuilder();
        for (String t : types) {
            typeBoxes.append("<label class=\"t-").append(esc(t)).append("\"><input type=\"checkbox\" checked data-type=\"")
                    .append(esc(t)).append("\"> ").append(esc(t)).append("</label> ");
        }
        return PAGE_HEAD.replace("<title>tiqu audit</title>", "<title>" + esc(title) + "</title>")
                + "<aside><h1>tiqu audit</h1><p class=\"meta\">" + meta + "</p>"
                + "<div id=\"filters\"><div id=\"types\">" + typeBoxes + "</div>"
                + "<select id=\"doc-filter\"><option value=\"\">all documents</option>" + docOptions + "</select></div>"
                + "<ol id=\"records\">" + list + "</ol></aside>"
                + "<main>" + docs + "</main>" + PAGE_SCRIPT + "</body></html>\n";
    }

    /** The records of an entry, read only from inside the output folder; none when its path leaves it. */
    private static List<JsonNode> recordsOf(Path outDir, DocumentEntry entry) throws IOException {
        if (entry.records() != null) {
            try {
                OutputPaths.inside(outDir, entry.records());
            } catch (IOException refused) {
                return List.of();
            }
        }
        return RecordFiles.read(outDir, entry);
    }

    /** The text the offsets count: the extracted text of an HTML source, else the decoded source; null when gone. */
    private static String textOf(Path outDir, DocumentEntry entry) throws IOException {
        if (entry.text() != null) {
            Path file;
            try {
                file = OutputPaths.inside(outDir, entry.text());
            } catch (IOException refused) {
                return null;
            }
            return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
        }
        Path source = outDir.resolve(entry.source()).normalize();
        if (!Files.isRegularFile(source)) {
            return null;
        }
        try {
            return new SourceReader().decode(entry.doc(), source, Files.readAllBytes(source)).text();
        } catch (SourceException e) {
            return null;
        }
    }

    private static void renderDocument(int d, DocumentEntry entry, String text, List<JsonNode> records,
                                       StringBuilder docs, StringBuilder list) {
        String doc = esc(entry.doc());
        docs.append("<section class=\"doc\" id=\"d").append(d).append("\" data-doc=\"").append(doc).append("\">")
                .append("<h2>").append(doc).append("</h2><p class=\"meta\">").append(esc(entry.source()))
                .append(entry.text() != null ? " · offsets in extracted text " + esc(entry.text()) : "")
                .append("</p>");
        int[] cps = text == null ? null : text.codePoints().toArray();
        List<int[]> spans = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            JsonNode r = records.get(i);
            String id = "r" + d + "-" + i;
            String type = r.path("type").asText();
            int begin = r.path("begin").asInt(-1);
            int end = r.path("end").asInt(-1);
            boolean grounded = cps != null && begin >= 0 && begin <= end && end <= cps.length
                    && new String(cps, begin, end - begin).equals(r.path("text").asText());
            if (grounded) {
                spans.add(new int[] {begin, end, i});
            }
            list.append("<li class=\"rec t-").append(esc(type)).append(grounded ? "" : " ungrounded")
                    .append("\" id=\"l").append(id).append("\" data-doc=\"").append(doc).append("\" data-type=\"")
                    .append(esc(type)).append("\" data-target=\"").append(id).append("\">")
                    .append("<span class=\"type\">").append(esc(type)).append("</span> ")
                    .append("<q>").append(esc(r.path("text").asText())).append("</q> ")
                    .append("<span class=\"value\">").append(esc(describe(r))).append("</span> ")
                    .append(evidence(r, cps))
                    .append("<span class=\"rule\">").append(esc(r.path("rule").asText())).append("</span> ")
                    .append("<span class=\"where\">").append(doc).append(" [").append(begin).append(", ").append(end)
                    .append(")</span>")
                    .append(grounded ? "" : " <strong>not grounded: the text differs from the source</strong>")
                    .append("</li>\n");
        }
        if (cps == null) {
            docs.append("<p class=\"missing\">source text not available</p></section>\n");
            return;
        }
        docs.append("<pre>");
        renderText(d, cps, records, spans, docs);
        docs.append("</pre></section>\n");
    }

    /** Cuts the text at every record boundary; each segment names the records covering it. */
    private static void renderText(int d, int[] cps, List<JsonNode> records, List<int[]> spans, StringBuilder out) {
        TreeSet<Integer> cuts = new TreeSet<>(List.of(0, cps.length));
        for (int[] s : spans) {
            cuts.add(s[0]);
            cuts.add(s[1]);
        }
        Iterator<Integer> it = cuts.iterator();
        int from = it.next();
        while (it.hasNext()) {
            int to = it.next();
            for (int[] s : spans) {
                if (s[0] == from) {
                    out.append("<a class=\"anchor\" id=\"r").append(d).append('-').append(s[2]).append("\"></a>");
                }
            }
            StringBuilder covering = new StringBuilder();
            String mentionType = null;
            boolean inMetric = false;
            for (int[] s : spans) {
                if (s[0] <= from && to <= s[1] && s[0] < s[1]) {
                    covering.append(covering.length() == 0 ? "" : " ").append('r').append(d).append('-').append(s[2]);
                    String type = records.get(s[2]).path("type").asText();
                    if (type.equals("METRIC")) {
                        inMetric = true;
                    } else {
                        mentionType = type;
                    }
                }
            }
            String segment = esc(new String(cps, from, to - from));
            if (covering.length() == 0) {
                out.append(segment);
            } else {
                out.append("<span class=\"seg").append(mentionType != null ? " t-" + esc(mentionType) : "")
                        .append(inMetric ? " in-metric" : "").append("\" data-r=\"").append(covering).append("\">")
                        .append(segment).append("</span>");
            }
            from = to;
        }
    }

    /**
     * For a metric, the words its subject and period were read from (subject from «平利县» [5, 8)),
     * so that a reader sees why the linker decided so; empty when no text gave either.
     */
    static String evidence(JsonNode r, int[] cps) {
        JsonNode evidence = r.path("evidence");
        if (!evidence.isObject()) {
            return "";
        }
        StringBuilder s = new StringBuilder();
        for (String role : List.of("subject", "period")) {
            JsonNode span = evidence.path(role);
            if (!span.isArray() || span.size() != 2) {
                continue;
            }
            int b = span.get(0).asInt(-1);
            int e = span.get(1).asInt(-1);
            String words = cps != null && b >= 0 && b < e && e <= cps.length ? new String(cps, b, e - b) : "?";
            s.append(s.length() == 0 ? "" : " · ").append(role).append(" from «").append(words).append("» [")
                    .append(b).append(", ").append(e).append(')');
        }
        return s.length() == 0 ? "" : "<span class=\"evidence\">" + esc(s.toString()) + "</span> ";
    }

    /** A record's normalised fields in one line: value, and for a metric its indicator, subject, period, change. */
    static String describe(JsonNode r) {
        StringBuilder s = new StringBuilder();
        for (String key : List.of("indicator", "subject", "period", "modality")) {
            if (r.hasNonNull(key)) {
                s.append(key).append('=').append(r.get(key).asText()).append(' ');
            }
        }
        appendObject(s, "", r.path("value"));
        if (r.path("change").isObject()) {
            appendObject(s, "change.", r.get("change"));
        }
        return s.toString().strip();
    }

    private static void appendObject(StringBuilder s, String prefix, JsonNode o) {
        for (Iterator<Map.Entry<String, JsonNode>> f = o.fields(); f.hasNext(); ) {
            Map.Entry<String, JsonNode> e = f.next();
            s.append(prefix).append(e.getKey()).append('=').append(e.getValue().isNull() ? "null" : e.getValue().asText())
                    .append(' ');
        }
    }

    private static String abbrev(String sha) {
        return sha == null ? "?" : sha.substring(0, Math.min(12, sha.length()));
    }

    /** HTML-escapes text for element content and quoted attribute values alike. */
    public static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static final String PAGE_HEAD = """
            <!DOCTYPE html>
            <html lang="zh"><head><meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
            <title>tiqu audit</title>
            <style>
            body{margin:0;display:flex;height:100vh;font:14px/1.6 "Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Hiragino Sans GB","Microsoft YaHei","WenQuanYi Micro Hei",sans-serif;color:#222}
            aside{width:38%;overflow:auto;border-right:1px solid #ccc;padding:0 10px;box-sizing:border-box}
            main{flex:1;overflow:auto;padding:0 16px}
            h1{font-size:18px} h2{font-size:15px;margin:18px 0 0} .meta{color:#777;font-size:12px;margin:0}
            pre{white-space:pre-wrap;font:15px/1.9 "Noto Serif CJK SC","Source Han Serif SC","Songti SC",SimSun,"Noto Sans CJK SC","WenQuanYi Micro Hei",serif;border-bottom:1px solid #eee;padding-bottom:12px}
            ol{padding-left:20px} li.rec{cursor:pointer;margin:3px 0;border-left:4px solid #ccc;padding-left:4px}
            li.rec:hover{background:#f4f4f4} li.rec.active{background:#ffe98a}
            li .type{font-size:11px;font-weight:bold} li .value{color:#05c} li .evidence{color:#693;font-size:11px} li .rule,li .where{color:#999;font-size:11px}
            li.ungrounded{background:#fdd}
            .seg.in-metric{border-bottom:2px solid #a0a} .seg.active{outline:3px solid #f60;background:#ffe98a!important}
            .t-ORG{background:#e3f2fd;border-color:#1e88e5} .t-MONEY{background:#e8f5e9;border-color:#43a047}
            .t-PERCENT{background:#fff3e0;border-color:#fb8c00} .t-QUANTITY{background:#f3e5f5;border-color:#8e24aa}
            .t-DATE{background:#e0f7fa;border-color:#00acc1} .t-DURATION{background:#fce4ec;border-color:#d81b60}
            .t-METRIC{border-color:#a0a}
            body.plain .seg{background:none!important}
            #filters label{margin-right:6px;padding:0 3px;white-space:nowrap}
            .hidden{display:none!important}
            </style></head><body>
            """;

    /** Filters and the click from a record to its place; inline, so the page works from a file with no network. */
    private static final String PAGE_SCRIPT = """
            <script>
            (function(){
              var hiddenTypes={};
              function apply(){
                var doc=document.getElementById('doc-filter').value;
                document.querySelectorAll('li.rec').forEach(function(li){
                  li.classList.toggle('hidden',!!hiddenTypes[li.dataset.type]||(doc!==''&&li.dataset.doc!==doc));
                });
                document.querySelectorAll('section.doc').forEach(function(s){
                  s.classList.toggle('hidden',doc!==''&&s.dataset.doc!==doc);
                });
                document.querySelectorAll('.seg').forEach(function(seg){
                  var shown=seg.dataset.r.split(' ').some(function(id){
                    var li=document.getElementById('l'+id);return li&&!hiddenTypes[li.dataset.type];});
                  seg.classList.toggle('muted',!shown);
                  seg.style.background=shown?'':'none';seg.style.borderBottom=shown?'':'none';
                });
              }
              document.querySelectorAll('#types input').forEach(function(box){
                box.addEventListener('change',function(){hiddenTypes[box.dataset.type]=!box.checked;apply();});
              });
              document.getElementById('doc-filter').addEventListener('change',apply);
              document.getElementById('records').addEventListener('click',function(ev){
                var li=ev.target.closest('li.rec');if(!li)return;
                var id=li.dataset.target;
                document.querySelectorAll('.active').forEach(function(e){e.classList.remove('active');});
                li.classList.add('active');
                var segs=Array.prototype.filter.call(document.querySelectorAll('.seg'),function(s){
                  return s.dataset.r.split(' ').indexOf(id)>=0;});
                segs.forEach(function(s){s.classList.add('active');});
                var anchor=document.getElementById(id);
                if(anchor){anchor.scrollIntoView({block:'center'});}
                document.body.dataset.active=id;
              });
            })();
            </script>
            """;
}
