package io.dockwarden.events.asyncapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.dockwarden.events.EventCatalog;
import io.dockwarden.events.EventData;
import io.dockwarden.events.EventType;
import io.dockwarden.events.Topics;
import io.dockwarden.events.codec.CloudEventHeaders;
import io.dockwarden.events.codec.Rejection;
import io.dockwarden.events.codec.RejectionReason;
import io.dockwarden.events.fixtures.EventFixtures;
import io.dockwarden.events.schema.SchemaFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The AsyncAPI document is what other systems read; it must say exactly what the code does. */
class AsyncApiContractTest {

    private static final String PAYLOAD_FOLDER = "src/main/resources/schemas/";

    private final AsyncApiDocument document = AsyncApiDocument.load();
    private final JsonNode root = document.root();

    @Test
    void isAnAsyncApi3DocumentOfTheCurrentRelease() throws IOException {
        Properties release = new Properties();
        release.load(Files.newBufferedReader(SchemaFiles.RELEASED.resolveSibling("release.properties")));

        assertThat(root.path("asyncapi").asString()).isEqualTo("3.0.0");
        assertThat(root.at("/info/version").asString()).isEqualTo(release.getProperty("version"));
        assertThat(root.at("/info/title").asString()).isNotBlank();
        assertThat(root.path("servers").properties()).isNotEmpty()
                .allSatisfy(server -> assertThat(server.getValue().path("protocol").asString()).isEqualTo("kafka"));
    }

    @Test
    void listsExactlyTheTopicsOfTheContract() {
        assertThat(document.topicChannels().stream().map(AsyncApiDocument.Channel::address).toList())
                .containsExactlyInAnyOrderElementsOf(Topics.ALL);
    }

    @Test
    void listsExactlyTheCatalogTypesOnTheChannelOfTheirTopic() {
        for (AsyncApiDocument.Channel channel : document.topicChannels()) {
            assertThat(channel.messageNames(document)).as(channel.address())
                    .containsExactlyInAnyOrderElementsOf(EventCatalog.onTopic(channel.address()).stream()
                            .map(EventType::type).toList());
        }
    }

    @Test
    void marksExactlyTheCompactedTopicsAsCompacted() {
        for (AsyncApiDocument.Channel channel : document.topicChannels()) {
            JsonNode policy = channel.node().at("/bindings/kafka/topicConfiguration/cleanup.policy");
            List<String> policies = new ArrayList<>();
            policy.forEach(value -> policies.add(value.asString()));

            assertThat(policies).as(channel.address())
                    .containsExactly(Topics.isCompacted(channel.address()) ? "compact" : "delete");
            assertThat(channel.node().at("/bindings/kafka/topic").asString()).isEqualTo(channel.address());
        }
    }

    @Test
    void describesEveryChannelAndItsKey() {
        for (AsyncApiDocument.Channel channel : document.topicChannels()) {
            assertThat(channel.node().path("description").asString()).as(channel.address()).isNotBlank();
            assertThat(channel.key()).as(channel.address()).isNotBlank();
        }
    }

    @Test
    void everyMessageIsJsonWithCloudEventsHeadersAndItsTypesSchemaAsPayload() {
        for (EventType<?> type : EventCatalog.ALL) {
            JsonNode message = root.path("components").path("messages").path(type.type());

            assertThat(message.path("name").asString()).isEqualTo(type.type());
            assertThat(message.path("contentType").asString()).isEqualTo(CloudEventHeaders.APPLICATION_JSON);
            assertThat(message.at("/headers/allOf/0/$ref").asString())
                    .isEqualTo("#/components/schemas/cloudEventsHeaders");
            assertThat(message.at("/headers/allOf/1/properties/ce_type/const").asString()).isEqualTo(type.type());
            assertThat(message.at("/headers/allOf/1/properties/ce_dataschema/const").asString())
                    .isEqualTo(type.dataschema());
            String payload = message.at("/payload/schema/$ref").asString();
            assertThat(payload).isEqualTo(PAYLOAD_FOLDER + type.type() + ".json");
            assertThat(SchemaFiles.read(Path.of(payload)).path("$id").asString()).isEqualTo(type.dataschema());
        }
    }

    @Test
    void headersSchemaRequiresWhatTheCodecRequires() {
        JsonNode headers = root.at("/components/schemas/cloudEventsHeaders");
        Set<String> required = new HashSet<>();
        headers.path("required").forEach(name -> required.add(name.asString()));

        assertThat(required).containsExactlyInAnyOrderElementsOf(CloudEventHeaders.REQUIRED);
        assertThat(headers.at("/properties/ce_specversion/const").asString())
                .isEqualTo(CloudEventHeaders.SPEC_VERSION_1_0);
        assertThat(headers.path("properties").propertyNames()).contains(CloudEventHeaders.DATA_SCHEMA,
                CloudEventHeaders.CONTENT_TYPE);
    }

    @Test
    void keysOfEveryMessageMatchTheSubjectsTheRecordsProduce() {
        for (AsyncApiDocument.Channel channel : document.topicChannels()) {
            for (EventType<?> type : EventCatalog.onTopic(channel.address())) {
                JsonNode message = root.path("components").path("messages").path(type.type());
                JsonNode key = document.dereference(message.at("/bindings/kafka/key"));

                assertThat(key.path("description").asString()).as(type.type()).startsWith("`" + channel.key() + "`");
                String pattern = key.path("pattern").asString("");
                for (EventData data : List.of(EventFixtures.sampleOf(type), EventFixtures.minimalOf(type))) {
                    assertThat(data.subject()).as(type.type()).matches(pattern.isEmpty() ? ".+" : pattern);
                }
            }
        }
    }

    @Test
    void describesTheDeadLetterTopicOfEveryTopicWithTheRejectionHeaders() {
        JsonNode deadLetters = root.at("/channels/deadLetters");
        List<String> topics = new ArrayList<>();
        deadLetters.at("/parameters/topic/enum").forEach(topic -> topics.add(topic.asString()));
        JsonNode headers = document.dereference(deadLetters.at("/messages/deadLetter")).path("headers");
        List<String> reasons = new ArrayList<>();
        headers.at("/properties/" + Rejection.REASON_HEADER + "/enum")
                .forEach(reason -> reasons.add(reason.asString()));

        assertThat(deadLetters.path("address").asString()).isEqualTo("{topic}" + Topics.DEAD_LETTER_SUFFIX);
        assertThat(topics).containsExactlyInAnyOrderElementsOf(Topics.ALL);
        assertThat(reasons).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(RejectionReason.values()).map(Enum::name).toList());
        assertThat(headers.path("required").toString()).contains(Rejection.REASON_HEADER, Rejection.DETAIL_HEADER);
    }

    @Test
    void everyOperationSendsOrReceivesOnAChannelForOneNamedParty() {
        assertThat(root.path("operations").properties()).isNotEmpty().allSatisfy(operation -> {
            JsonNode node = operation.getValue();
            assertThat(node.path("action").asString()).as(operation.getKey()).isIn("send", "receive");
            assertThat(document.dereference(node.path("channel")).path("address").asString()).isNotBlank();
            assertThat(node.path("tags")).as(operation.getKey()).hasSize(1);
            assertThat(node.path("summary").asString()).as(operation.getKey()).isNotBlank();
        });
    }

    @Test
    void everyTopicHasAProducer() {
        Set<String> sent = new HashSet<>();
        root.path("operations").forEach(operation -> {
            if (operation.path("action").asString().equals("send")) {
                sent.add(document.dereference(operation.path("channel")).path("address").asString());
            }
        });

        assertThat(sent).containsAll(Topics.ALL);
    }

    @Test
    void everyReferenceResolvesAndEveryReferencedFileExists() {
        List<String> unresolved = new ArrayList<>();
        eachReference(root, ref -> {
            if (ref.startsWith("#/")) {
                if (root.at(ref.substring(1)).isMissingNode()) {
                    unresolved.add(ref);
                }
            } else if (!Files.isRegularFile(Path.of(ref))) {
                unresolved.add(ref);
            }
        });

        assertThat(unresolved).isEmpty();
    }

    private static void eachReference(JsonNode node, Consumer<String> visitor) {
        if (node.has("$ref")) {
            visitor.accept(node.get("$ref").asString());
        }
        node.forEach(child -> eachReference(child, visitor));
    }
}
