package io.dockwarden.events;

/**
 * One CloudEvents type of the contract: its name, the topic it travels on, the record that carries its data and the
 * JSON Schema that validates it.
 *
 * @param type the {@code ce_type}, such as {@code io.dockwarden.container.started.v1}
 * @param topic the Kafka topic
 * @param dataClass the record of its data
 * @param <T> the data type
 */
public record EventType<T extends EventData>(String type, String topic, Class<T> dataClass) {

    public static final String SCHEMA_BASE_URI = "https://dockwarden.io/schemas/";

    /** The {@code ce_dataschema} value, equal to the schema's {@code $id}. */
    public String dataschema() {
        return SCHEMA_BASE_URI + type + ".json";
    }

    /** Where the schema sits on the class path. */
    public String schemaResource() {
        return "schemas/" + type + ".json";
    }

    /** The major version, from the {@code .vN} suffix. */
    public int majorVersion() {
        return Integer.parseInt(type.substring(type.lastIndexOf(".v") + 2));
    }
}
