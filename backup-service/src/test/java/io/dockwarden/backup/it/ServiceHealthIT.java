package io.dockwarden.backup.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The service starts against the real broker, S3 and engine, says it is healthy, and answers bad requests clearly. */
class ServiceHealthIT extends ServiceTestSupport {

    @Test
    void isHealthyWithDetailsOfEngineAndStore() {
        HttpResponse<String> health = get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").contains("\"docker\"").contains("\"s3\"")
                .contains("\"helperImagePresent\":true").contains("\"bucket\":\"" + BUCKET + "\"");
        assertThat(health.body()).doesNotContain(S3.secretKey()).doesNotContain(KEY);
    }

    @Test
    void infoNamesTheKeyIdButNeverTheKey() {
        HttpResponse<String> info = get("/actuator/info");
        assertThat(info.statusCode()).isEqualTo(200);
        assertThat(info.body()).contains("\"cipher\":\"AES-256-GCM\"").contains("\"keyId\"").doesNotContain(KEY);
    }

    @Test
    void refusesRequestsItCannotServe() {
        assertThat(http("POST", "/api/backups", "{\"volume\":\"dw-no-such-volume\"}").statusCode()).isEqualTo(404);
        assertThat(http("POST", "/api/backups", "{}").statusCode()).isEqualTo(400);
        assertThat(http("POST", "/api/restores",
                "{\"backupId\":\"20991231T000000Z-000000000000\",\"targetVolume\":\"x\",\"mode\":\"sideways\"}")
                .statusCode()).isEqualTo(400);
        assertThat(http("POST", "/api/restores",
                "{\"backupId\":\"20991231T000000Z-000000000000\",\"targetVolume\":\"x\",\"mode\":\"new\"}")
                .statusCode()).isEqualTo(404);
        assertThat(get("/api/backups/20991231T000000Z-000000000000").statusCode()).isEqualTo(404);
    }
}
