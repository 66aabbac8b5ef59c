package fi.perhekeskus.referral;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;

import java.util.concurrent.Callable;

/**
 * Reads an aggregate's current state outside a command (aggregates load only inside a unit of
 * work). Used where a lagging view would be wrong: access decisions, sealing with the right key.
 */
public final class WriteModel {

    private WriteModel() {
    }

    public static <T> T read(String purpose, Callable<T> read) {
        ResultMessage<T> result = DefaultUnitOfWork.startAndGet(GenericCommandMessage.asCommandMessage(purpose)).executeWithResult(read);
        if (result.isExceptional()) {
            Throwable failure = result.exceptionResult();
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(failure);
        }
        return result.getPayload();
    }
}
