package io.dockwarden.notification.routing;

import io.dockwarden.events.finding.Severity;
import io.dockwarden.notification.secrets.Secret;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a routing file: Alertmanager's {@code route} tree and {@code receivers}, plus Dockwarden's digest
 * {@code subscriptions}. Everything is checked at load (unknown keys, matchers, regular expressions, durations,
 * receivers that routes name, URLs, secrets, templates), and the first problem is reported with the file and line.
 */
public final class RoutingFile {

    private static final Pattern DURATION = Pattern.compile(
            "^(?:(\\d+)y)?(?:(\\d+)w)?(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?(?:(\\d+)ms)?$");
    private static final Pattern RECEIVER_NAME = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final Set<String> TOP_KEYS = Set.of("route", "receivers", "subscriptions");
    private static final Set<String> ROUTE_KEYS = Set.of("receiver", "group_by", "continue", "matchers", "match",
            "match_re", "group_wait", "group_interval", "repeat_interval", "routes");
    private static final Set<String> RECEIVER_KEYS = Set.of("name", "webhook_configs", "slack_configs",
            "email_configs", "kafka_configs", "log_configs", "fallback");
    private static final Set<String> WEBHOOK_KEYS = Set.of("url", "secrets", "secret_files", "timeout", "headers",
            "send_resolved", "body_template", "body_template_file");
    private static final Set<String> SLACK_KEYS = Set.of("url", "url_file", "channel", "send_resolved",
            "text_template", "text_template_file", "title_template", "title_template_file", "body_template",
            "body_template_file");
    private static final Set<String> EMAIL_KEYS = Set.of("to", "from", "smarthost", "auth_username",
            "auth_password", "auth_password_file", "require_tls", "tls", "send_resolved", "subject_template",
            "subject_template_file", "text_template", "text_template_file", "html_template", "html_template_file");
    private static final Set<String> KAFKA_KEYS = Set.of("send_resolved");
    private static final Set<String> LOG_KEYS = Set.of("level", "send_resolved", "text_template",
            "text_template_file");
    private static final Set<String> SUBSCRIPTION_KEYS = Set.of("name", "receiver", "min_severity", "hosts",
            "checks");

    /** Checks a template's syntax; throws IllegalArgumentException with the problem. */
    @FunctionalInterface
    public interface TemplateCheck {
        void check(String name, String template);
    }

    private final String file;
    private final @Nullable Path baseDirectory;
    private final TemplateCheck templateCheck;

    private RoutingFile(String file, @Nullable Path baseDirectory, TemplateCheck templateCheck) {
        this.file = file;
        this.baseDirectory = baseDirectory;
        this.templateCheck = templateCheck;
    }

    /** Loads and checks a routing file. */
    public static RoutingConfig load(Path path, TemplateCheck templateCheck) throws RoutingFileException {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RoutingFileException(path.toString(), 0, "cannot be read: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
        return parse(path.toString(), text, path.toAbsolutePath().getParent(), templateCheck);
    }

    /** Parses routing YAML; {@code *_file} references resolve against the base directory. */
    public static RoutingConfig parse(String file, String text, @Nullable Path baseDirectory,
            TemplateCheck templateCheck) throws RoutingFileException {
        try {
            return new RoutingFile(file, baseDirectory, templateCheck).read(text);
        } catch (Problem problem) {
            throw new RoutingFileException(file, problem.line, problem.getMessage());
        }
    }

    private RoutingConfig read(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(50);
        options.setAllowRecursiveKeys(false);
        options.setCodePointLimit(4 * 1024 * 1024);
        Node document;
        try {
            document = new Yaml(options).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw new Problem(mark == null ? 0 : mark.getLine() + 1, "not valid YAML: " + e.getProblem());
        } catch (YAMLException e) {
            throw new Problem(0, "not valid YAML: " + e.getMessage());
        }
        if (document == null) {
            throw new Problem(0, "the file is empty; it needs at least a route with a receiver");
        }
        Map<String, NodeTuple> top = mapping(document, "the routing file", TOP_KEYS);
        Map<String, Receiver> receivers = new LinkedHashMap<>();
        Map<String, Integer> fallbackLines = new LinkedHashMap<>();
        if (top.containsKey("receivers")) {
            for (Node node : sequence(top.get("receivers").getValueNode(), "receivers")) {
                Receiver receiver = receiver(node, fallbackLines);
                if (receivers.containsKey(receiver.name())) {
                    throw new Problem(line(node), "receiver '" + receiver.name() + "' is defined twice");
                }
                receivers.put(receiver.name(), receiver);
            }
        }
        receivers.putIfAbsent(Receiver.LOG, Receiver.log());
        for (Map.Entry<String, Integer> fallback : fallbackLines.entrySet()) {
            Receiver receiver = receivers.get(fallback.getKey());
            if (!receivers.containsKey(receiver.fallback())) {
                throw new Problem(fallback.getValue(), "fallback receiver '" + receiver.fallback()
                        + "' of receiver '" + receiver.name() + "' is not defined");
            }
            if (receiver.name().equals(receiver.fallback())) {
                throw new Problem(fallback.getValue(), "receiver '" + receiver.name() + "' cannot be its own fallback");
            }
        }
        NodeTuple routeTuple = top.get("route");
        if (routeTuple == null) {
            throw new Problem(line(document), "no 'route': the root route with a receiver is required");
        }
        Route root = route(routeTuple.getValueNode(), null, "{}", receivers.keySet());
        List<Subscription> subscriptions = new ArrayList<>();
        if (top.containsKey("subscriptions")) {
            Set<String> names = new HashSet<>();
            for (Node node : sequence(top.get("subscriptions").getValueNode(), "subscriptions")) {
                Subscription subscription = subscription(node, receivers.keySet());
                if (!names.add(subscription.name())) {
                    throw new Problem(line(node), "subscription '" + subscription.name() + "' is defined twice");
                }
                subscriptions.add(subscription);
            }
        }
        return new RoutingConfig(file, root, receivers, subscriptions);
    }

    private Route route(Node node, @Nullable Route parent, String key, Set<String> receivers) {
        boolean isRoot = parent == null;
        Map<String, NodeTuple> fields = mapping(node, isRoot ? "the root route" : "a route", ROUTE_KEYS);
        List<Matcher> matchers = new ArrayList<>();
        if (fields.containsKey("matchers")) {
            for (Node item : sequence(fields.get("matchers").getValueNode(), "matchers")) {
                String text = scalar(item, "a matcher");
                try {
                    matchers.add(Matcher.parse(text));
                } catch (IllegalArgumentException e) {
                    throw new Problem(line(item), e.getMessage());
                }
            }
        }
        for (String legacy : List.of("match", "match_re")) {
            if (fields.containsKey(legacy)) {
                Map<String, NodeTuple> pairs = mapping(fields.get(legacy).getValueNode(), legacy, null);
                for (Map.Entry<String, NodeTuple> pair : pairs.entrySet()) {
                    String value = scalar(pair.getValue().getValueNode(), legacy + " value");
                    try {
                        matchers.add(new Matcher(pair.getKey(), legacy.equals("match") ? Matcher.Type.EQUAL
                                : Matcher.Type.REGEX, value));
                    } catch (IllegalArgumentException e) {
                        throw new Problem(line(pair.getValue().getKeyNode()), e.getMessage());
                    }
                }
            }
        }
        if (isRoot && !matchers.isEmpty()) {
            throw new Problem(line(node), "the root route must not have matchers: it matches every alert");
        }
        boolean continueMatching = fields.containsKey("continue") && bool(fields.get("continue").getValueNode());
        if (isRoot && continueMatching) {
            throw new Problem(line(fields.get("continue").getKeyNode()), "the root route cannot have 'continue'");
        }
        String receiver = parent == null ? null : parent.receiver();
        if (fields.containsKey("receiver")) {
            Node receiverNode = fields.get("receiver").getValueNode();
            receiver = scalar(receiverNode, "receiver");
            if (!receivers.contains(receiver)) {
                throw new Problem(line(receiverNode), "receiver '" + receiver + "' is not defined (defined: "
                        + String.join(", ", receivers) + ")");
            }
        }
        if (receiver == null) {
            throw new Problem(line(node), "the root route needs a receiver");
        }
        GroupBy groupBy = parent == null ? GroupBy.nothing() : parent.groupBy();
        if (fields.containsKey("group_by")) {
            List<String> labels = new ArrayList<>();
            boolean every = false;
            for (Node item : sequence(fields.get("group_by").getValueNode(), "group_by")) {
                String label = scalar(item, "a group_by label");
                if (label.equals("...")) {
                    every = true;
                } else if (!label.matches("[a-zA-Z_][a-zA-Z0-9_]*")) {
                    throw new Problem(line(item), "invalid label name '" + label + "' in group_by");
                } else if (labels.contains(label)) {
                    throw new Problem(line(item), "duplicated label '" + label + "' in group_by");
                } else {
                    labels.add(label);
                }
            }
            if (every && !labels.isEmpty()) {
                throw new Problem(line(fields.get("group_by").getValueNode()),
                        "cannot have '...' together with other labels in group_by");
            }
            groupBy = new GroupBy(every, every ? List.of() : labels);
        }
        Duration groupWait = inherited(fields, "group_wait", parent == null ? Route.DEFAULT_GROUP_WAIT
                : parent.groupWait(), true);
        Duration groupInterval = inherited(fields, "group_interval", parent == null ? Route.DEFAULT_GROUP_INTERVAL
                : parent.groupInterval(), false);
        Duration repeatInterval = inherited(fields, "repeat_interval", parent == null
                ? Route.DEFAULT_REPEAT_INTERVAL : parent.repeatInterval(), false);
        Matchers conjunction = new Matchers(matchers);
        Route self = new Route(key, conjunction, continueMatching, receiver, groupBy, groupWait, groupInterval,
                repeatInterval, List.of());
        List<Route> children = new ArrayList<>();
        if (fields.containsKey("routes")) {
            List<Node> items = sequence(fields.get("routes").getValueNode(), "routes");
            for (int i = 0; i < items.size(); i++) {
                Node item = items.get(i);
                String childKey = key + "/" + matchersOf(item) + "/" + i;
                children.add(route(item, self, childKey, receivers));
            }
        }
        return new Route(key, conjunction, continueMatching, receiver, groupBy, groupWait, groupInterval,
                repeatInterval, children);
    }

    /** The matchers of a child route as its key shows them, read before the child is checked in full. */
    private String matchersOf(Node node) {
        List<Matcher> matchers = new ArrayList<>();
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key && tuple.getValueNode() instanceof SequenceNode seq
                        && key.getValue().equals("matchers")) {
                    for (Node item : seq.getValue()) {
                        if (item instanceof ScalarNode scalar) {
                            try {
                                matchers.add(Matcher.parse(scalar.getValue()));
                            } catch (IllegalArgumentException e) {
                                // Reported with its line when the route itself is read.
                            }
                        }
                    }
                }
            }
        }
        return new Matchers(matchers).toString();
    }

    private Duration inherited(Map<String, NodeTuple> fields, String name, Duration inherited, boolean zeroAllowed) {
        if (!fields.containsKey(name)) {
            return inherited;
        }
        Node node = fields.get(name).getValueNode();
        Duration duration = duration(node, name);
        if (!zeroAllowed && duration.isZero()) {
            throw new Problem(line(node), name + " must be greater than zero");
        }
        return duration;
    }

    private Receiver receiver(Node node, Map<String, Integer> fallbackLines) {
        Map<String, NodeTuple> fields = mapping(node, "a receiver", RECEIVER_KEYS);
        if (!fields.containsKey("name")) {
            throw new Problem(line(node), "a receiver needs a name");
        }
        Node nameNode = fields.get("name").getValueNode();
        String name = scalar(nameNode, "receiver name");
        if (!RECEIVER_NAME.matcher(name).matches()) {
            throw new Problem(line(nameNode), "receiver name '" + name + "' may only hold letters, digits, '.', '_'"
                    + " and '-'");
        }
        List<ChannelConfig> integrations = new ArrayList<>();
        for (String kind : List.of("webhook_configs", "slack_configs", "email_configs", "kafka_configs",
                "log_configs")) {
            if (!fields.containsKey(kind)) {
                continue;
            }
            for (Node item : sequence(fields.get(kind).getValueNode(), kind)) {
                integrations.add(switch (kind) {
                    case "webhook_configs" -> webhook(item);
                    case "slack_configs" -> slack(item);
                    case "email_configs" -> email(item);
                    case "kafka_configs" -> kafka(item);
                    default -> log(item);
                });
            }
        }
        if (integrations.isEmpty() && !name.equals(Receiver.LOG)) {
            throw new Problem(line(node), "receiver '" + name + "' has no integration: add webhook_configs,"
                    + " slack_configs, email_configs, kafka_configs or log_configs");
        }
        if (integrations.isEmpty()) {
            integrations.add(Receiver.log().integrations().get(0));
        }
        String fallback = null;
        if (fields.containsKey("fallback")) {
            Node fallbackNode = fields.get("fallback").getValueNode();
            fallback = scalar(fallbackNode, "fallback");
            fallbackLines.put(name, line(fallbackNode));
        }
        return new Receiver(name, integrations, fallback);
    }

    private ChannelConfig webhook(Node node) {
        Map<String, NodeTuple> fields = mapping(node, "a webhook config", WEBHOOK_KEYS);
        Node urlNode = required(fields, "url", node, "a webhook config");
        URI url = checkedUrl(urlNode, scalar(urlNode, "url"));
        List<Secret> secrets = new ArrayList<>();
        if (fields.containsKey("secrets")) {
            for (Node item : sequence(fields.get("secrets").getValueNode(), "secrets")) {
                secrets.add(signingSecret(scalar(item, "a secret"), line(item)));
            }
        }
        if (fields.containsKey("secret_files")) {
            for (Node item : sequence(fields.get("secret_files").getValueNode(), "secret_files")) {
                secrets.add(signingSecret(readFile(item), line(item)));
            }
        }
        if (secrets.isEmpty()) {
            throw new Problem(line(node), "a webhook config needs 'secrets' or 'secret_files': deliveries are"
                    + " signed per Standard Webhooks");
        }
        Duration timeout = fields.containsKey("timeout") ? duration(fields.get("timeout").getValueNode(), "timeout")
                : null;
        Map<String, String> headers = new LinkedHashMap<>();
        if (fields.containsKey("headers")) {
            for (Map.Entry<String, NodeTuple> header : mapping(fields.get("headers").getValueNode(), "headers", null)
                    .entrySet()) {
                String lower = header.getKey().toLowerCase(Locale.ROOT);
                if (lower.startsWith("webhook-") || lower.equals("content-type") || lower.equals("content-length")
                        || lower.equals("host")) {
                    throw new Problem(line(header.getValue().getKeyNode()), "header '" + header.getKey()
                            + "' is set by the service and cannot be overridden");
                }
                headers.put(header.getKey(), scalar(header.getValue().getValueNode(), "header value"));
            }
        }
        return new ChannelConfig.Webhook(url, secrets, timeout, headers, sendResolved(fields, true),
                templates(fields, List.of("body")));
    }

    private ChannelConfig slack(Node node) {
        Map<String, NodeTuple> fields = mapping(node, "a slack config", SLACK_KEYS);
        String url;
        Node urlNode;
        if (fields.containsKey("url")) {
            urlNode = fields.get("url").getValueNode();
            url = scalar(urlNode, "url");
        } else if (fields.containsKey("url_file")) {
            urlNode = fields.get("url_file").getValueNode();
            url = readFile(urlNode);
        } else {
            throw new Problem(line(node), "a slack config needs 'url' or 'url_file'");
        }
        checkedUrl(urlNode, url);
        String channel = fields.containsKey("channel") ? scalar(fields.get("channel").getValueNode(), "channel") : null;
        return new ChannelConfig.Slack(new Secret(url), channel, sendResolved(fields, false),
                templates(fields, List.of("text", "title", "body")));
    }

    private ChannelConfig email(Node node) {
        Map<String, NodeTuple> fields = mapping(node, "an email config", EMAIL_KEYS);
        Node toNode = required(fields, "to", node, "an email config");
        List<String> to = new ArrayList<>();
        if (toNode instanceof SequenceNode) {
            for (Node item : sequence(toNode, "to")) {
                to.add(address(item));
            }
        } else {
            for (String part : scalar(toNode, "to").split(",")) {
                if (!part.isBlank()) {
                    to.add(address(toNode, part.strip()));
                }
            }
        }
        if (to.isEmpty()) {
            throw new Problem(line(toNode), "'to' names no recipient");
        }
        String from = fields.containsKey("from") ? address(fields.get("from").getValueNode()) : null;
        String smarthost = null;
        if (fields.containsKey("smarthost")) {
            Node hostNode = fields.get("smarthost").getValueNode();
            smarthost = scalar(hostNode, "smarthost");
            if (!smarthost.matches("[^:\\s]+:\\d{1,5}")) {
                throw new Problem(line(hostNode), "smarthost '" + smarthost + "' must be host:port");
            }
        }
        String username = fields.containsKey("auth_username")
                ? scalar(fields.get("auth_username").getValueNode(), "auth_username") : null;
        Secret password = null;
        if (fields.containsKey("auth_password")) {
            password = new Secret(scalar(fields.get("auth_password").getValueNode(), "auth_password"));
        } else if (fields.containsKey("auth_password_file")) {
            password = new Secret(readFile(fields.get("auth_password_file").getValueNode()));
        }
        Boolean startTls = fields.containsKey("require_tls") ? bool(fields.get("require_tls").getValueNode()) : null;
        Boolean tls = fields.containsKey("tls") ? bool(fields.get("tls").getValueNode()) : null;
        if (Boolean.TRUE.equals(startTls) && Boolean.TRUE.equals(tls)) {
            throw new Problem(line(fields.get("tls").getKeyNode()), "choose either tls (SMTPS) or require_tls"
                    + " (STARTTLS), not both");
        }
        return new ChannelConfig.Email(to, from, smarthost, username, password, startTls, tls,
                sendResolved(fields, false), templates(fields, List.of("subject", "text", "html")));
    }

    private ChannelConfig kafka(Node node) {
        Map<String, NodeTuple> fields = node instanceof ScalarNode scalar && scalar.getValue().isEmpty() ? Map.of()
                : mapping(node, "a kafka config", KAFKA_KEYS);
        return new ChannelConfig.Kafka(sendResolved(fields, true));
    }

    private ChannelConfig log(Node node) {
        Map<String, NodeTuple> fields = node instanceof ScalarNode scalar && scalar.getValue().isEmpty() ? Map.of()
                : mapping(node, "a log config", LOG_KEYS);
        String level = "INFO";
        if (fields.containsKey("level")) {
            Node levelNode = fields.get("level").getValueNode();
            level = scalar(levelNode, "level").toUpperCase(Locale.ROOT);
            if (!level.equals("INFO") && !level.equals("WARN")) {
                throw new Problem(line(levelNode), "level must be info or warn");
            }
        }
        return new ChannelConfig.Log(level, sendResolved(fields, true), templates(fields, List.of("text")));
    }

    private Subscription subscription(Node node, Set<String> receivers) {
        Map<String, NodeTuple> fields = mapping(node, "a subscription", SUBSCRIPTION_KEYS);
        String name = scalar(required(fields, "name", node, "a subscription"), "name");
        Node receiverNode = required(fields, "receiver", node, "a subscription");
        String receiver = scalar(receiverNode, "receiver");
        if (!receivers.contains(receiver)) {
            throw new Problem(line(receiverNode), "receiver '" + receiver + "' is not defined");
        }
        Severity minSeverity = Severity.INFO;
        if (fields.containsKey("min_severity")) {
            Node severityNode = fields.get("min_severity").getValueNode();
            String text = scalar(severityNode, "min_severity");
            try {
                minSeverity = Severity.valueOf(text.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new Problem(line(severityNode), "min_severity '" + text
                        + "' is not one of critical, high, medium, low, info");
            }
        }
        return new Subscription(name, receiver, minSeverity, strings(fields, "hosts"), strings(fields, "checks"));
    }

    private Set<String> strings(Map<String, NodeTuple> fields, String name) {
        Set<String> values = new LinkedHashSet<>();
        if (fields.containsKey(name)) {
            for (Node item : sequence(fields.get(name).getValueNode(), name)) {
                values.add(scalar(item, name + " entry"));
            }
        }
        return values;
    }

    private Map<String, String> templates(Map<String, NodeTuple> fields, List<String> names) {
        Map<String, String> templates = new LinkedHashMap<>();
        for (String name : names) {
            Node node = null;
            String text = null;
            if (fields.containsKey(name + "_template")) {
                node = fields.get(name + "_template").getValueNode();
                text = scalar(node, name + "_template");
            } else if (fields.containsKey(name + "_template_file")) {
                node = fields.get(name + "_template_file").getValueNode();
                text = readFile(node);
            }
            if (text != null) {
                try {
                    templateCheck.check(name, text);
                } catch (IllegalArgumentException e) {
                    throw new Problem(line(node), "template " + name + ": " + e.getMessage());
                }
                templates.put(name, text);
            }
        }
        return templates;
    }

    private boolean sendResolved(Map<String, NodeTuple> fields, boolean defaultValue) {
        return fields.containsKey("send_resolved") ? bool(fields.get("send_resolved").getValueNode()) : defaultValue;
    }

    private Secret signingSecret(String text, int line) {
        String secret = text.strip();
        if (!secret.startsWith("whsec_")) {
            throw new Problem(line, "a webhook secret must be in Standard Webhooks form: whsec_ and base64");
        }
        try {
            byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
            if (key.length < 16) {
                throw new Problem(line, "a webhook secret must hold at least 16 bytes (it holds " + key.length + ")");
            }
        } catch (IllegalArgumentException e) {
            throw new Problem(line, "a webhook secret must be base64 after whsec_");
        }
        return new Secret(secret);
    }

    private URI checkedUrl(Node node, String text) {
        try {
            URI uri = new URI(text.strip());
            if (!uri.isAbsolute() || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    || uri.getHost() == null) {
                throw new Problem(line(node), "the URL must be absolute http or https");
            }
            return uri;
        } catch (URISyntaxException e) {
            // The URL may carry a token: say where, not what.
            throw new Problem(line(node), "not a valid URL (" + e.getReason() + ")");
        }
    }

    private String address(Node node) {
        return address(node, scalar(node, "an e-mail address"));
    }

    private String address(Node node, String text) {
        if (!text.matches("[^@\\s<>]+@[^@\\s<>]+") && !text.matches(".*<[^@\\s<>]+@[^@\\s<>]+>")) {
            throw new Problem(line(node), "'" + text + "' is not an e-mail address");
        }
        return text;
    }

    private String readFile(Node node) {
        String name = scalar(node, "a file name");
        Path path = baseDirectory == null ? Path.of(name) : baseDirectory.resolve(name);
        try {
            String content = Files.readString(path, StandardCharsets.UTF_8).strip();
            if (content.isEmpty()) {
                throw new Problem(line(node), "file " + name + " is empty");
            }
            return content;
        } catch (IOException e) {
            throw new Problem(line(node), "file " + name + " cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    private Node required(Map<String, NodeTuple> fields, String name, Node owner, String what) {
        NodeTuple tuple = fields.get(name);
        if (tuple == null) {
            throw new Problem(line(owner), what + " needs '" + name + "'");
        }
        return tuple.getValueNode();
    }

    private Duration duration(Node node, String what) {
        String text = scalar(node, what);
        java.util.regex.Matcher parts = DURATION.matcher(text);
        if (text.isEmpty() || !parts.matches()) {
            throw new Problem(line(node), what + " '" + text + "' is not a duration such as 30s, 5m, 4h or 1h30m");
        }
        long[] unitsMillis = {365L * 86_400_000, 7L * 86_400_000, 86_400_000, 3_600_000, 60_000, 1000, 1};
        long millis = 0;
        for (int i = 0; i < unitsMillis.length; i++) {
            if (parts.group(i + 1) != null) {
                millis += Long.parseLong(parts.group(i + 1)) * unitsMillis[i];
            }
        }
        return Duration.ofMillis(millis);
    }

    private Map<String, NodeTuple> mapping(Node node, String what, @Nullable Set<String> allowed) {
        if (!(node instanceof MappingNode mapping)) {
            throw new Problem(line(node), what + " must be a mapping of keys to values");
        }
        Map<String, NodeTuple> fields = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String key = scalar(tuple.getKeyNode(), "a key");
            if (allowed != null && !allowed.contains(key)) {
                throw new Problem(line(tuple.getKeyNode()), "unknown key '" + key + "' in " + what + " (allowed: "
                        + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
            }
            if (fields.put(key, tuple) != null) {
                throw new Problem(line(tuple.getKeyNode()), "key '" + key + "' appears twice in " + what);
            }
        }
        return fields;
    }

    private List<Node> sequence(Node node, String what) {
        if (!(node instanceof SequenceNode sequence)) {
            throw new Problem(line(node), what + " must be a list");
        }
        return sequence.getValue();
    }

    private String scalar(Node node, String what) {
        if (!(node instanceof ScalarNode scalar)) {
            throw new Problem(line(node), what + " must be a single value");
        }
        return scalar.getValue();
    }

    private boolean bool(Node node) {
        String text = scalar(node, "a boolean");
        if (text.equals("true")) {
            return true;
        }
        if (text.equals("false")) {
            return false;
        }
        throw new Problem(line(node), "'" + text + "' is not true or false");
    }

    private static int line(Node node) {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    /** The first problem found; becomes a {@link RoutingFileException} with the file name. */
    private static final class Problem extends RuntimeException {

        private final int line;

        Problem(int line, String reason) {
            super(reason, null, false, false);
            this.line = line;
        }
    }
}
