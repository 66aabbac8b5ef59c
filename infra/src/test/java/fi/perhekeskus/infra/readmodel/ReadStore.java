package fi.perhekeskus.infra.readmodel;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import fi.perhekeskus.infra.local.FreePorts;
import fi.perhekeskus.infra.local.LocalMongo;
import org.bson.Document;

import java.nio.file.Path;

/** The real local Mongo-protocol server on a free port, with a client, for the view-writing tests. */
final class ReadStore implements AutoCloseable {

    private final LocalMongo mongo;
    private final MongoClient client;

    ReadStore(Path dir) {
        this.mongo = LocalMongo.start(dir, FreePorts.next());
        this.client = MongoClients.create(mongo.uri("test"));
    }

    MongoCollection<Document> collection(String name) {
        return client.getDatabase("test").getCollection(name);
    }

    @Override
    public void close() {
        client.close();
        mongo.close();
    }
}
