package fi.perhekeskus.infra.local;

import de.bwaldvogel.mongo.MongoServer;
import fi.perhekeskus.infra.local.mongo.IndexedH2Backend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A MongoDB wire-protocol server with an H2 file backend: no real mongod can be installed on these
 * machines. It has no change streams and no transactions, which the projections never rely on.
 * Its backend is {@link IndexedH2Backend}: the stock one, with indexes and storage fit for replays.
 */
public final class LocalMongo implements AutoCloseable {

    private final MongoServer server;
    private final int port;

    private LocalMongo(MongoServer server, int port) {
        this.server = server;
        this.port = port;
    }

    public static LocalMongo start(Path dataDir, int port) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        MongoServer server = new MongoServer(IndexedH2Backend.open(dataDir.resolve("read-models.mv").toString()));
        server.bind("127.0.0.1", port);
        return new LocalMongo(server, port);
    }

    public String uri(String database) {
        return "mongodb://127.0.0.1:" + port + "/" + database;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        server.shutdown();
    }
}
