package org.tiqu.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Debian's Chromium, headless, driven over the DevTools protocol with the JDK's own
 * HTTP and WebSocket client: enough to open a page, evaluate script, click with a real
 * mouse event and take a screenshot, with no Node.js or browser download.
 *
 * <p>When {@code /usr/bin/chromium} is missing and we are root, it is installed with
 * apt-get (as {@code .ci/run} also does); otherwise the test fails saying how to install it.
 */
public final class HeadlessChromium implements AutoCloseable {

    public static final Path EXECUTABLE = Path.of("/usr/bin/chromium");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The flags known to work on the project's machines: no GPU, sandbox or background network. */
    private static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--remote-debugging-port=0", "--remote-allow-origins=*", "--window-size=1280,900");

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger nextId = new AtomicInteger();
    /** Calls sent and not yet answered, by id; the socket's listener completes them. */
    private final Map<Integer, CompletableFuture<JsonNode>> pending;

    private HeadlessChromium(Process process, Path profile, WebSocket socket, Map<Integer, CompletableFuture<JsonNode>> pending) {
        this.process = process;
        this.profile = profile;
        this.socket = socket;
        this.pending = pending;
    }

    /** Installs Chromium when missing (as root), or throws saying why it cannot. */
    public static synchronized void ensureInstalled() throws IOException, InterruptedException {
        if (Files.isExecutable(EXECUTABLE)) {
            return;
        }
        String user = System.getProperty("user.name");
        if (!"root".equals(user)) {
            throw new IllegalStateException("the audit page test needs Debian's chromium: run `sudo apt-get install -y chromium`");
        }
        for (List<String> cmd : List.of(List.of("apt-get", "update"),
                List.of("apt-get", "install", "-y", "--no-install-recommends", "chromium"))) {
            Process p = new ProcessBuilder(cmd).inheritIO().redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            p.getOutputStream().close();
            if (!p.waitFor(15, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException("cannot install chromium: `" + String.join(" ", cmd) + "` failed");
            }
        }
        if (!Files.isExecutable(EXECUTABLE)) {
            throw new IllegalStateException("apt-get installed chromium but " + EXECUTABLE + " is not there");
        }
    }

    public static HeadlessChromium start() throws Exception {
        ensureInstalled();
        Path profile = Files.createTempDirectory("tiqu-chromium-");
        List<String> cmd = new ArrayList<>();
        cmd.add(EXECUTABLE.toString());
        cmd.addAll(FLAGS);
        cmd.add("--user-data-dir=" + profile);
        cmd.add("about:blank");
        Process process = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(profile.resolve("chromium.log").toFile()).start();
        Path portFile = profile.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.isRegularFile(portFile) || Files.readAllLines(portFile).isEmpty()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException("chromium did not start: " + Files.readString(profile.resolve("chromium.log")));
            }
            Thread.sleep(100);
        }
        int port = Integer.parseInt(Files.readAllLines(portFile).get(0).strip());
        HttpClient http = HttpClient.newHttpClient();
        String wsUrl = null;
        for (int attempt = 0; attempt < 50 && wsUrl == null; attempt++) {
            String list = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            for (JsonNode target : JSON.readTree(list)) {
                if ("page".equals(target.path("type").asText())) {
                    wsUrl = target.path("webSocketDebuggerUrl").asText();
                    break;
                }
            }
            if (wsUrl == null) {
                Thread.sleep(100);
            }
        }
        if (wsUrl == null) {
            process.destroyForcibly();
            throw new IllegalStateException("chromium shows no page target");
        }
        Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
        WebSocket socket = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(20))
                .buildAsync(URI.create(wsUrl), new Replies(pending)).get(30, TimeUnit.SECONDS);
        return new HeadlessChromium(process, profile, socket, pending);
    }

    /** Collects text frames into messages and completes the call each reply answers. */
    private static final class Replies implements WebSocket.Listener {
        private final Map<Integer, CompletableFuture<JsonNode>> pending;
        private final StringBuilder partial = new StringBuilder();

        Replies(Map<Integer, CompletableFuture<JsonNode>> pending) {
            this.pending = pending;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    JsonNode msg = JSON.readTree(partial.toString());
                    if (msg.has("id")) {
                        CompletableFuture<JsonNode> f = pending.remove(msg.get("id").asInt());
                        if (f != null) {
                            if (msg.has("error")) {
                                f.completeExceptionally(new IllegalStateException("CDP error: " + msg.get("error")));
                            } else {
                                f.complete(msg.path("result"));
                            }
                        }
                    }
                } catch (IOException e) {
                    // not a message for us
                }
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }
    }

    /** Sends one DevTools command and waits for its result. */
    public JsonNode call(String method, ObjectNode params) throws Exception {
        int id = nextId.incrementAndGet();
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        ObjectNode msg = JSON.createObjectNode();
        msg.put("id", id);
        msg.put("method", method);
        msg.set("params", params == null ? JSON.createObjectNode() : params);
        socket.sendText(JSON.writeValueAsString(msg), true).get(30, TimeUnit.SECONDS);
        return reply.get(60, TimeUnit.SECONDS);
    }

    public void open(Path file) throws Exception {
        open(file.toAbsolutePath().toUri());
    }

    /** Navigates to {@code url} and waits until the page has loaded. */
    public void open(URI url) throws Exception {
        ObjectNode p = JSON.createObjectNode();
        p.put("url", url.toString());
        call("Page.navigate", p);
        waitFor("document.readyState === 'complete' && location.href === " + JSON.writeValueAsString(url.toString()));
    }

    /** Waits (up to a minute) until a JavaScript expression is true, e.g. after a key that loads another page. */
    public void waitFor(String condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                if (eval("!!(" + condition + ")").asBoolean()) {
                    return;
                }
            } catch (IllegalStateException e) {
                // a page in the middle of loading
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for: " + condition);
            }
            Thread.sleep(25);
        }
    }

    /** Ctrl as a modifier of {@link #press(String, int)}. */
    public static final int CTRL = 2;

    /** A real key press (down and up) of a printable key such as {@code "c"}, or of Enter, Escape, ArrowDown. */
    public void press(String key) throws Exception {
        press(key, 0);
    }

    public void press(String key, int modifiers) throws Exception {
        boolean printable = key.length() == 1;
        String text = printable ? key : key.equals("Enter") ? "\r" : null;
        int code = switch (key) {
            case "Enter" -> 13;
            case "Escape" -> 27;
            case "ArrowDown" -> 40;
            case "ArrowUp" -> 38;
            default -> Character.toUpperCase(key.charAt(0));
        };
        for (String type : List.of(text != null && modifiers == 0 ? "keyDown" : "rawKeyDown", "keyUp")) {
            ObjectNode p = JSON.createObjectNode();
            p.put("type", type);
            p.put("key", key);
            p.put("code", printable ? "Key" + key.toUpperCase() : key);
            p.put("windowsVirtualKeyCode", code);
            p.put("modifiers", modifiers);
            if (text != null && modifiers == 0 && type.equals("keyDown")) {
                p.put("text", text);
            }
            call("Input.dispatchKeyEvent", p);
        }
    }

    /** Types text into the focused element, as an input method would. */
    public void insertText(String text) throws Exception {
        ObjectNode p = JSON.createObjectNode();
        p.put("text", text);
        call("Input.insertText", p);
    }

    /** The value of a JavaScript expression (JSON-serialisable). */
    public JsonNode eval(String expression) throws Exception {
        ObjectNode p = JSON.createObjectNode();
        p.put("expression", expression);
        p.put("returnByValue", true);
        JsonNode r = call("Runtime.evaluate", p);
        if (r.has("exceptionDetails")) {
            throw new IllegalStateException("script failed: " + r.get("exceptionDetails"));
        }
        return r.path("result").path("value");
    }

    /** A real left click (mouse down and up) at the centre of the first element matching {@code selector}. */
    public void click(String selector) throws Exception {
        JsonNode box = eval("(function(){var e=document.querySelector(" + JSON.writeValueAsString(selector) + ");"
                + "e.scrollIntoView({block:'center'});var r=e.getBoundingClientRect();"
                + "return {x:r.left+Math.min(20,r.width/2),y:r.top+r.height/2};})()");
        for (String type : List.of("mousePressed", "mouseReleased")) {
            ObjectNode p = JSON.createObjectNode();
            p.put("type", type);
            p.put("x", box.get("x").asDouble());
            p.put("y", box.get("y").asDouble());
            p.put("button", "left");
            p.put("clickCount", 1);
            call("Input.dispatchMouseEvent", p);
        }
    }

    public byte[] screenshot() throws Exception {
        ObjectNode p = JSON.createObjectNode();
        p.put("format", "png");
        return Base64.getDecoder().decode(call("Page.captureScreenshot", p).get("data").asText());
    }

    @Override
    public void close() throws Exception {
        socket.abort();
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        // Chromium's helper processes may still add or remove profile files for a moment after the
        // browser exits: a walk that meets a vanished file is tried again; what is left stays in /tmp.
        for (int attempt = 0; attempt < 3 && Files.exists(profile); attempt++) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            } catch (java.io.UncheckedIOException | java.io.IOException vanished) {
                Thread.sleep(200);
            }
        }
    }
}
