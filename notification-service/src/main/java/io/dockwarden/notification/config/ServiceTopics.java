package io.dockwarden.notification.config;

import io.dockwarden.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/** Creates the service's own topics (and the contract topics it publishes to) before anything reads them. */
final class ServiceTopics {

    ServiceTopics(KafkaAdmin admin, NotificationProperties.Topics topics) {
        admin.createOrModifyTopics(
                compacted(topics.state(), 1),
                compacted(topics.silences(), 1),
                compacted(topics.retries(), topics.retryPartitions()),
                new NewTopic(topics.retriesDeadLetter(), java.util.Optional.empty(), java.util.Optional.empty()),
                new NewTopic(Topics.NOTIFICATION_ALERTS, java.util.Optional.empty(), java.util.Optional.empty()),
                new NewTopic(Topics.NOTIFICATION_DELIVERIES, java.util.Optional.empty(), java.util.Optional.empty()));
    }

    private static NewTopic compacted(String name, int partitions) {
        return TopicBuilder.name(name).partitions(partitions).compact().build();
    }
}
