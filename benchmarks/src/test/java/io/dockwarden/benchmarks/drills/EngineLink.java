package io.dockwarden.benchmarks.drills;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/**
 * The inventory's line to a Docker engine, which the drill can cut: a loopback TCP port relaying to the engine's unix
 * socket. Cut, the inventory is disconnected (connections dropped and refused) while the drill still changes the
 * engine through the socket itself.
 */
final class EngineLink implements AutoCloseable {

    private final Path socket;
    private final List<SocketChannel> open = new CopyOnWriteArrayList<>();
    private final int port;
    private @Nullable ServerSocketChannel server;

    EngineLink(Path socket) {
        this.socket = socket;
        this.port = listen(0);
    }

    String dockerHost() {
        return "tcp://127.0.0.1:" + port;
    }

    private synchronized int listen(int requested) {
        try {
            ServerSocketChannel channel = ServerSocketChannel.open();
            channel.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), requested));
            server = channel;
            Thread acceptor = new Thread(() -> accept(channel), "engine-link-accept");
            acceptor.setDaemon(true);
            acceptor.start();
            return ((InetSocketAddress) channel.getLocalAddress()).getPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + requested, e);
        }
    }

    private void accept(ServerSocketChannel channel) {
        while (channel.isOpen()) {
            try {
                SocketChannel client = channel.accept();
                SocketChannel engine = SocketChannel.open(StandardProtocolFamily.UNIX);
                engine.connect(UnixDomainSocketAddress.of(socket));
                open.add(client);
                open.add(engine);
                pump(client, engine);
                pump(engine, client);
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void pump(SocketChannel from, SocketChannel to) {
        Thread thread = new Thread(() -> {
            ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
            try {
                while (from.read(buffer) >= 0) {
                    buffer.flip();
                    while (buffer.hasRemaining()) {
                        to.write(buffer);
                    }
                    buffer.clear();
                }
            } catch (IOException closed) {
                // The other side or the drill closed the line.
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "engine-link-pump");
        thread.setDaemon(true);
        thread.start();
    }

    /** Drops every connection and refuses new ones. */
    synchronized void cut() {
        if (server != null) {
            closeQuietly(server);
            server = null;
        }
        open.forEach(EngineLink::closeQuietly);
        open.clear();
    }

    /** Accepts connections again, on the same port. */
    synchronized void restore() {
        if (server == null) {
            listen(port);
        }
    }

    @Override
    public void close() {
        cut();
    }

    private static void closeQuietly(java.nio.channels.Channel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Closing anyway.
        }
    }
}
