package org.tiqu.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.tiqu.record.RecordType;
import org.tiqu.rules.RuleFileSpec.CounterExampleSpec;
import org.tiqu.rules.RuleFileSpec.ExampleSpec;
import org.tiqu.rules.RuleFileSpec.RuleSpec;

/**
 * Loads every {@code *.yaml} file of a rules folder strictly: unknown keys, duplicate
 * keys, bad regexes, dangling or circular references, duplicate rule ids and rules
 * without examples are errors at load time, each with its file, line and reason.
 *
 * <p>Patterns may use the pieces of any file as {@code {namespace.NAME}}: a named
 * sub-pattern is inserted as a non-capturing group, a lexicon as the alternation of
 * its words, longest first.
 */
public final class RulesLoader {

    private static final Pattern REFERENCE = Pattern.compile("\\{([a-z][a-z0-9_]*)\\.([A-Za-z][A-Za-z0-9_]*)\\}");
    private static final Pattern NAMESPACE = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Pattern PIECE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    private static final Pattern RULE_ID = Pattern.compile("[a-z][a-z0-9_]*(?:\\.[a-z0-9_-]+)+");

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /** A piece that patterns can refer to: a sub-pattern or a lexicon. */
    private record Piece(Path file, int line, String rawPattern, Lexicon lexicon) {
    }

    public RuleBook load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new RuleException(dir, 0, "rules folder not found");
        }
        List<Path> paths;
        try (Stream<Path> listing = Files.list(dir)) {
            paths = listing.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new RuleException(dir, 0, "cannot list rules folder: " + e.getMessage(), e);
        }
        if (paths.isEmpty()) {
            throw new RuleException(dir, 0, "no *.yaml rules files");
        }

        MessageDigest digest = sha256();
        Map<String, RuleFileSpec> specs = new LinkedHashMap<>();
        Map<String, Path> pathOf = new HashMap<>();
        for (Path path : paths) {
            byte[] bytes = read(path);
            digest.update(path.getFileName().toString().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(bytes);
            digest.update((byte) 0);
            RuleFileSpec spec = parse(path, bytes);
            String namespace = spec.namespace() != null ? spec.namespace() : namespaceOf(path);
            if (!NAMESPACE.matcher(namespace).matches()) {
                throw new RuleException(path, 1, "namespace '" + namespace + "' must match " + NAMESPACE.pattern());
            }
            Path other = pathOf.putIfAbsent(namespace, path);
            if (other != null) {
                throw new RuleException(path, 1, "namespace '" + namespace + "' is already used by " + other);
            }
            specs.put(namespace, spec);
        }

        Map<String, Piece> pieces = collectPieces(specs, pathOf);
        Map<String, String> expanded = new HashMap<>();
        Map<String, RuleFile> files = new LinkedHashMap<>();
        Map<String, Rule> ruleIds = new HashMap<>();
        for (Map.Entry<String, RuleFileSpec> entry : specs.entrySet()) {
            String namespace = entry.getKey();
            RuleFileSpec spec = entry.getValue();
            Path path = pathOf.get(namespace);
            RecordType type = parseType(path, spec.type());
            Map<String, Lexicon> lexicons = new LinkedHashMap<>();
            spec.lexicons().keySet().forEach(name -> lexicons.put(name, pieces.get(namespace + "." + name).lexicon()));
            RuleFile file = new RuleFile(path, namespace, type, lexicons);
            for (String name : spec.patterns().keySet()) {
                file.addPattern(name, expand(namespace + "." + name, pieces, expanded, new ArrayDeque<>()));
            }
            for (RuleSpec ruleSpec : spec.rules()) {
                Rule rule = compile(file, ruleSpec, pieces, expanded);
                if (rule == null) {
                    continue;
                }
                Rule clash = ruleIds.putIfAbsent(rule.id(), rule);
                if (clash != null) {
                    throw new RuleException(path, rule.line(), "rule id '" + rule.id() + "' is already used at " + clash);
                }
                file.add(rule);
            }
            files.put(namespace, file);
        }
        return new RuleBook(dir, files, HexFormat.of().formatHex(digest.digest()));
    }

    private RuleFileSpec parse(Path path, byte[] bytes) {
        try {
            RuleFileSpec spec = yaml.readValue(bytes, RuleFileSpec.class);
            if (spec == null) {
                throw new RuleException(path, 0, "empty rules file");
            }
            return spec;
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            org.yaml.snakeyaml.error.MarkedYAMLException yamlError = null;
            for (Throwable t = e; t != null && yamlError == null; t = t.getCause()) {
                if (t instanceof org.yaml.snakeyaml.error.MarkedYAMLException marked) {
                    yamlError = marked;
                }
            }
            if (yamlError != null) {
                // SnakeYAML's first line is only the context ("while parsing a flow mapping"); the
                // problem and where it was found follow on later lines.
                throw new RuleException(path, yamlError.getProblemMark() == null ? line : yamlError.getProblemMark().getLine() + 1,
                        yamlReason(yamlError), e);
            }
            throw new RuleException(path, line, firstLine(e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new RuleException(path, 0, "cannot read: " + e.getMessage(), e);
        }
    }

    private static Map<String, Piece> collectPieces(Map<String, RuleFileSpec> specs, Map<String, Path> pathOf) {
        Map<String, Piece> pieces = new HashMap<>();
        for (Map.Entry<String, RuleFileSpec> entry : specs.entrySet()) {
            String namespace = entry.getKey();
            Path path = pathOf.get(namespace);
            for (Map.Entry<String, Located> p : entry.getValue().patterns().entrySet()) {
                checkPieceName(path, p.getValue().line(), p.getKey());
                if (p.getValue().text() == null || p.getValue().text().isEmpty()) {
                    throw new RuleException(path, p.getValue().line(), "pattern '" + p.getKey() + "' is empty");
                }
                pieces.put(namespace + "." + p.getKey(), new Piece(path, p.getValue().line(), p.getValue().text(), null));
            }
            for (Map.Entry<String, LexiconSpec> l : entry.getValue().lexicons().entrySet()) {
                LexiconSpec lexicon = l.getValue();
                checkPieceName(path, lexicon.line(), l.getKey());
                String name = namespace + "." + l.getKey();
                if (pieces.containsKey(name)) {
                    throw new RuleException(path, lexicon.line(), "'" + l.getKey() + "' names both a pattern and a lexicon");
                }
                if (lexicon.entries().isEmpty()) {
                    throw new RuleException(path, lexicon.line(), "lexicon '" + l.getKey() + "' is empty");
                }
                if (lexicon.entries().containsKey("")) {
                    throw new RuleException(path, lexicon.line(), "lexicon '" + l.getKey() + "' has an empty word");
                }
                pieces.put(name, new Piece(path, lexicon.line(), null, new Lexicon(name, lexicon.entries())));
            }
        }
        return pieces;
    }

    private static void checkPieceName(Path path, int line, String name) {
        if (!PIECE_NAME.matcher(name).matches()) {
            throw new RuleException(path, line, "name '" + name + "' must match " + PIECE_NAME.pattern());
        }
    }

    /** The regex of a piece with every reference replaced, memoised; a cycle is an error. */
    private static String expand(String name, Map<String, Piece> pieces, Map<String, String> done, Deque<String> stack) {
        String cached = done.get(name);
        if (cached != null) {
            return cached;
        }
        Piece piece = pieces.get(name);
        if (piece.lexicon() != null) {
            String regex = piece.lexicon().regex();
            done.put(name, regex);
            return regex;
        }
        if (stack.contains(name)) {
            throw new RuleException(piece.file(), piece.line(), "circular reference: " + String.join(" -> ", stack) + " -> " + name);
        }
        stack.push(name);
        String regex = "(?:" + substitute(piece.rawPattern(), piece.file(), piece.line(), pieces, done, stack) + ")";
        stack.pop();
        try {
            Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new RuleException(piece.file(), piece.line(), "pattern '" + name + "' is not a valid regex: " + e.getDescription()
                    + " near index " + e.getIndex() + " of " + regex, e);
        }
        done.put(name, regex);
        return regex;
    }

    private static String substitute(String raw, Path file, int line, Map<String, Piece> pieces,
                                     Map<String, String> done, Deque<String> stack) {
        Matcher m = REFERENCE.matcher(raw);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String ref = m.group(1) + "." + m.group(2);
            if (!pieces.containsKey(ref)) {
                throw new RuleException(file, line, "unknown reference {" + ref + "}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(expand(ref, pieces, done, stack)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Rule compile(RuleFile file, RuleSpec spec, Map<String, Piece> pieces, Map<String, String> expanded) {
        Path path = file.path();
        if (spec.id() == null || spec.id().text() == null) {
            int line = spec.pattern() != null ? spec.pattern().line() : 0;
            throw new RuleException(path, line, "a rule without an id");
        }
        String id = spec.id().text();
        int line = spec.id().line();
        if (!RULE_ID.matcher(id).matches()) {
            throw new RuleException(path, line, "rule id '" + id + "' must look like namespace.name");
        }
        if (Boolean.FALSE.equals(spec.active())) {
            return null;
        }
        Pattern pattern = null;
        if (spec.pattern() != null) {
            String regex = substitute(spec.pattern().text(), path, spec.pattern().line(), pieces, expanded, new ArrayDeque<>());
            try {
                pattern = Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                throw new RuleException(path, spec.pattern().line(), "rule " + id + ": not a valid regex: "
                        + e.getDescription() + " near index " + e.getIndex() + " of " + regex, e);
            }
        }
        if (spec.examples() == null || spec.examples().isEmpty()) {
            throw new RuleException(path, line, "rule " + id + " has no examples: every rule carries its own proof");
        }
        List<Example> examples = new ArrayList<>();
        for (ExampleSpec e : spec.examples()) {
            if (e.text() == null || e.text().isEmpty()) {
                throw new RuleException(path, line, "rule " + id + ": an example without text");
            }
            if (e.expect() == null || e.expect().isEmpty()) {
                throw new RuleException(path, line, "rule " + id + ": example '" + e.text() + "' expects nothing; use counter_examples");
            }
            for (Map<String, Object> expect : e.expect()) {
                if (!(expect.get("text") instanceof String)) {
                    throw new RuleException(path, line, "rule " + id + ": every expectation of '" + e.text() + "' needs a text");
                }
                if (expect.containsKey("type")) {
                    parseType(path, String.valueOf(expect.get("type")));
                }
            }
            examples.add(new Example(e.text(), parseDate(path, line, id, e.referenceDate()), List.copyOf(e.expect())));
        }
        List<CounterExample> counterExamples = new ArrayList<>();
        if (spec.counterExamples() != null) {
            for (CounterExampleSpec c : spec.counterExamples()) {
                RecordType type = c.type() != null ? parseType(path, c.type()) : file.type();
                if (type == null) {
                    throw new RuleException(path, line, "rule " + id + ": counter-example '" + c.text()
                            + "' needs a type, since the file has none");
                }
                counterExamples.add(new CounterExample(c.text(), type, parseDate(path, line, id, c.referenceDate())));
            }
        }
        int priority = spec.priority() == null ? Rule.DEFAULT_PRIORITY : spec.priority();
        Map<String, Object> params = spec.params() == null ? Map.of() : Map.copyOf(spec.params());
        return new Rule(id, file, line, file.type(), spec.kind(), priority, pattern, params,
                List.copyOf(examples), List.copyOf(counterExamples));
    }

    private static RecordType parseType(Path path, String type) {
        if (type == null) {
            return null;
        }
        try {
            return RecordType.valueOf(type.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new RuleException(path, 0, "unknown record type '" + type + "'");
        }
    }

    private static LocalDate parseDate(Path path, int line, String id, String date) {
        if (date == null) {
            return null;
        }
        try {
            return LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw new RuleException(path, line, "rule " + id + ": reference_date '" + date + "' is not YYYY-MM-DD");
        }
    }

    private static String namespaceOf(Path path) {
        String name = path.getFileName().toString();
        return name.substring(0, name.lastIndexOf('.')).toLowerCase(Locale.ROOT).replace('-', '_');
    }

    private static byte[] read(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new RuleException(path, 0, "cannot read: " + e.getMessage(), e);
        }
    }

    /** The whole reason of a YAML syntax error in one line: the problem, where, and what was being read. */
    static String yamlReason(org.yaml.snakeyaml.error.MarkedYAMLException e) {
        StringBuilder reason = new StringBuilder(e.getProblem() == null ? "malformed YAML" : e.getProblem());
        if (e.getProblemMark() != null) {
            reason.append(" (column ").append(e.getProblemMark().getColumn() + 1).append(')');
        }
        if (e.getContext() != null) {
            reason.append(", ").append(e.getContext());
            if (e.getContextMark() != null) {
                reason.append(" started at line ").append(e.getContextMark().getLine() + 1)
                        .append(", column ").append(e.getContextMark().getColumn() + 1);
            }
        }
        return reason.toString();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "malformed YAML";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
