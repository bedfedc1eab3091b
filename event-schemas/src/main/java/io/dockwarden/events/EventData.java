package io.dockwarden.events;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * The data of one event of the contract. The subject is the CloudEvents {@code subject} and the Kafka record key, chosen
 * so that ordering per container, volume or finding holds.
 */
public interface EventData {

    @JsonIgnore
    String subject();
}
