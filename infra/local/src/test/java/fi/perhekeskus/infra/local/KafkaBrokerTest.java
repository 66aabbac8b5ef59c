package fi.perhekeskus.infra.local;

import org.junit.jupiter.api.RepeatedTest;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaBrokerTest {

    @RepeatedTest(200)
    void aClusterIdIsNeverTakenForAnOption() {
        assertThat(KafkaBroker.clusterId()).hasSize(22).doesNotStartWith("-").matches("[A-Za-z0-9_-]+");
    }
}
