package io.dockwarden.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.dockwarden.events.Topics;
import io.dockwarden.inventory.tracking.InventoryObserver.SyncReport;
import io.dockwarden.testsupport.kafka.TopicProbe;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A full sync of 200 containers, created and not started, as a host with many stopped containers has. */
class FullSyncIT extends InventoryIntegrationTest {

    private static final Logger log = LoggerFactory.getLogger(FullSyncIT.class);
    private static final int CONTAINERS = 200;

    @Test
    void observesTwoHundredContainers() throws Exception {
        String prefix = uniqueName("sync");
        Set<String> keys = new HashSet<>();
        List<String> ids = new ArrayList<>();
        long creating = System.nanoTime();
        ExecutorService creators = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> creations = new ArrayList<>();
            for (int i = 0; i < CONTAINERS; i++) {
                String name = prefix + "-" + i;
                creations.add(creators.submit(() -> engine.createContainer(name,
                        create -> create.withLabels(Map.of("sync", prefix)))));
            }
            for (Future<String> creation : creations) {
                String id = creation.get(WAIT.toSeconds(), TimeUnit.SECONDS);
                ids.add(id);
                keys.add(key(id));
            }
        } finally {
            creators.shutdownNow();
        }
        long created = System.nanoTime();
        try (TopicProbe events = broker.probe(Topics.CONTAINER_EVENTS)) {
            long started = System.nanoTime();
            SyncReport report = inventory().fullSync().get(WAIT.toSeconds() * 3, TimeUnit.SECONDS);
            long synced = System.nanoTime();

            List<ConsumerRecord<String, byte[]>> observed = events.await(record -> keys.contains(record.key())
                    && type(record).equals("container.observed"), CONTAINERS, WAIT);
            assertThat(observed.stream().map(ConsumerRecord::key).distinct()).hasSize(CONTAINERS);
            assertThat(report.containers()).isGreaterThanOrEqualTo(CONTAINERS);
            log.info("Created {} containers in {} ms; full sync of {} containers and {} volumes published and "
                    + "acknowledged in {} ms", CONTAINERS, TimeUnit.NANOSECONDS.toMillis(created - creating),
                    report.containers(), report.volumes(), TimeUnit.NANOSECONDS.toMillis(synced - started));
        } finally {
            ids.forEach(engine::removeContainerQuietly);
        }
    }
}
