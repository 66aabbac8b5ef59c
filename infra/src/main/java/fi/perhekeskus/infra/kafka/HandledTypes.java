package fi.perhekeskus.infra.kafka;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.util.ClassUtils;

import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;

/** The payload types that the event handlers of some classes take: what their processor needs to read. */
public final class HandledTypes {

    private HandledTypes() {
    }

    /** What the beans of a processing group handle: the classes annotated {@code @ProcessingGroup(group)}. */
    public static Predicate<Class<?>> ofProcessingGroup(ListableBeanFactory beans, String group) {
        return of(beans.getBeansWithAnnotation(ProcessingGroup.class).values().stream()
                .map(ClassUtils::getUserClass)
                .filter(type -> group.equals(type.getAnnotation(ProcessingGroup.class).value()))
                .toArray(Class<?>[]::new));
    }

    public static Predicate<Class<?>> of(Class<?>... handlers) {
        Set<Class<?>> types = new HashSet<>();
        for (Class<?> handler : handlers) {
            for (Class<?> c = handler; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Method method : c.getDeclaredMethods()) {
                    if (method.isAnnotationPresent(EventHandler.class) && method.getParameterCount() > 0) {
                        types.add(method.getParameterTypes()[0]);
                    }
                }
            }
        }
        return payloadType -> types.stream().anyMatch(handled -> handled.isAssignableFrom(payloadType));
    }
}
