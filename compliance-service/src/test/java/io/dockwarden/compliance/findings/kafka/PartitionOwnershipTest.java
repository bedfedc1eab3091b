package io.dockwarden.compliance.findings.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;

class PartitionOwnershipTest {

    @Test
    void computesThePartitionTheProducerChoseForAKey() {
        for (String key : new String[] {"host-1/4f1e2d3c", "host-1", "prod-eu-7/0123456789abcdef", ""}) {
            for (int partitions : new int[] {1, 3, 12}) {
                assertThat(PartitionOwnership.partitionOf(key, partitions)).as(key + " of " + partitions)
                        .isEqualTo(BuiltInPartitioner.partitionForKey(key.getBytes(StandardCharsets.UTF_8),
                                partitions));
            }
        }
    }
}
