package io.dockwarden.inventory.tracking;

/** The engine could not be asked: it is restarting, its socket is gone, or the network is cut. */
public class EngineUnavailableException extends RuntimeException {

    public EngineUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
