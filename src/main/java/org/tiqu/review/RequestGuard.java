package org.tiqu.review;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import com.sun.net.httpserver.Headers;

/**
 * What the review server refuses before it looks at a request. The server runs on a
 * reviewer's machine and writes to the output folder, so:
 * <ul>
 * <li>{@code Host} must name this server by an address ({@code 127.0.0.1}, {@code [::1]}, an IP
 *     literal when it listens on all addresses) or {@code localhost}, with its port: a page of
 *     another site that rebinds its own name to 127.0.0.1 gets nothing;</li>
 * <li>a request that carries an {@code Origin} must come from this server's own origin, and a
 *     request that changes anything must carry it: another site's page cannot post verdicts;</li>
 * <li>paths are the server's own routes: anything with {@code ..}, a backslash, an encoded
 *     slash or dot, or a doubled slash is refused before routing;</li>
 * <li>request lines and bodies have size limits.</li>
 * </ul>
 */
final class RequestGuard {

    /** A refusal: the HTTP status and why. */
    record Refusal(int status, String reason) {
    }

    static final int MAX_URI = 4096;
    static final int MAX_BODY = 64 * 1024;
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("\\[[0-9A-Fa-f:.]+\\]");
    private static final List<String> LOOPBACK_NAMES = List.of("localhost", "127.0.0.1", "[::1]");

    private final int port;
    private final String boundHost;
    private final boolean anyAddress;

    /**
     * @param boundHost the address the server listens on, as given ({@code 127.0.0.1}, {@code 0.0.0.0}, …)
     */
    RequestGuard(String boundHost, int port) {
        this.port = port;
        this.anyAddress = boundHost.equals("0.0.0.0") || boundHost.equals("::") || boundHost.equals("[::]");
        this.boundHost = boundHost.contains(":") && !boundHost.startsWith("[") ? "[" + boundHost + "]" : boundHost;
    }

    /** Null when the request may go on. */
    Refusal check(String method, String rawUri, Headers headers) {
        if (rawUri.length() > MAX_URI) {
            return new Refusal(414, "request URI longer than " + MAX_URI + " characters");
        }
        if (!List.of("GET", "HEAD", "POST").contains(method)) {
            return new Refusal(405, "method " + method + " not allowed");
        }
        String host = headers.getFirst("Host");
        if (host == null || !allowedHost(host)) {
            return new Refusal(421, "refused: Host '" + host + "' is not this review server");
        }
        String origin = headers.getFirst("Origin");
        boolean changes = method.equals("POST");
        if (origin != null && !origin.equals("http://" + host)) {
            return new Refusal(403, "refused: requests from another origin (" + origin + ")");
        }
        if (changes) {
            if (origin == null) {
                return new Refusal(403, "refused: a request that changes verdicts must come from the review page (no Origin)");
            }
            String site = headers.getFirst("Sec-Fetch-Site");
            if (site != null && !site.equals("same-origin")) {
                return new Refusal(403, "refused: request from a " + site + " page");
            }
            String type = headers.getFirst("Content-Type");
            if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
                return new Refusal(415, "verdicts are sent as application/json");
            }
            String length = headers.getFirst("Content-Length");
            if (length != null) {
                try {
                    if (Long.parseLong(length.strip()) > MAX_BODY) {
                        return new Refusal(413, "request body larger than " + MAX_BODY + " bytes");
                    }
                } catch (NumberFormatException e) {
                    return new Refusal(400, "bad Content-Length");
                }
            }
        }
        String path = rawUri.indexOf('?') < 0 ? rawUri : rawUri.substring(0, rawUri.indexOf('?'));
        if (!safePath(path)) {
            return new Refusal(400, "refused: path outside the review pages");
        }
        return null;
    }

    /** A path of the server's own routes: absolute, no dot segments, no escapes that could hide one. */
    static boolean safePath(String rawPath) {
        if (!rawPath.startsWith("/") || rawPath.startsWith("//")) {
            return false;
        }
        String lower = rawPath.toLowerCase(Locale.ROOT);
        if (lower.contains("%2e") || lower.contains("%2f") || lower.contains("%5c") || lower.contains("%00")
                || rawPath.contains("\\") || rawPath.contains("//")) {
            return false;
        }
        for (String part : rawPath.split("/")) {
            if (part.equals("..") || part.equals(".")) {
                return false;
            }
        }
        return true;
    }

    private boolean allowedHost(String host) {
        int colon = host.lastIndexOf(':');
        if (colon < 0 || host.endsWith("]")) {
            return false;
        }
        String name = host.substring(0, colon).toLowerCase(Locale.ROOT);
        if (!host.substring(colon + 1).equals(Integer.toString(port))) {
            return false;
        }
        if (LOOPBACK_NAMES.contains(name) || name.equals(boundHost)) {
            return true;
        }
        return anyAddress && (IPV4.matcher(name).matches() || IPV6.matcher(name).matches());
    }
}
