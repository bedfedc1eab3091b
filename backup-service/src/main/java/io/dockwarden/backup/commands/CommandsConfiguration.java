package io.dockwarden.backup.commands;

import io.dockwarden.backup.backups.BackupPipeline;
import io.dockwarden.backup.catalog.BackupCatalog;
import io.dockwarden.backup.catalog.OperationRecords;
import io.dockwarden.backup.ports.EventSink;
import io.dockwarden.backup.ports.VolumeEngine;
import io.dockwarden.backup.restores.RestorePipeline;
import io.dockwarden.backup.verification.VerifyBackup;
import io.dockwarden.stream.EventPublisher;
import io.dockwarden.stream.InboundEvents;
import java.time.Clock;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The {@code backupCommands} binding on {@code dockwarden.backup.commands}: decode (an invalid command goes to the
 * dead-letter topic with its reason), then run it once. An exception (the bucket unreachable while checking whether the
 * command was handled, the broker not taking an outcome event) leaves the record to the retrying error handler.
 */
@Configuration(proxyBeanMethods = false)
class CommandsConfiguration {

    @Bean
    Operations operations() {
        return new Operations();
    }

    @Bean
    EventSink eventSink(EventPublisher publisher) {
        return new PublishingEventSink(publisher);
    }

    @Bean
    CommandPublisher commandPublisher(EventPublisher publisher, Operations operations, Clock clock) {
        return new CommandPublisher(publisher, operations, clock);
    }

    @Bean
    CommandHandler commandHandler(VolumeEngine engine, BackupCatalog catalog, OperationRecords records,
            BackupPipeline backups, RestorePipeline restores, VerifyBackup verifications, Operations operations,
            Clock clock) {
        return new CommandHandler(engine, catalog, records, backups, restores, verifications, operations, clock);
    }

    @Bean
    Consumer<Message<byte[]>> backupCommands(InboundEvents inbound, CommandHandler handler) {
        return message -> handler.handle(inbound.decode(message));
    }
}
