package io.dockwarden.compliance.waivers;

import io.dockwarden.compliance.definitions.YamlNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the central waiver file:
 *
 * <pre>
 * waivers:
 *   - id: WVR-2026-014
 *     check: "5.13"                  # or checks: ["5.13", "5.12"]
 *     selector:                      # optional; every field optional, all must match
 *       host: "prod-*"
 *       container: "legacy-*"
 *       image: "registry.example.com/legacy/*"
 *       labels: {team: payments}
 *     justification: Legacy app writes to /var/cache; rewrite planned in Q3.
 *     expires: 2027-03-01
 *     approved-by: jane.doe@example.com
 * </pre>
 *
 * The first problem rejects the file with its line and reason.
 */
public final class CentralWaiverFile {

    private static final Set<String> FILE_KEYS = Set.of("waivers");
    private static final Set<String> WAIVER_KEYS = Set.of("id", "check", "checks", "selector", "justification",
            "expires", "approved-by");
    private static final Set<String> SELECTOR_KEYS = Set.of("host", "container", "image", "labels");

    private CentralWaiverFile() {
    }

    public static List<CentralWaiver> parse(String file, String content) {
        YamlNode root = YamlNode.parse(file, content);
        if (root == null) {
            return List.of();
        }
        YamlNode list = root.entries("the waiver file", FILE_KEYS).get("waivers");
        if (list == null) {
            throw root.problem("the waiver file holds a 'waivers:' list");
        }
        List<CentralWaiver> waivers = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (YamlNode item : list.items("waivers")) {
            CentralWaiver waiver = waiver(file, item);
            if (!ids.add(waiver.id())) {
                throw item.problem("waiver id '" + waiver.id() + "' appears twice");
            }
            waivers.add(waiver);
        }
        return waivers;
    }

    private static CentralWaiver waiver(String file, YamlNode node) {
        Map<String, YamlNode> fields = node.entries("a waiver", WAIVER_KEYS);
        String id = required(node, fields, "id").nonBlankText("id");
        Set<String> checks = new LinkedHashSet<>();
        if (fields.containsKey("check") == fields.containsKey("checks")) {
            throw node.problem("a waiver names its checks with either 'check' or 'checks'");
        }
        if (fields.containsKey("check")) {
            checks.add(fields.get("check").nonBlankText("check"));
        } else {
            for (YamlNode item : fields.get("checks").items("checks")) {
                checks.add(item.nonBlankText("a check id"));
            }
            if (checks.isEmpty()) {
                throw fields.get("checks").problem("'checks' needs at least one check id");
            }
        }
        String justification = required(node, fields, "justification").nonBlankText("justification");
        YamlNode expires = required(node, fields, "expires");
        String approvedBy = fields.containsKey("approved-by") ? fields.get("approved-by").nonBlankText("approved-by")
                : null;
        Glob host = null;
        Glob container = null;
        Glob image = null;
        Map<String, Glob> labels = new LinkedHashMap<>();
        if (fields.containsKey("selector")) {
            Map<String, YamlNode> selector = fields.get("selector").entries("the selector", SELECTOR_KEYS);
            host = selector.containsKey("host") ? Glob.of(selector.get("host").nonBlankText("host")) : null;
            container = selector.containsKey("container")
                    ? Glob.of(selector.get("container").nonBlankText("container")) : null;
            image = selector.containsKey("image") ? Glob.of(selector.get("image").nonBlankText("image")) : null;
            if (selector.containsKey("labels")) {
                for (Map.Entry<String, YamlNode> label : selector.get("labels").entries("labels").entrySet()) {
                    labels.put(label.getKey(), Glob.of(label.getValue().text("a label value")));
                }
            }
        }
        return new CentralWaiver(id, checks, host, container, image, labels, justification,
                expires.instant("expires"), approvedBy, file, node.line());
    }

    private static YamlNode required(YamlNode node, Map<String, YamlNode> fields, String key) {
        YamlNode value = fields.get(key);
        if (value == null) {
            throw node.problem("a waiver needs '" + key + "'");
        }
        return value;
    }
}
