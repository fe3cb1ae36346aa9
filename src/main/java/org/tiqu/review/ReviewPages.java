package org.tiqu.review;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import static org.tiqu.output.html.AuditPage.esc;

/**
 * The review's two pages, rendered on the server: the document list (search, counts,
 * progress, paging) and a document (its text with records highlighted, the records and
 * their verdicts). Every piece of text from a source, a record or a request is escaped;
 * the page's script inserts text only as text.
 */
final class ReviewPages {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> TYPES = DocumentIndex.TYPES;

    private ReviewPages() {
    }

    private static String head(String title) {
        return "<!DOCTYPE html>\n<html lang=\"zh\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + esc(title) + "</title><link rel=\"stylesheet\" href=\"" + Assets.url("review.css") + "\"></head>\n";
    }

    static String url(String path, Map<String, String> params) {
        StringBuilder s = new StringBuilder(path);
        char sep = '?';
        for (Map.Entry<String, String> e : params.entrySet()) {
            if (e.getValue() != null && !e.getValue().isEmpty()) {
                s.append(sep).append(e.getKey()).append('=').append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
                sep = '&';
            }
        }
        return s.toString();
    }

    static String docUrl(String id) {
        return url("/doc", Map.of("id", id));
    }

    private static String counts(Map<String, Integer> counts) {
        StringBuilder s = new StringBuilder();
        for (String t : TYPES) {
            Integer n = counts.get(t);
            if (n != null && n > 0) {
                s.append("<span class=\"count t-").append(t).append("\" title=\"").append(t).append("\">")
                        .append(t).append(' ').append(n).append("</span> ");
            }
        }
        return s.toString();
    }

    private static String percent(int part, int whole) {
        return whole == 0 ? "0%" : String.format("%.1f%%", 100.0 * part / whole);
    }

    /** The document list. */
    static String list(String outDir, DocumentIndex.Totals totals, DocumentIndex.Page page, String query,
                       DocumentIndex.Field field, DocumentIndex.Status status, long micros) {
        StringBuilder h = new StringBuilder(head("tiqu review · " + outDir));
        h.append("<body class=\"list\"><header><h1><a href=\"/\">tiqu review</a></h1><span class=\"meta\">")
                .append(esc(outDir)).append("</span>")
                .append("<span class=\"progress\" id=\"progress\">").append(totals.reviewed()).append(" of ")
                .append(totals.records()).append(" records reviewed (").append(percent(totals.reviewed(), totals.records()))
                .append("), ").append(totals.reviewedDocuments()).append(" of ").append(totals.documents())
                .append(" documents done").append(totals.stale() > 0 ? ", <b class=\"stale\">" + totals.stale()
                        + " stale verdicts</b>" : "").append(totals.failed() > 0 ? ", " + totals.failed()
                        + " failed documents (see manifest.json)" : "").append("</span></header>\n");
        h.append("<form class=\"search\" method=\"get\" action=\"/\" role=\"search\">")
                .append("<input type=\"search\" name=\"q\" id=\"q\" placeholder=\"search: id, text, indicator, organisation\" value=\"")
                .append(esc(query)).append("\" autofocus> <select name=\"field\" id=\"field\">");
        for (DocumentIndex.Field f : DocumentIndex.Field.values()) {
            h.append("<option value=\"").append(f.name().toLowerCase()).append('"').append(f == field ? " selected" : "")
                    .append('>').append(fieldLabel(f)).append("</option>");
        }
        h.append("</select> <select name=\"status\" id=\"status\">");
        for (DocumentIndex.Status s : DocumentIndex.Status.values()) {
            h.append("<option value=\"").append(s.name().toLowerCase()).append('"').append(s == status ? " selected" : "")
                    .append('>').append(statusLabel(s)).append("</option>");
        }
        h.append("</select> <button type=\"submit\">search</button></form>\n");
        h.append("<p class=\"totals\">").append(totals.records()).append(" records: ").append(counts(totals.byType()))
                .append("</p>\n");
        h.append("<p class=\"found\" id=\"found\">").append(page.total()).append(page.total() == 1 ? " document" : " documents")
                .append(query.isEmpty() && status == DocumentIndex.Status.ALL ? "" : " found").append("</p>\n");
        h.append("<table id=\"docs\"><thead><tr><th>#</th><th>document</th><th>records</th><th>reviewed</th>"
                + "<th>source</th></tr></thead><tbody>\n");
        for (DocumentIndex.Entry e : page.entries()) {
            h.append("<tr").append(e.records() > 0 && e.reviewed() == e.records() ? " class=\"done\"" : "").append("><td>")
                    .append(e.ordinal() + 1).append("</td><td><a class=\"doc\" href=\"").append(esc(docUrl(e.id())))
                    .append("\">").append(esc(e.id())).append("</a>")
                    .append(e.problem() != null ? " <span class=\"problem\">" + esc(e.problem()) + "</span>" : "")
                    .append("</td><td>").append(counts(e.counts())).append("</td><td><progress max=\"").append(e.records())
                    .append("\" value=\"").append(e.reviewed()).append("\"></progress> ").append(e.reviewed()).append('/')
                    .append(e.records())
                    .append(e.stale() > 0 ? " <b class=\"stale\">" + e.stale() + " stale</b>" : "")
                    .append("</td><td class=\"meta\">").append(esc(e.ref().source())).append("</td></tr>\n");
        }
        h.append("</tbody></table>\n");
        h.append(pager(page, query, field, status));
        h.append("<p class=\"meta keys\">keys: <kbd>/</kbd> search · <kbd>j</kbd>/<kbd>k</kbd> next/previous page · listed in ")
                .append(micros / 1000).append(" ms</p>");
        h.append("<script src=\"").append(Assets.url("review.js")).append("\"></script></body></html>\n");
        return h.toString();
    }

    private static String pager(DocumentIndex.Page page, String query, DocumentIndex.Field field, DocumentIndex.Status status) {
        StringBuilder h = new StringBuilder("<nav class=\"pager\">");
        int last = page.pages() - 1;
        String[][] links = {{"« first", "0"}, {"‹ previous", String.valueOf(page.page() - 1)},
                {"next ›", String.valueOf(page.page() + 1)}, {"last »", String.valueOf(last)}};
        for (int i = 0; i < links.length; i++) {
            if (i == 2) {
                h.append(" <span>page ").append(page.page() + 1).append(" of ").append(page.pages()).append("</span> ");
            }
            int target = Integer.parseInt(links[i][1]);
            boolean usable = target >= 0 && target <= last && target != page.page();
            String id = i == 1 ? " id=\"prev-page\"" : i == 2 ? " id=\"next-page\"" : "";
            if (usable) {
                h.append("<a").append(id).append(" href=\"").append(esc(listUrl(query, field, status, target))).append("\">")
                        .append(links[i][0]).append("</a> ");
            } else {
                h.append("<span class=\"off\">").append(links[i][0]).append("</span> ");
            }
        }
        return h.append("</nav>\n").toString();
    }

    static String listUrl(String query, DocumentIndex.Field field, DocumentIndex.Status status, int page) {
        Map<String, String> params = new java.util.LinkedHashMap<>();
        params.put("q", query);
        params.put("field", field == DocumentIndex.Field.ANY ? null : field.name().toLowerCase());
        params.put("status", status == DocumentIndex.Status.ALL ? null : status.name().toLowerCase());
        params.put("page", page == 0 ? null : String.valueOf(page + 1));
        return url("/", params);
    }

    private static String fieldLabel(DocumentIndex.Field f) {
        return switch (f) {
            case ANY -> "anywhere";
            case ID -> "document id";
            case TEXT -> "text";
            case INDICATOR -> "indicator";
            case ORG -> "organisation";
        };
    }

    private static String statusLabel(DocumentIndex.Status s) {
        return switch (s) {
            case ALL -> "all documents";
            case UNREVIEWED -> "not started";
            case PARTLY -> "partly reviewed";
            case REVIEWED -> "reviewed";
            case STALE -> "with stale verdicts";
        };
    }

    /** A document page. */
    static String document(DocumentIndex.Entry entry, DocumentIndex.Entry previous, DocumentIndex.Entry next,
                           OutputFolder.DocumentText text, DocumentReview review, RuleDescriptions rules,
                           String reviewer, int documents) {
        int[] cps = text.codePoints();
        StringBuilder h = new StringBuilder(head(entry.id() + " · tiqu review"));
        h.append("<body class=\"document\"><header><h1><a href=\"/\" id=\"to-list\">tiqu review</a></h1>")
                .append("<span class=\"doc-id\">").append(esc(entry.id())).append("</span>")
                .append("<span class=\"meta\">").append(entry.ordinal() + 1).append(" of ").append(documents).append(" · ")
                .append(esc(entry.ref().source())).append(" · sha256 ")
                .append(esc(entry.ref().sha256() == null ? "?" : entry.ref().sha256().substring(0, Math.min(12, entry.ref().sha256().length()))))
                .append("</span><nav>")
                .append(previous == null ? "<span class=\"off\">‹ previous</span>"
                        : "<a id=\"prev-doc\" href=\"" + esc(docUrl(previous.id())) + "\">‹ previous</a>")
                .append(" · ")
                .append(next == null ? "<span class=\"off\">next ›</span>"
                        : "<a id=\"next-doc\" href=\"" + esc(docUrl(next.id())) + "\">next ›</a>")
                .append("</nav><span class=\"progress\" id=\"progress\"></span>")
                .append("<label class=\"reviewer\">reviewer <input id=\"reviewer\" maxlength=\"64\" value=\"")
                .append(esc(reviewer)).append("\"></label>")
                .append("<button type=\"button\" id=\"help-button\" title=\"keyboard (?)\">?</button></header>\n");
        if (text.sourceChanged() || text.problem() != null) {
            h.append("<p class=\"warning\">")
                    .append(esc(text.problem() != null ? text.problem()
                            : "The source changed since these records were made: run tiqu extract again before judging them."))
                    .append("</p>\n");
        }
        h.append("<div class=\"panes\"><main id=\"text\" lang=\"zh\"><pre>");
        if (text.text() != null) {
            DocumentView.renderText(cps, review.items(), h);
        }
        h.append("</pre></main>\n<aside id=\"side\">");
        h.append("<div class=\"legend\" id=\"legend\">");
        for (String t : TYPES) {
            h.append("<span class=\"t-").append(t).append(t.equals(RecordKey.METRIC) ? " m" : "").append("\">").append(t)
                    .append("</span> ");
        }
        h.append("<span class=\"ev-s\">subject</span> <span class=\"ev-p\">period</span></div>\n");
        h.append("<div id=\"detail\" class=\"detail\"><p class=\"meta\">Select a record: click it in the text or the list,"
                + " or press <kbd>j</kbd>.</p></div>\n");
        h.append("<form id=\"editor\" class=\"editor\" hidden><label for=\"edit-json\">corrected record (ANNOTATION.md shape;"
                + " text follows begin/end; select text in the document to set them)</label>"
                + "<textarea id=\"edit-json\" rows=\"12\" spellcheck=\"false\"></textarea>"
                + "<div><button type=\"submit\" id=\"edit-save\">save as corrected (Ctrl+Enter)</button> "
                + "<button type=\"button\" id=\"edit-cancel\">cancel (Esc)</button></div>"
                + "<p id=\"edit-error\" class=\"error\" role=\"alert\"></p></form>\n");
        h.append("<ol id=\"records\" class=\"records\">");
        for (DocumentReview.Item item : review.items()) {
            h.append("<li id=\"rec-").append(item.index()).append("\" data-i=\"").append(item.index())
                    .append("\" class=\"rec t-").append(esc(item.key().type()))
                    .append(DocumentView.grounded(item.record(), cps) ? "" : " ungrounded").append("\" tabindex=\"-1\">")
                    .append("<span class=\"badge\"></span><span class=\"type\">").append(esc(item.key().type()))
                    .append("</span> <q>").append(esc(item.record().path("text").asText())).append("</q> <span class=\"value\">")
                    .append(esc(ReadableValue.of(item.record()))).append("</span></li>\n");
        }
        h.append("</ol>");
        if (review.items().isEmpty()) {
            h.append("<p class=\"meta\">No records in this document.</p>");
        }
        h.append("<section id=\"orphans\"").append(review.orphans().isEmpty() ? " hidden" : "")
                .append("><h2>Stale verdicts: their record is no longer in the output</h2><ul>");
        for (Verdict v : review.orphans()) {
            h.append("<li class=\"orphan\"><span class=\"badge ").append(v.kind().dbName()).append("\">")
                    .append(v.kind().dbName()).append("</span> ").append(esc(v.key().type())).append(" <q>")
                    .append(esc(v.record().path("text").asText())).append("</q> [").append(v.key().begin()).append(", ")
                    .append(v.key().end()).append(") <span class=\"value\">").append(esc(ReadableValue.of(v.record())))
                    .append("</span> <span class=\"meta\">").append(esc(v.reviewer())).append(", ").append(esc(v.at().toString()))
                    .append("</span></li>");
        }
        h.append("</ul></section></aside></div>\n");
        h.append("<div id=\"status\" class=\"status\" role=\"status\" aria-live=\"polite\"></div>\n");
        h.append("<div id=\"help\" class=\"help\" hidden><h2>Keyboard</h2><dl>"
                + "<dt>j / ↓</dt><dd>next record</dd><dt>k / ↑</dt><dd>previous record</dd>"
                + "<dt>c</dt><dd>correct</dd><dt>w</dt><dd>wrong</dd><dt>e</dt><dd>edit: save a corrected record</dd>"
                + "<dt>n / ]</dt><dd>next document</dd><dt>p / [</dt><dd>previous document</dd>"
                + "<dt>u</dt><dd>next record without a verdict</dd><dt>l</dt><dd>back to the list</dd>"
                + "<dt>?</dt><dd>this help</dd><dt>Esc</dt><dd>close</dd></dl></div>\n");
        ObjectNode state = JSON.createObjectNode();
        state.put("doc", entry.id());
        state.put("reviewer", reviewer);
        ArrayNode items = state.putArray("items");
        review.items().forEach(i -> items.add(DocumentView.itemJson(i, cps, rules)));
        state.put("orphans", review.orphans().size());
        h.append("<script type=\"application/json\" id=\"state\">").append(DocumentView.scriptJson(state))
                .append("</script>\n<script src=\"").append(Assets.url("review.js")).append("\"></script></body></html>\n");
        return h.toString();
    }
}
