package io.dockwarden.events.codec;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import com.networknt.schema.resource.ClasspathResourceLoader;
import io.dockwarden.events.EventCatalog;
import io.dockwarden.events.EventType;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * The JSON Schemas of every event type, loaded once from the class path and checked against the data of an event.
 * Schema ids under {@value EventType#SCHEMA_BASE_URI} resolve to the {@code schemas/} folder of this jar, so nothing is
 * ever fetched over the network.
 */
public final class EventSchemas {

    private final Map<String, Schema> schemasByType;

    private EventSchemas() {
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .pathType(PathType.JSON_POINTER)
                // Draft 2020-12 treats format as an annotation only; the contract relies on date-time and uri holding.
                .formatAssertionsEnabled(true)
                .build();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(config)
                        .schemaIdResolvers(resolvers -> resolvers.mapPrefix(EventType.SCHEMA_BASE_URI,
                                "classpath:schemas/"))
                        // This jar's own loader first: a pool thread's context class loader may not see the jar.
                        .resourceLoaders(loaders -> loaders.values(list -> list.add(0,
                                new ClasspathResourceLoader(EventSchemas.class::getClassLoader)))));
        this.schemasByType = EventCatalog.ALL.stream()
                .collect(Collectors.toUnmodifiableMap(EventType::type, type -> load(registry, type)));
    }

    private static Schema load(SchemaRegistry registry, EventType<?> type) {
        Schema schema = registry.getSchema(SchemaLocation.of(type.dataschema()));
        // Resolves every $ref now, so a broken or missing schema fails at start-up rather than on the first record.
        schema.initializeValidators();
        return schema;
    }

    /** The schemas of every catalog type, loaded on first use and shared by every codec in the JVM. */
    public static EventSchemas shared() {
        return Holder.INSTANCE;
    }

    /**
     * Validates event data against the schema of its type.
     *
     * @return every violation, in the validator's order; empty when the data is valid
     */
    public List<Violation> validate(EventType<?> type, JsonNode data) {
        Schema schema = schemasByType.get(type.type());
        if (schema == null) {
            throw new IllegalArgumentException("not a type of the catalog: " + type.type());
        }
        return schema.validate(data).stream().map(Violation::of).toList();
    }

    /**
     * One rule the data breaks.
     *
     * @param pointer JSON Pointer of the offending value; empty for the whole document
     * @param message what is wrong, as the validator words it
     */
    public record Violation(String pointer, String message) {

        private static Violation of(Error error) {
            return new Violation(error.getInstanceLocation().toString(), error.getMessage());
        }

        @Override
        public String toString() {
            return (pointer.isEmpty() ? "(root)" : pointer) + ": " + message;
        }
    }

    private static final class Holder {
        static final EventSchemas INSTANCE = new EventSchemas();
    }
}
