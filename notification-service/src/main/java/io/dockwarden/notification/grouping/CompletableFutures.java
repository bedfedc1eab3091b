package io.dockwarden.notification.grouping;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

final class CompletableFutures {

    private CompletableFutures() {
    }

    /** Runs the callback once the future completes, with its failure (unwrapped) or null. */
    static void whenDone(CompletableFuture<?> future, Consumer<@Nullable Throwable> callback) {
        future.whenComplete((ignored, failure) -> {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            callback.accept(cause);
        });
    }
}
