package org.tiqu.review;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.tiqu.source.SourceReader;

/**
 * The page's stylesheet and script, read once from the jar. Pages link them with a version
 * made from their bytes ({@code /static/review.js?v=…}), so a browser may keep them: a tiqu
 * with other files links other URLs.
 */
final class Assets {

    /** A file served under {@code /static/}. */
    record Asset(String contentType, byte[] bytes) {
    }

    private static final Map<String, Asset> FILES = new LinkedHashMap<>();
    static final String VERSION;

    static {
        StringBuilder all = new StringBuilder();
        for (String[] f : new String[][] {{"review.css", "text/css; charset=utf-8"},
                {"review.js", "text/javascript; charset=utf-8"}}) {
            try (InputStream in = Assets.class.getResourceAsStream(f[0])) {
                if (in == null) {
                    throw new IllegalStateException("missing resource org/tiqu/review/" + f[0]);
                }
                byte[] bytes = in.readAllBytes();
                FILES.put("/static/" + f[0], new Asset(f[1], bytes));
                all.append(SourceReader.sha256(bytes));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        VERSION = SourceReader.sha256(all.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII)).substring(0, 12);
    }

    private Assets() {
    }

    /** The asset at a request path, or null. */
    static Asset at(String path) {
        return FILES.get(path);
    }

    /** The URL a page links an asset by, e.g. {@code /static/review.js?v=…}. */
    static String url(String name) {
        return "/static/" + name + "?v=" + VERSION;
    }
}
