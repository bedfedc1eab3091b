package io.dockwarden.notification.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dockwarden.events.finding.Severity;
import io.dockwarden.notification.alerts.Alert;
import io.dockwarden.notification.alerts.AlertStatus;
import io.dockwarden.notification.delivery.Notification;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class TemplatesTest {

    private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");

    private final NotificationTemplates templates = new NotificationTemplates();
    private final Alert firing = new Alert("fp1", AlertStatus.FIRING, Severity.HIGH, "CIS 5.5 fails on \"web\" <1>",
            "line one\nline two", Map.of("alertname", "ComplianceFinding", "host", "h1"), List.of("https://x/1"),
            "e1", AT, null, null, AT);
    private final Alert resolved = new Alert("fp2", AlertStatus.RESOLVED, Severity.LOW, "CIS 4.1 fails on db",
            "passed", Map.of("alertname", "ComplianceFinding", "host", "h1"), List.of(), "e2", AT, AT, null, AT);
    private final Notification notification = new Notification("n1", "ops", "{}:{alertname=\"ComplianceFinding\"}",
            Map.of("alertname", "ComplianceFinding"), List.of(firing, resolved), null, AT, null);

    @Test
    void theShippedTextListsFiringAndResolvedAlerts() {
        String text = templates.render(NotificationTemplates.TEXT, Map.of(), model(), Escaping.NONE);

        assertThat(text).startsWith("[FIRING:1] ComplianceFinding (2 alerts)")
                .contains("[high] CIS 5.5 fails on \"web\" <1>", "  line two", "https://x/1",
                        "[resolved] CIS 4.1 fails on db");
    }

    @Test
    void theShippedHtmlEscapesWhatAlertsSay() {
        String html = templates.render(NotificationTemplates.HTML, Map.of(), model(), Escaping.HTML);

        assertThat(html).contains("CIS 5.5 fails on &quot;web&quot; &lt;1&gt;").doesNotContain("<1>");
    }

    @Test
    void aJsonBodyTemplateStaysValidJsonWhateverTheAlertsHold() {
        String body = templates.render("body", Map.of("body", """
                {"title": "{{title}}", "alerts": [{{#alerts}}"{{title}}"{{^-last}},{{/-last}}{{/alerts}}]}"""),
                model(), Escaping.JSON);

        var tree = JsonMapper.builder().build().readTree(body);
        assertThat(tree.get("alerts")).hasSize(2);
        assertThat(tree.get("alerts").get(0).asString()).isEqualTo("CIS 5.5 fails on \"web\" <1>");
    }

    @Test
    void aBrokenTemplateIsReportedAtCheck() {
        assertThatThrownBy(() -> NotificationTemplates.check("text", "{{#alerts}}")).isInstanceOf(
                IllegalArgumentException.class);
    }

    private Map<String, Object> model() {
        return TemplateModel.of(notification, notification.alerts(), "ntf_n1");
    }
}
