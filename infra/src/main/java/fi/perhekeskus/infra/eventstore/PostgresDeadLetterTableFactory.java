package fi.perhekeskus.infra.eventstore;

import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.GenericDeadLetterTableFactory;

/** Axon's dead-letter table for PostgreSQL (BYTEA), safe to create on every start. */
public class PostgresDeadLetterTableFactory extends GenericDeadLetterTableFactory {

    @Override
    protected String processingGroupIndexSql(DeadLetterSchema schema) {
        return super.processingGroupIndexSql(schema).replace("CREATE INDEX ", "CREATE INDEX IF NOT EXISTS ");
    }

    @Override
    protected String sequenceIdentifierIndexSql(DeadLetterSchema schema) {
        return super.sequenceIdentifierIndexSql(schema).replace("CREATE INDEX ", "CREATE INDEX IF NOT EXISTS ");
    }

    @Override
    protected String serializedDataType() {
        return "BYTEA";
    }
}
