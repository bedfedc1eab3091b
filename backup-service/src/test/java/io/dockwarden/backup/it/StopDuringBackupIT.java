package io.dockwarden.backup.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventType;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import io.dockwarden.events.EventCatalog;
import io.dockwarden.events.backup.BackupCompleted;
import io.dockwarden.events.codec.EventJson;
import io.dockwarden.testsupport.docker.DockerEngine;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Consistency around the read: a container labelled to stop is stopped while the volume is read, and hooks run. */
class StopDuringBackupIT extends ServiceTestSupport {

    private static final DockerEngine ENGINE = DockerEngine.local();
    private final String volume = Volumes.unique("dw-db");
    private final String containerName = Volumes.unique("dw-db-app");

    @AfterEach
    void cleanUp() {
        ENGINE.removeContainerQuietly(containerName);
        Volumes.remove(volume);
    }

    @Test
    void labelledContainerIsStoppedDuringTheReadRunsAgainAfterAndItsHooksRun() throws Exception {
        Volumes.create(volume, Map.of());
        Volumes.run(volume, "echo rows > /data/table.dat");
        String container = ENGINE.createAndStart(containerName, command -> command
                .withLabels(Map.of(
                        "dockwarden.backup.stop-during-backup", "true",
                        "dockwarden.backup.pre-exec", "echo dumped-by-pre-exec > /data/dump.sql",
                        "dockwarden.backup.post-exec", "echo done > /data/post-exec.ran"))
                .withHostConfig(HostConfig.newHostConfig().withNetworkMode("none")
                        .withBinds(new Bind(volume, new Volume("/data")))));
        Instant since = Instant.now().minusSeconds(1);

        HttpResponse<String> accepted = http("POST", "/api/backups", "{\"volume\":\"" + volume + "\"}");
        assertThat(accepted.statusCode()).isEqualTo(202);
        String backupId = EventJson.mapper().readTree(accepted.body()).path("id").asString();
        BackupCompleted completed = awaitEvent(EventCatalog.BACKUP_COMPLETED.type(), BackupCompleted.class,
                "backupId", backupId);
        assertThat(completed.volumeName()).isEqualTo(volume);

        List<Event> engineEvents = containerEvents(since, Instant.now().plusSeconds(1));
        long preExec = firstTime(engineEvents, container, "exec_start");
        long stopped = firstTime(engineEvents, container, "die");
        long helperCreated = firstHelperTime(engineEvents, "create");
        long helperRemoved = firstHelperTime(engineEvents, "destroy");
        long restarted = lastTime(engineEvents, container, "start");
        assertThat(preExec).as("pre-exec before the stop").isLessThan(stopped);
        assertThat(stopped).as("stopped before the read helper exists").isLessThan(helperCreated);
        assertThat(helperRemoved).as("read helper removed before the restart").isLessThanOrEqualTo(restarted);
        assertThat(ENGINE.client().inspectContainerCmd(container).exec().getState().getRunning()).isTrue();

        HttpResponse<String> entries = get("/api/backups/" + backupId + "/entries");
        assertThat(entries.body()).contains("\"path\":\"dump.sql\"");
        assertThat(Volumes.contents(volume)).containsKey("post-exec.ran");
        assertThat(get("/api/backups/" + backupId).body()).contains(containerName + ":stop");
    }

    private static List<Event> containerEvents(Instant since, Instant until) throws InterruptedException {
        List<Event> collected = new ArrayList<>();
        ENGINE.client().eventsCmd().withSince(String.valueOf(since.getEpochSecond()))
                .withUntil(String.valueOf(until.getEpochSecond()))
                .withEventTypeFilter(EventType.CONTAINER)
                .exec(new ResultCallback.Adapter<Event>() {
                    @Override
                    public void onNext(Event event) {
                        collected.add(event);
                    }
                }).awaitCompletion(30, TimeUnit.SECONDS);
        return collected;
    }

    private static long firstTime(List<Event> events, String containerId, String action) {
        return events.stream().filter(e -> containerId.equals(e.getId()) && actionOf(e).startsWith(action))
                .mapToLong(Event::getTimeNano).min()
                .orElseThrow(() -> new AssertionError("no " + action + " event of the container in " + events));
    }

    private static long lastTime(List<Event> events, String containerId, String action) {
        return events.stream().filter(e -> containerId.equals(e.getId()) && actionOf(e).equals(action))
                .mapToLong(Event::getTimeNano).max()
                .orElseThrow(() -> new AssertionError("no " + action + " event of the container"));
    }

    private static long firstHelperTime(List<Event> events, String action) {
        return events.stream().filter(e -> actionOf(e).equals(action) && e.getActor() != null
                        && e.getActor().getAttributes() != null
                        && String.valueOf(e.getActor().getAttributes().get("name")).startsWith("dockwarden-backup-read-"))
                .mapToLong(Event::getTimeNano).min()
                .orElseThrow(() -> new AssertionError("no " + action + " event of a read helper"));
    }

    private static String actionOf(Event event) {
        return event.getAction() != null ? event.getAction() : String.valueOf(event.getStatus());
    }
}
