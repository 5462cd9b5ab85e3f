package com.requestworkflows.embedded;

import com.mongodb.ConnectionString;
import com.requestworkflows.query.projection.ViewStoreFlush;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A MongoDB-compatible server inside this process, on a loopback port of its own choosing, keeping its data in
 * one file. Its store writes the file about once a second by itself; {@link #flush()} makes it write now, which
 * the view processors do before each token commit so that a killed process never leaves a token ahead of its views.
 */
public final class EmbeddedViewStore implements ViewStoreFlush, AutoCloseable {

    private final H2Backend backend;
    private final MongoServer server;

    public EmbeddedViewStore(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        backend = new IndexedViewBackend(file.toString());
        server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
    }

    public ConnectionString connectionString(String database) {
        return new ConnectionString(server.getConnectionString() + "/" + database);
    }

    @Override
    public void flush() {
        backend.commit();
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
