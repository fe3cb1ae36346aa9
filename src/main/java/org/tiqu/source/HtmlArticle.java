package org.tiqu.source;

import java.nio.file.Path;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The article text of a saved HTML press release. The bytes are decoded as any source, the
 * page's declared charset honoured ({@link SourceReader}), parsed with jsoup, and the article's text is laid out one
 * block (heading, paragraph, list item, table row) per line, the cells of a row
 * separated by tabs. Offsets of records made from such a source refer to this
 * extracted text, which the batch saves beside the records so that the audit can
 * check them.
 */
public final class HtmlArticle {

    /** Where the article is, most specific first; the body when none is found. */
    private static final String[] ARTICLE_SELECTORS = {
        "article", "[itemprop=articleBody]", "#article", ".article", "#content", ".content", "main"};
    /** Elements that never hold article text. */
    private static final String NOISE = "script, style, noscript, template, nav, header > nav, footer, aside, form, iframe, svg";

    private final SourceReader reader = new SourceReader();

    public static boolean isHtml(Path path) {
        String name = path.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".html") || name.endsWith(".htm");
    }

    /** The article text of {@code bytes}; the sha256 and encoding are those of the HTML file itself. */
    public SourceText read(String id, Path path, byte[] bytes) throws SourceException {
        SourceText html = reader.decode(id, path, bytes, true);
        Document page = Jsoup.parse(html.text());
        page.select(NOISE).remove();
        Element root = articleOf(page);
        String text = layOut(root);
        String title = page.title().strip();
        if (!title.isEmpty() && !text.startsWith(title)) {
            text = title + "\n" + text;
        }
        if (text.isBlank()) {
            throw new SourceException(path, SourceException.Reason.EMPTY, "HTML page without article text");
        }
        return new SourceText(id, path, text, html.encoding(), html.sha256(), html.hadBom(), html.encodingNote());
    }

    private static Element articleOf(Document page) {
        for (String selector : ARTICLE_SELECTORS) {
            Element found = page.selectFirst(selector);
            if (found != null && !found.text().isBlank()) {
                return found;
            }
        }
        return page.body();
    }

    /** Text nodes with white space runs collapsed; a line break after each block and at each {@code <br>}. */
    private static String layOut(Element root) {
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    String s = t.text().replaceAll("[ \\t\\r\\n\\u00A0\\u3000]+", " ");
                    if (endsLine(out)) {
                        s = s.stripLeading();
                    }
                    out.append(s);
                } else if (node instanceof Element e && e.normalName().equals("br")) {
                    newLine(out);
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && (e.normalName().equals("td") || e.normalName().equals("th"))) {
                    out.append('\t'); // the cells of a row stay on its line
                } else if (node instanceof Element e && e.isBlock()) {
                    newLine(out);
                }
            }
        }, root);
        return out.toString().lines().map(String::strip).filter(l -> !l.isEmpty())
                .reduce((a, b) -> a + "\n" + b).orElse("") + "\n";
    }

    private static boolean endsLine(StringBuilder out) {
        return out.length() == 0 || out.charAt(out.length() - 1) == '\n';
    }

    private static void newLine(StringBuilder out) {
        if (!endsLine(out)) {
            out.append('\n');
        }
    }
}
