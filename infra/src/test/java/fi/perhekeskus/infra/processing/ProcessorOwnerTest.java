package fi.perhekeskus.infra.processing;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProcessorOwnerTest {

    @Test
    void everyInstanceInOneJvmClaimsUnderItsOwnName() {
        var names = IntStream.range(0, 50).parallel().mapToObj(i -> ProcessorOwner.next().name()).toList();

        assertThat(names).doesNotHaveDuplicates()
                .allSatisfy(name -> assertThat(name).startsWith(ManagementFactory.getRuntimeMXBean().getName()));
    }

    @Test
    void aNameIsRequired() {
        assertThatThrownBy(() -> new ProcessorOwner(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
